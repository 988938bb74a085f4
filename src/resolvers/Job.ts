/** `Job` ← AWX `job` (a playbook run): a mapping table from AWX's snake_case JSON. */
import type { JobResolvers } from '../__generated__/resolvers-types.js';
import type { AwxJob } from '../awx/models/jobs.js';
import { WEBHOOK_SERVICES } from './enums.js';
import { awxEnum, parseExtraVars, propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxJob>();

/** Resolvers of `Job`: AWX keys renamed, enums checked, extra vars parsed. */
export const Job: JobResolvers = {
  ...unifiedJobFields,
  jobType: p('job_type'),
  inventoryId: p('inventory'),
  projectId: p('project'),
  playbook: p('playbook'),
  scmBranch: p('scm_branch'),
  forks: p('forks'),
  limit: p('limit'),
  verbosity: p('verbosity'),
  extraVars: (job) => ('extra_vars' in job ? parseExtraVars(job.extra_vars) : null),
  jobTags: p('job_tags'),
  skipTags: p('skip_tags'),
  forceHandlers: p('force_handlers'),
  startAtTask: p('start_at_task'),
  timeout: p('timeout'),
  useFactCache: p('use_fact_cache'),
  organizationId: p('organization'),
  executionNode: p('execution_node'),
  controllerNode: p('controller_node'),
  jobTemplateId: p('job_template'),
  passwordsNeededToStart: p('passwords_needed_to_start'),
  allowSimultaneous: p('allow_simultaneous'),
  artifacts: p('artifacts'),
  scmRevision: p('scm_revision'),
  instanceGroupId: p('instance_group'),
  diffMode: p('diff_mode'),
  jobSliceNumber: p('job_slice_number'),
  jobSliceCount: p('job_slice_count'),
  webhookService: awxEnum(WEBHOOK_SERVICES, (job: AwxJob) => job.webhook_service, 'webhook_service'),
  webhookCredentialId: p('webhook_credential'),
  webhookGuid: p('webhook_guid'),
};
