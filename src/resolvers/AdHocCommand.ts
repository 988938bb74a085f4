/** `AdHocCommand` ← AWX `ad_hoc_command` (one module run against an inventory): a mapping table. */
import type { AdHocCommandResolvers } from '../__generated__/resolvers-types.js';
import type { AwxAdHocCommand } from '../awx/models/jobs.js';
import { parseExtraVars, propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxAdHocCommand>();

/** Resolvers of `AdHocCommand`: AWX keys renamed, extra vars parsed. */
export const AdHocCommand: AdHocCommandResolvers = {
  ...unifiedJobFields,
  jobType: p('job_type'),
  inventoryId: p('inventory'),
  limit: p('limit'),
  credentialId: p('credential'),
  moduleName: p('module_name'),
  moduleArgs: p('module_args'),
  forks: p('forks'),
  verbosity: p('verbosity'),
  extraVars: (job) => ('extra_vars' in job ? parseExtraVars(job.extra_vars) : null),
  becomeEnabled: p('become_enabled'),
  diffMode: p('diff_mode'),
  executionNode: p('execution_node'),
  controllerNode: p('controller_node'),
};
