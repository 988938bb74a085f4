/** `WorkflowJobRelated`: a workflow job's related objects, summary-first, batched by id otherwise. */
import type { GraphQLResolveInfo } from 'graphql';
import type { WorkflowJobRelatedResolvers } from '../__generated__/resolvers-types.js';
import { refFromUrl, templateResourceOfType, templateTypeOfJobType, type AwxResource } from '../awx/resources.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import type { GatewayContext } from '../context.js';
import { resolveRelated, type RelatedSource } from './related.js';
import { labelsOf, nodesOf, subListOf } from './relatedLists.js';

/**
 * GraphQL fields each of AWX's workflow-job summaries answers: `SUMMARIZABLE_FK_FIELDS` and
 * `BaseSerializer.get_summary_fields` in awx/api/serializers.py (`source_workflow_job` from `UnifiedJobSerializer.get_summary_fields`).
 * Each is checked against the summary it is used with: a field that summary lacks fails to compile.
 */
const USER = ['id', 'username', 'firstName', 'lastName'] as const;
const NAMED = ['id', 'name', 'description'] as const;
const TEMPLATE = ['id', 'name', 'description', 'type'] as const;
const SCHEDULE = ['id', 'name', 'description', 'nextRun'] as const;
const CREDENTIAL = ['id', 'name', 'description', 'kind', 'cloud', 'credentialTypeId'] as const;
const JOB = ['id', 'name', 'description', 'status', 'failed', 'elapsed', 'type', 'canceledOn'] as const;
const INVENTORY = [
  'id', 'name', 'description', 'hasActiveFailures', 'totalHosts', 'hostsWithActiveFailures', 'totalGroups',
  'hasInventorySources', 'totalInventorySources', 'inventorySourcesWithFailures', 'organizationId', 'kind',
] as const;

/** AWX active states: a job can be canceled only in these (`UnifiedJob.can_cancel`). */
const CANCELABLE = new Set(['new', 'pending', 'waiting', 'running']);

/** The summaries whose object AWX also links by URL. */
type LinkedKey = 'created_by' | 'modified_by' | 'schedule' | 'source_workflow_job';

/** The id in a `related` URL, else in the summary: AWX sets both, or neither, for these links. */
const linkedId = (job: AwxWorkflowJob, key: LinkedKey) => refFromUrl(job.related?.[key])?.id ?? job.summary_fields?.[key]?.id;

/** A resolver for one related object, from what the job knows of it (its id, collection and summary). */
function relatedField<R extends AwxResource, S extends object, E extends object>(link: (job: AwxWorkflowJob) => RelatedSource<R, S, E>) {
  return (job: AwxWorkflowJob, _args: unknown, ctx: GatewayContext, info: GraphQLResolveInfo) => resolveRelated(link(job), info, ctx);
}

/** The launching template: its collection from the related URL, its `type` from the summary's job type. */
function templateLink(job: AwxWorkflowJob) {
  const summary = job.summary_fields?.unified_job_template;
  const type = templateTypeOfJobType(summary?.unified_job_type) ?? (job.is_sliced_job ? 'job_template' : 'workflow_job_template');
  const resource = refFromUrl(job.related?.unified_job_template)?.resource ?? templateResourceOfType(type) ?? 'workflow_job_templates';
  return { id: job.unified_job_template, resource, summary, extra: { type }, answers: TEMPLATE };
}

export const WorkflowJobRelated: WorkflowJobRelatedResolvers = {
  createdBy: relatedField((job) => ({ id: linkedId(job, 'created_by'), resource: 'users', summary: job.summary_fields?.created_by, answers: USER })),
  modifiedBy: relatedField((job) => ({ id: linkedId(job, 'modified_by'), resource: 'users', summary: job.summary_fields?.modified_by, answers: USER })),
  unifiedJobTemplate: relatedField(templateLink),
  workflowJobTemplate: relatedField((job) => ({
    id: job.workflow_job_template, resource: 'workflow_job_templates', summary: job.summary_fields?.workflow_job_template,
    extra: { type: 'workflow_job_template' }, answers: TEMPLATE,
  })),
  jobTemplate: relatedField((job) => ({
    id: job.job_template, resource: 'job_templates', summary: job.summary_fields?.job_template, extra: { type: 'job_template' }, answers: TEMPLATE,
  })),
  schedule: relatedField((job) => ({ id: linkedId(job, 'schedule'), resource: 'schedules', summary: job.summary_fields?.schedule, answers: SCHEDULE })),
  sourceWorkflowJob: relatedField((job) => ({
    id: linkedId(job, 'source_workflow_job'), resource: 'workflow_jobs', summary: job.summary_fields?.source_workflow_job,
    extra: { type: 'workflow_job' }, answers: JOB,
  })),
  webhookCredential: relatedField((job) => ({
    id: job.webhook_credential, resource: 'credentials', summary: job.summary_fields?.webhook_credential, answers: CREDENTIAL,
  })),
  inventory: relatedField((job) => ({ id: job.inventory, resource: 'inventories', summary: job.summary_fields?.inventory, answers: INVENTORY })),
  organization: relatedField((job) => ({
    id: job.summary_fields?.organization?.id, resource: 'organizations', summary: job.summary_fields?.organization, answers: NAMED,
  })),
  workflowNodes: (job, args, ctx) => nodesOf(job, args, ctx),
  labels: (job, args, ctx, info) => labelsOf(job, args, ctx, info),
  // AWX links notifications only when the job has a workflow job template (`WorkflowJobSerializer.get_related`, awx/api/serializers.py).
  notifications: (job, args, ctx) => subListOf(job, job.related?.notifications ? 'notifications' : null, args, ctx),
  activityStream: (job, args, ctx) => subListOf(job, 'activity_stream', args, ctx),
  cancel: (job) => (job.related?.cancel ? job : null),
};

/** `CancelInfo`, derived from the job's status as AWX derives `can_cancel` (no request). */
export const CancelInfo = {
  canCancel: (job: AwxWorkflowJob) => CANCELABLE.has(job.status ?? ''),
};
