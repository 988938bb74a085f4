/** `Inventory` ← AWX `inventory`, full or summarised. */
import type { InventoryResolvers } from '../__generated__/resolvers-types.js';
import type { AwxInventory } from '../awx/models/inventory.js';
import { parseExtraVars, propsOf } from './helpers.js';

const p = propsOf<AwxInventory>();

export const Inventory: InventoryResolvers = {
  // An inventory summary names it `organization_id`.
  organizationId: (inv) => inv.organization ?? inv.organization_id ?? null,
  hostFilter: p('host_filter'),
  variables: (inv) => parseExtraVars(inv.variables),
  hasActiveFailures: p('has_active_failures'),
  totalHosts: p('total_hosts'),
  hostsWithActiveFailures: p('hosts_with_active_failures'),
  totalGroups: p('total_groups'),
  hasInventorySources: p('has_inventory_sources'),
  totalInventorySources: p('total_inventory_sources'),
  inventorySourcesWithFailures: p('inventory_sources_with_failures'),
  pendingDeletion: p('pending_deletion'),
  preventInstanceGroupFallback: p('prevent_instance_group_fallback'),
};
