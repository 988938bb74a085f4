/** `InventoryUpdate` ← AWX `inventory_update` (an inventory source sync): a mapping table. */
import type { InventoryUpdateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxInventoryUpdate } from '../awx/models/jobs.js';
import { propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxInventoryUpdate>();

/** Resolvers of `InventoryUpdate`: AWX keys renamed. */
export const InventoryUpdate: InventoryUpdateResolvers = {
  ...unifiedJobFields,
  inventoryId: p('inventory'),
  inventorySourceId: p('inventory_source'),
  source: p('source'),
  sourcePath: p('source_path'),
  credentialId: p('credential'),
  enabledVar: p('enabled_var'),
  enabledValue: p('enabled_value'),
  hostFilter: p('host_filter'),
  overwrite: p('overwrite'),
  overwriteVars: p('overwrite_vars'),
  timeout: p('timeout'),
  verbosity: p('verbosity'),
  licenseError: p('license_error'),
  orgHostLimitError: p('org_host_limit_error'),
  sourceProjectUpdateId: p('source_project_update'),
  instanceGroupId: p('instance_group'),
  scmRevision: p('scm_revision'),
  executionNode: p('execution_node'),
  controllerNode: p('controller_node'),
};
