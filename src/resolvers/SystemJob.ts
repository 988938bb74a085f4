/** `SystemJob` ← AWX `system_job` (a maintenance job of a system job template): a mapping table. */
import type { SystemJobResolvers } from '../__generated__/resolvers-types.js';
import type { AwxSystemJob } from '../awx/models/jobs.js';
import { parseExtraVars, propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxSystemJob>();

/** Resolvers of `SystemJob`: AWX keys renamed, extra vars parsed. */
export const SystemJob: SystemJobResolvers = {
  ...unifiedJobFields,
  systemJobTemplateId: p('system_job_template'),
  jobType: p('job_type'),
  extraVars: (job) => ('extra_vars' in job ? parseExtraVars(job.extra_vars) : null),
  resultStdout: p('result_stdout'),
  executionNode: p('execution_node'),
};
