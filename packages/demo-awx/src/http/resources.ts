import type { AwxRecord, CollectionName, DemoData } from '../types.js';

/** The REST resources the demo AWX serves, all through one generic list/detail code path. */

/** What a field holds, which decides how filter values are parsed and compared. */
export type FieldKind = 'fk' | 'm2m' | 'int' | 'number' | 'bool' | 'datetime' | 'text' | 'json';

/** A filterable field that is not a top-level key of the record (a model field AWX does not serialize). */
export interface VirtualField {
  kind: FieldKind;
  read: (record: AwxRecord, data: DemoData) => unknown;
}

/** One list endpoint `/api/v2/<name>/` with its detail `/api/v2/<name>/<id>/`. */
export interface ResourceSpec {
  name: string;
  /** Django model name, as it appears in error messages ("WorkflowJob has no field named 'foo'"). */
  model: string;
  /** Stored collections read; several for views such as unified_jobs. */
  sources: readonly CollectionName[];
  /** Model Meta.ordering, used when the request gives no order_by (id breaks ties). */
  defaultOrder: readonly string[];
  /** Dotted paths searched by `?search=`; default: username/first/last name, email, name, description. */
  searchPaths?: readonly string[];
  /** Only these fields may be filtered (view models whose rows carry subclass fields); default: all keys. */
  fields?: readonly string[];
  virtual?: Readonly<Record<string, VirtualField>>;
}

function summaryId(key: string): VirtualField {
  return {
    kind: 'fk',
    read: (record) => (record.summary_fields as Record<string, { id?: unknown } | undefined> | undefined)?.[key]?.id ?? null,
  };
}

const AUDITED = { created_by: summaryId('created_by'), modified_by: summaryId('modified_by') };
const UNIFIED_JOB_FIELDS = {
  ...AUDITED,
  organization: summaryId('organization'),
  // UnifiedJob.schedule: a model field no unified job serializer sends, but its summary names it.
  schedule: summaryId('schedule'),
  labels: { kind: 'm2m', read: (record, data) => data.jobLabels[record.id] ?? [] } satisfies VirtualField,
};

/** The unified jobs whose bookkeeping list (`jobLabels`, `jobNotifications`) holds the record: a reverse m2m. */
function jobsHolding(lists: (data: DemoData) => Record<number, number[]>): VirtualField {
  return {
    kind: 'm2m',
    read: (record, data) =>
      Object.entries(lists(data)).filter(([, ids]) => ids.includes(record.id)).map(([jobId]) => Number(jobId)),
  };
}

// The reverse names of UnifiedJob.labels and .notifications (related_name='%(class)s_labels', …).
const LABEL_FIELDS = { ...AUDITED, unifiedjob_labels: jobsHolding((data) => data.jobLabels) };
const NOTIFICATION_FIELDS = { unifiedjob_notifications: jobsHolding((data) => data.jobNotifications) };

/** The workflow jobs an activity stream entry is about (the many-to-many ActivityStream.workflow_job). */
export function activityJobIds(record: AwxRecord): number[] {
  const jobs = (record.summary_fields as { workflow_job?: { id: number }[] } | undefined)?.workflow_job ?? [];
  return jobs.map((job) => job.id);
}

const ACTIVITY_FIELDS = {
  actor: summaryId('actor'),
  workflow_job: { kind: 'm2m', read: activityJobIds } satisfies VirtualField,
};

/** Fields of the UnifiedJob base model: what `/unified_jobs/` can filter on, whatever the row's type. */
const UNIFIED_JOB_BASE = ['id', 'created', 'modified', 'name', 'description', 'unified_job_template', 'launch_type',
  'status', 'execution_environment', 'failed', 'started', 'finished', 'canceled_on', 'elapsed', 'job_args', 'job_cwd',
  'job_env', 'job_explanation', 'execution_node', 'controller_node', 'result_traceback', 'work_unit_id', 'type',
  'created_by', 'modified_by', 'organization', 'labels', 'schedule'];

const JOB_SOURCES = ['workflow_jobs', 'jobs', 'project_updates', 'inventory_updates', 'workflow_approvals',
  'system_jobs', 'ad_hoc_commands'] as const;
const TEMPLATE_SOURCES = ['job_templates', 'workflow_job_templates', 'projects', 'inventory_sources',
  'workflow_approval_templates', 'system_job_templates'] as const;
const BY_ID = ['id'];
const BY_NAME = ['name'];

function spec(name: string, model: string, extra: Partial<ResourceSpec> = {}): ResourceSpec {
  return { name, model, sources: [name as CollectionName], defaultOrder: BY_ID, virtual: AUDITED, ...extra };
}

/** Every resource, by URL segment. */
export const RESOURCES: ReadonlyMap<string, ResourceSpec> = new Map(
  [
    spec('workflow_jobs', 'WorkflowJob', { virtual: UNIFIED_JOB_FIELDS }),
    spec('workflow_job_nodes', 'WorkflowJobNode', {
      virtual: {},
      searchPaths: ['summary_fields.unified_job_template.name', 'summary_fields.unified_job_template.description'],
    }),
    spec('jobs', 'Job', { virtual: UNIFIED_JOB_FIELDS }),
    spec('project_updates', 'ProjectUpdate', { virtual: UNIFIED_JOB_FIELDS }),
    spec('inventory_updates', 'InventoryUpdate', { virtual: UNIFIED_JOB_FIELDS }),
    spec('workflow_approvals', 'WorkflowApproval', { virtual: UNIFIED_JOB_FIELDS }),
    spec('system_jobs', 'SystemJob', { virtual: UNIFIED_JOB_FIELDS }),
    spec('ad_hoc_commands', 'AdHocCommand', { virtual: UNIFIED_JOB_FIELDS }),
    spec('unified_jobs', 'UnifiedJob', {
      sources: JOB_SOURCES, virtual: UNIFIED_JOB_FIELDS, fields: UNIFIED_JOB_BASE,
      searchPaths: ['description', 'name', 'playbook'],
    }),
    spec('workflow_job_templates', 'WorkflowJobTemplate', { defaultOrder: BY_NAME }),
    spec('job_templates', 'JobTemplate', { defaultOrder: BY_NAME }),
    spec('projects', 'Project', { defaultOrder: BY_NAME }),
    spec('inventory_sources', 'InventorySource', { defaultOrder: BY_NAME }),
    spec('workflow_approval_templates', 'WorkflowApprovalTemplate', { defaultOrder: BY_NAME }),
    spec('system_job_templates', 'SystemJobTemplate', { defaultOrder: BY_NAME }),
    spec('unified_job_templates', 'UnifiedJobTemplate', {
      sources: TEMPLATE_SOURCES, defaultOrder: BY_NAME,
      fields: ['id', 'type', 'created', 'modified', 'name', 'description', 'last_job_run', 'last_job_failed',
        'next_job_run', 'status', 'execution_environment', 'organization', 'created_by', 'modified_by'],
    }),
    spec('organizations', 'Organization', { defaultOrder: BY_NAME }),
    spec('users', 'User', { virtual: {} }),
    spec('labels', 'Label', { virtual: LABEL_FIELDS, defaultOrder: ['organization', 'name'] }),
    spec('inventories', 'Inventory', { defaultOrder: BY_NAME }),
    spec('credentials', 'Credential', { defaultOrder: BY_NAME }),
    spec('schedules', 'Schedule', { defaultOrder: ['-next_run'] }),
    spec('notifications', 'Notification', {
      virtual: NOTIFICATION_FIELDS, searchPaths: ['subject', 'notification_type', 'body'],
    }),
    spec('activity_stream', 'ActivityStream', { virtual: ACTIVITY_FIELDS, searchPaths: ['changes'] }),
  ].map((resource) => [resource.name, resource]),
);

/** The resource served at this URL segment, if any. */
export function resourceNamed(name: string): ResourceSpec | undefined {
  return RESOURCES.get(name);
}

/** Record types whose list rows drop the detail-only fields (UnifiedJobListSerializer). */
export const UNIFIED_JOB_TYPES: ReadonlySet<string> = new Set([
  'workflow_job', 'job', 'project_update', 'inventory_update', 'workflow_approval', 'system_job', 'ad_hoc_command',
]);

const DETAIL_ONLY_COMMON = ['job_args', 'job_cwd', 'job_env', 'result_traceback', 'event_processing_finished'];
const DETAIL_ONLY_BY_TYPE: Record<string, ReadonlySet<string>> = {
  job: new Set([...DETAIL_ONLY_COMMON, 'host_status_counts', 'playbook_counts', 'custom_virtualenv']),
  project_update: new Set([...DETAIL_ONLY_COMMON, 'host_status_counts', 'playbook_counts']),
  inventory_update: new Set([...DETAIL_ONLY_COMMON, 'source_project']),
  ad_hoc_command: new Set([...DETAIL_ONLY_COMMON, 'host_status_counts']),
};
const DETAIL_ONLY_DEFAULT: ReadonlySet<string> = new Set(DETAIL_ONLY_COMMON);

/** Fields only the detail serializer of a unified job of this type returns (UnifiedJobListSerializer strips them). */
export function detailOnlyFields(type: string): ReadonlySet<string> {
  return DETAIL_ONLY_BY_TYPE[type] ?? DETAIL_ONLY_DEFAULT;
}
