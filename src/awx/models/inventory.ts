/**
 * An AWX inventory as `/api/v2/inventories/` sends it (InventorySerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxInventoryCounts, AwxNamedObject } from './common.js';

/** An inventory; a summary has `organization_id` where the full object has `organization`. */
export type AwxInventory = AwxNamedObject & AwxInventoryCounts & {
  organization?: number | null;
  organization_id?: number | null;
  kind?: string;
  host_filter?: string | null;
  /** JSON or YAML text. */
  variables?: string | null;
  pending_deletion?: boolean;
  prevent_instance_group_fallback?: boolean;
};
