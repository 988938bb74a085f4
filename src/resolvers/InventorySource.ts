/** `InventorySource` ← AWX `inventory_source`, full or summarised. */
import type { InventorySourceResolvers } from '../__generated__/resolvers-types.js';
import type { AwxInventorySource } from '../awx/models/templates.js';
import { parseExtraVars, propsOf } from './helpers.js';

const p = propsOf<AwxInventorySource>();

export const InventorySource: InventorySourceResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  sourcePath: p('source_path'),
  sourceVars: (src) => parseExtraVars(src.source_vars),
  credentialId: p('credential'),
  enabledVar: p('enabled_var'),
  enabledValue: p('enabled_value'),
  hostFilter: p('host_filter'),
  overwriteVars: p('overwrite_vars'),
  executionEnvironmentId: p('execution_environment'),
  inventoryId: p('inventory'),
  updateOnLaunch: p('update_on_launch'),
  updateCacheTimeout: p('update_cache_timeout'),
  sourceProjectId: p('source_project'),
  lastUpdateFailed: p('last_update_failed'),
  lastUpdated: p('last_updated'),
};
