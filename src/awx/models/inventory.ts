/**
 * An AWX inventory as `/api/v2/inventories/` sends it (InventorySerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */

/** An inventory; a summary has `organization_id` where the full object has `organization`. */
export type AwxInventory = {
  id: number;
  type?: string;
  url?: string;
  created?: string;
  modified?: string;
  name?: string;
  description?: string;
  organization?: number | null;
  organization_id?: number | null;
  kind?: string;
  host_filter?: string | null;
  /** JSON or YAML text. */
  variables?: string | null;
  has_active_failures?: boolean;
  total_hosts?: number;
  hosts_with_active_failures?: number;
  total_groups?: number;
  has_inventory_sources?: boolean;
  total_inventory_sources?: number;
  inventory_sources_with_failures?: number;
  pending_deletion?: boolean;
  prevent_instance_group_fallback?: boolean;
};
