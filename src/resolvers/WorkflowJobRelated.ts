/** `WorkflowJobRelated`: a workflow job's related objects, summary-first, batched by id otherwise. */
import type { GraphQLResolveInfo } from 'graphql';
import type { WorkflowJobRelatedResolvers } from '../__generated__/resolvers-types.js';
import type { AwxRecord } from '../awx/byIds.js';
import { refFromUrl, templateResourceOfType, templateTypeOfJobType, type AwxResource } from '../awx/resources.js';
import type { AwxWorkflowJob, AwxWorkflowJobSummaryFields } from '../awx/types.js';
import type { GatewayContext } from '../context.js';
import { fields, resolveRelated } from './related.js';
import { labelsOf, nodesOf, subListOf } from './relatedLists.js';

/**
 * GraphQL fields each of AWX's workflow-job summaries answers: `SUMMARIZABLE_FK_FIELDS` and
 * `BaseSerializer.get_summary_fields` in awx/api/serializers.py (`source_workflow_job` from `UnifiedJobSerializer.get_summary_fields`).
 */
const USER = fields('id', 'username', 'firstName', 'lastName');
const NAMED = fields('id', 'name', 'description');
const TEMPLATE = fields('id', 'name', 'description', 'type');
const SCHEDULE = fields('id', 'name', 'description', 'nextRun');
const CREDENTIAL = fields('id', 'name', 'description', 'kind', 'cloud', 'credentialTypeId');
const JOB = fields('id', 'name', 'description', 'status', 'failed', 'elapsed', 'type', 'canceledOn');
const INVENTORY = fields(
  'id', 'name', 'description', 'hasActiveFailures', 'totalHosts', 'hostsWithActiveFailures', 'totalGroups',
  'hasInventorySources', 'totalInventorySources', 'inventorySourcesWithFailures', 'organizationId', 'kind',
);

/** AWX active states: a job can be canceled only in these (`UnifiedJob.can_cancel`). */
const CANCELABLE = new Set(['new', 'pending', 'waiting', 'running']);

type SummaryKey = keyof AwxWorkflowJobSummaryFields;

/** How one related object is found from the job: its id, collection, summary and what the summary answers. */
interface Link {
  id: (job: AwxWorkflowJob) => number | null | undefined;
  resource: AwxResource;
  summary: SummaryKey;
  answers: ReadonlySet<string>;
  type?: string;
}

/** The id in a `related` URL, else in the summary: AWX sets both, or neither, for these links. */
const linkedId = (key: string & SummaryKey) => (job: AwxWorkflowJob) =>
  refFromUrl(job.related?.[key])?.id ?? (job.summary_fields?.[key] as { id?: number } | undefined)?.id;

function relatedField(link: Link | ((job: AwxWorkflowJob) => Link)) {
  return (job: AwxWorkflowJob, _args: unknown, ctx: GatewayContext, info: GraphQLResolveInfo) => {
    const { id, resource, summary, answers, type } = typeof link === 'function' ? link(job) : link;
    const source = { id: id(job), resource, summary: job.summary_fields?.[summary] as AwxRecord | undefined, answers, extra: type ? { type } : undefined };
    return resolveRelated<never>(source, info, ctx);
  };
}

/** The launching template: its collection from the related URL, its `type` from the summary's job type. */
function templateLink(job: AwxWorkflowJob): Link {
  const jobType = job.summary_fields?.unified_job_template?.unified_job_type;
  const type = templateTypeOfJobType(jobType) ?? (job.is_sliced_job ? 'job_template' : 'workflow_job_template');
  const resource = refFromUrl(job.related?.unified_job_template)?.resource ?? templateResourceOfType(type) ?? 'workflow_job_templates';
  return { id: (j) => j.unified_job_template, resource, summary: 'unified_job_template', answers: TEMPLATE, type };
}

export const WorkflowJobRelated: WorkflowJobRelatedResolvers = {
  createdBy: relatedField({ id: linkedId('created_by'), resource: 'users', summary: 'created_by', answers: USER }),
  modifiedBy: relatedField({ id: linkedId('modified_by'), resource: 'users', summary: 'modified_by', answers: USER }),
  unifiedJobTemplate: relatedField(templateLink),
  workflowJobTemplate: relatedField({
    id: (job) => job.workflow_job_template, resource: 'workflow_job_templates', summary: 'workflow_job_template', answers: TEMPLATE, type: 'workflow_job_template',
  }),
  jobTemplate: relatedField({ id: (job) => job.job_template, resource: 'job_templates', summary: 'job_template', answers: TEMPLATE, type: 'job_template' }),
  schedule: relatedField({ id: linkedId('schedule'), resource: 'schedules', summary: 'schedule', answers: SCHEDULE }),
  sourceWorkflowJob: relatedField({ id: linkedId('source_workflow_job'), resource: 'workflow_jobs', summary: 'source_workflow_job', answers: JOB, type: 'workflow_job' }),
  webhookCredential: relatedField({ id: (job) => job.webhook_credential, resource: 'credentials', summary: 'webhook_credential', answers: CREDENTIAL }),
  inventory: relatedField({ id: (job) => job.inventory, resource: 'inventories', summary: 'inventory', answers: INVENTORY }),
  organization: relatedField({ id: (job) => job.summary_fields?.organization?.id, resource: 'organizations', summary: 'organization', answers: NAMED }),
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
