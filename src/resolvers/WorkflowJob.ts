/** `WorkflowJob` ← AWX `workflow_job`: a mapping table from AWX's snake_case JSON. */
import type { GraphQLResolveInfo } from 'graphql';
import type { WorkflowJobResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import type { GatewayContext } from '../context.js';
import { JOB_STATUSES, LAUNCH_TYPES, WEBHOOK_SERVICES } from './enums.js';
import { awxEnum, ownId, parseExtraVars, propsOf } from './helpers.js';
import { selectedFields } from './selection.js';

type DetailOnly = 'job_args' | 'job_cwd' | 'job_env' | 'result_traceback';

/**
 * A field AWX sends on the detail endpoint only. List rows lack the key, so the job's detail is
 * read (once per job per request, through the detail loader) rather than answering a silent null.
 */
function detailField<K extends DetailOnly>(key: K) {
  return async (job: AwxWorkflowJob, _args: unknown, { loaders }: GatewayContext) => {
    if (key in job) return job[key] ?? null;
    const detail = await loaders.workflowJob.detail.load({ id: job.id });
    return detail?.[key] ?? null;
  };
}

const p = propsOf<AwxWorkflowJob>();

/**
 * `summary_fields`. AWX adds `ancestor_job` on the detail endpoint only, so for a list row (no detail-only
 * keys) the job's detail is read when `ancestorJob` is selected, as for the other detail-only fields.
 */
async function summaryFields(job: AwxWorkflowJob, _args: unknown, { loaders }: GatewayContext, info: GraphQLResolveInfo) {
  const summary = job.summary_fields ?? {};
  if ('result_traceback' in job || !selectedFields(info).has('ancestorJob')) return summary;
  const detail = await loaders.workflowJob.detail.load({ id: job.id });
  return detail?.summary_fields ?? summary;
}

export const WorkflowJob: WorkflowJobResolvers = {
  id: ownId,
  type: p('type'),
  url: p('url'),
  summaryFields,
  related: (job) => job,
  created: p('created'),
  modified: p('modified'),
  name: p('name'),
  description: p('description'),
  unifiedJobTemplateId: p('unified_job_template'),
  launchType: awxEnum(LAUNCH_TYPES, (job: AwxWorkflowJob) => job.launch_type, 'launch_type'),
  status: awxEnum(JOB_STATUSES, (job: AwxWorkflowJob) => job.status, 'status'),
  failed: p('failed'),
  started: p('started'),
  finished: p('finished'),
  canceledOn: p('canceled_on'),
  elapsed: p('elapsed'),
  jobArgs: detailField('job_args'),
  jobCwd: detailField('job_cwd'),
  jobEnv: detailField('job_env'),
  jobExplanation: p('job_explanation'),
  resultTraceback: detailField('result_traceback'),
  launchedBy: (job) => job.launched_by ?? {},
  workUnitId: p('work_unit_id'),
  workflowJobTemplateId: p('workflow_job_template'),
  extraVars: (job) => parseExtraVars(job.extra_vars),
  allowSimultaneous: p('allow_simultaneous'),
  jobTemplateId: p('job_template'),
  isSlicedJob: p('is_sliced_job'),
  inventoryId: p('inventory'),
  limit: p('limit'),
  scmBranch: p('scm_branch'),
  webhookService: awxEnum(WEBHOOK_SERVICES, (job: AwxWorkflowJob) => job.webhook_service, 'webhook_service'),
  webhookCredentialId: p('webhook_credential'),
  webhookGuid: p('webhook_guid'),
  skipTags: p('skip_tags'),
  jobTags: p('job_tags'),
};
