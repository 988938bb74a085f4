/** AWX resource names, the `type` strings that name them, and the API paths that point at them. */

/** The collections of unified jobs (all kinds of job share one id space). */
export const JOB_RESOURCES = [
  'workflow_jobs',
  'jobs',
  'project_updates',
  'inventory_updates',
  'workflow_approvals',
  'system_jobs',
  'ad_hoc_commands',
] as const;

/** Collections this gateway reads by id through `GET <api>/v2/<resource>/?id__in=…`. */
export const AWX_RESOURCES = [
  'users',
  'organizations',
  'workflow_job_templates',
  'job_templates',
  'projects',
  'inventory_sources',
  'workflow_approval_templates',
  'system_job_templates',
  'inventories',
  'schedules',
  'credentials',
  'labels',
  'notifications',
  'activity_stream',
  'workflow_job_nodes',
  ...JOB_RESOURCES,
] as const;

/** One AWX collection. */
export type AwxResource = (typeof AWX_RESOURCES)[number];

/** A pointer to one AWX object. */
export interface AwxRef {
  resource: AwxResource;
  id: number;
}

/** Unified job `type` → its collection (one id space is shared by all of them). */
export const JOB_RESOURCE_OF_TYPE: Readonly<Record<string, AwxResource>> = {
  workflow_job: 'workflow_jobs',
  job: 'jobs',
  project_update: 'project_updates',
  inventory_update: 'inventory_updates',
  workflow_approval: 'workflow_approvals',
  system_job: 'system_jobs',
  ad_hoc_command: 'ad_hoc_commands',
};

/** Template `type` → its collection. */
export const TEMPLATE_RESOURCE_OF_TYPE: Readonly<Record<string, AwxResource>> = {
  workflow_job_template: 'workflow_job_templates',
  job_template: 'job_templates',
  project: 'projects',
  inventory_source: 'inventory_sources',
  workflow_approval_template: 'workflow_approval_templates',
  system_job_template: 'system_job_templates',
};

/** A template summary's `unified_job_type` (the kind of job it launches) → the template's own `type`. */
export const TEMPLATE_TYPE_OF_JOB_TYPE: Readonly<Record<string, string>> = {
  workflow_job: 'workflow_job_template',
  job: 'job_template',
  project_update: 'project',
  inventory_update: 'inventory_source',
  workflow_approval: 'workflow_approval_template',
  system_job: 'system_job_template',
};

// AWX's `/api/v2/<resource>/<id>/`, or the same below an API prefix such as AAP's `/api/controller/v2/`.
const RESOURCE_PATH = /\/v2\/([a-z_]+)\/([1-9][0-9]{0,9})\/$/;

/** The object an AWX `related` URL points at (either API layout), if it is one of the collections this gateway reads. */
export function refFromUrl(url: unknown): AwxRef | null {
  if (typeof url !== 'string') return null;
  const match = RESOURCE_PATH.exec(url);
  if (!match) return null;
  const resource = match[1] as AwxResource;
  const id = Number(match[2]);
  return (AWX_RESOURCES as readonly string[]).includes(resource) && id < 2 ** 31 ? { resource, id } : null;
}
