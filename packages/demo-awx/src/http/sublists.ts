import type { AwxRecord, DemoData } from '../types.js';
import type { RecordScope } from './query.js';
import { activityJobIds } from './resources.js';

/** Sub-lists `/api/v2/<parent>/<id>/<name>/`: which child resource they list and which of its records. */

/** A sub-list: the child resource served, and a scope picking the parent's children. */
export interface SublistSpec {
  child: string;
  scope: (parent: AwxRecord, data: DemoData) => RecordScope;
}

const byField = (field: string): SublistSpec['scope'] => (parent) => (record) => record[field] === parent.id;

/**
 * A sub-list AWX serves to whoever may read the parent, without the child's own read check
 * (`filter_read_permission = False`: WorkflowJobWorkflowNodesList, WorkflowJobNodeChildrenBaseList).
 */
const parentAccessOnly = (scope: SublistSpec['scope']): SublistSpec['scope'] => (parent, data) =>
  Object.assign(scope(parent, data), { parentAccessOnly: true });

const inParentList = (field: string): SublistSpec['scope'] => parentAccessOnly((parent) => {
  const ids = new Set(Array.isArray(parent[field]) ? (parent[field] as number[]) : []);
  return (record) => ids.has(record.id);
});

/** Every label of a unified job, not only the 10 its summary shows. */
const jobLabels: SublistSpec['scope'] = (parent, data) => {
  const ids = new Set(data.jobLabels[parent.id] ?? []);
  return (record) => ids.has(record.id);
};

/** Notifications of a job; a workflow job's include those of its approval nodes (WorkflowJobNotificationsList). */
const jobNotifications: SublistSpec['scope'] = (parent, data) => {
  const approvals = parent.type !== 'workflow_job' ? [] : data.collections.workflow_job_nodes
    .filter((node) => node.workflow_job === parent.id)
    .filter((node) => (node.summary_fields as { job?: { type?: string } }).job?.type === 'workflow_approval');
  const jobs = [parent.id, ...approvals.map((node) => node.job as number)];
  const ids = new Set(jobs.flatMap((id) => data.jobNotifications[id] ?? []));
  return (record) => ids.has(record.id);
};

/** Activity stream entries naming the workflow job (ActivityStream.workflow_job). */
const workflowActivity: SublistSpec['scope'] = (parent) => (record) => activityJobIds(record).includes(parent.id);

const UNIFIED_JOB_RESOURCES = ['workflow_jobs', 'jobs', 'project_updates', 'inventory_updates', 'workflow_approvals'];

const SUBLISTS = new Map<string, SublistSpec>([
  ['workflow_jobs/workflow_nodes', { child: 'workflow_job_nodes', scope: parentAccessOnly(byField('workflow_job')) }],
  ...UNIFIED_JOB_RESOURCES.map((parent): [string, SublistSpec] => [`${parent}/labels`, { child: 'labels', scope: jobLabels }]),
  ...UNIFIED_JOB_RESOURCES.map((parent): [string, SublistSpec] =>
    [`${parent}/notifications`, { child: 'notifications', scope: jobNotifications }]),
  ['workflow_jobs/activity_stream', { child: 'activity_stream', scope: workflowActivity }],
  ['workflow_job_nodes/success_nodes', { child: 'workflow_job_nodes', scope: inParentList('success_nodes') }],
  ['workflow_job_nodes/failure_nodes', { child: 'workflow_job_nodes', scope: inParentList('failure_nodes') }],
  ['workflow_job_nodes/always_nodes', { child: 'workflow_job_nodes', scope: inParentList('always_nodes') }],
  ['workflow_job_templates/workflow_jobs', { child: 'workflow_jobs', scope: byField('workflow_job_template') }],
  ['workflow_job_templates/schedules', { child: 'schedules', scope: byField('unified_job_template') }],
  ['job_templates/jobs', { child: 'jobs', scope: byField('job_template') }],
  ['job_templates/slice_workflow_jobs', { child: 'workflow_jobs', scope: byField('job_template') }],
  ['job_templates/schedules', { child: 'schedules', scope: byField('unified_job_template') }],
  ['organizations/users', {
    child: 'users',
    scope: (parent, data) => (record) =>
      data.accounts.some((account) => account.id === record.id && account.organizations.includes(parent.id)),
  }],
]);

/** The sub-list at `<parent>/<id>/<name>/`, if the demo serves it. */
export function sublistOf(parent: string, name: string): SublistSpec | undefined {
  return SUBLISTS.get(`${parent}/${name}`);
}
