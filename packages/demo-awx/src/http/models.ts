/**
 * What AWX's models have, as opposed to what its serializers send: filters and `order_by` are checked
 * against model fields (DAB `rest_filters/utils.py` get_fields_from_path → Django's `_meta.get_field`),
 * so a key a serializer adds but the model lacks is a 400, and `fk__field` walks the model relation.
 */

/** Properties and serializer-only keys every unified job sends (awx/main/models/unified_jobs.py, awx/api/serializers.py). */
const UNIFIED_JOB_EXTRAS = ['launched_by', 'event_processing_finished'];

/**
 * Launch prompts that WorkflowJob, WorkflowJobTemplate, WorkflowJobNode and Schedule keep in the `char_prompts`
 * JSON field (awx/main/models/jobs.py LaunchTimeConfigBase/LaunchTimeConfig): serialized like fields, not fields.
 */
const WORKFLOW_PROMPTS = ['limit', 'scm_branch', 'job_tags', 'skip_tags'];
const NODE_PROMPTS = [...WORKFLOW_PROMPTS, 'job_type', 'diff_mode', 'verbosity', 'forks', 'job_slice_count', 'timeout'];

/** Serializer keys that are no model field of the model (by Django model name). */
const NOT_MODEL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  WorkflowJob: [...UNIFIED_JOB_EXTRAS, ...WORKFLOW_PROMPTS],
  WorkflowJobTemplate: WORKFLOW_PROMPTS,
  WorkflowJobNode: NODE_PROMPTS,
  Schedule: NODE_PROMPTS,
  Job: [...UNIFIED_JOB_EXTRAS, 'passwords_needed_to_start', 'playbook_counts'],
  ProjectUpdate: [...UNIFIED_JOB_EXTRAS, 'playbook_counts'],
  InventoryUpdate: UNIFIED_JOB_EXTRAS,
  WorkflowApproval: [...UNIFIED_JOB_EXTRAS, 'can_approve_or_deny', 'approval_expiration'],
  SystemJob: [...UNIFIED_JOB_EXTRAS, 'result_stdout'],
  AdHocCommand: UNIFIED_JOB_EXTRAS,
  UnifiedJob: UNIFIED_JOB_EXTRAS,
};

/** Whether `field` is a serializer key the model does not have. */
export function isSerializerOnly(model: string, field: string): boolean {
  return NOT_MODEL_FIELDS[model]?.includes(field) ?? false;
}

/**
 * Relations a lookup may walk (`created_by__username`, `labels__name`, …): the field, and the resource
 * (by its URL name) whose records it points at. Targets of polymorphic relations are the `unified_*` views.
 */
const RELATIONS: Readonly<Record<string, string>> = {
  created_by: 'users',
  modified_by: 'users',
  organization: 'organizations',
  labels: 'labels',
  workflow_job_template: 'workflow_job_templates',
  job_template: 'job_templates',
  unified_job_template: 'unified_job_templates',
  inventory: 'inventories',
  project: 'projects',
  credential: 'credentials',
  webhook_credential: 'credentials',
  schedule: 'schedules',
  workflow_job: 'workflow_jobs',
  job: 'unified_jobs',
  inventory_source: 'inventory_sources',
  system_job_template: 'system_job_templates',
  workflow_approval_template: 'workflow_approval_templates',
  source_workflow_job: 'workflow_jobs',
};

/** The resource a relation field points at, if the demo can walk it. */
export function relationTarget(field: string): string | undefined {
  return RELATIONS[field];
}

const UNIFIED_JOB_MODELS = new Set(['WorkflowJob', 'Job', 'ProjectUpdate', 'InventoryUpdate', 'WorkflowApproval', 'SystemJob', 'AdHocCommand', 'UnifiedJob']);

/**
 * What the database holds for a serialized value, where the two differ: a started, unfinished job's
 * `elapsed` is stored as 0 (`UnifiedJob.save` computes it once the job finishes, awx/main/models/unified_jobs.py)
 * while `UnifiedJobSerializer.to_representation` shows the live running time; filters and `order_by` see the 0.
 */
export function storedValue(model: string, field: string, record: Record<string, unknown>, shown: unknown): unknown {
  if (field === 'elapsed' && UNIFIED_JOB_MODELS.has(model) && record.started != null && record.finished == null) return 0;
  return shown;
}
