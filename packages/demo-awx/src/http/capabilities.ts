import type { AwxRecord } from '../types.js';
import { canDeleteWorkflowJob } from './permissions.js';
import type { Access } from './roles.js';

/**
 * `summary_fields.user_capabilities`, computed for the caller like BaseAccess.get_user_capabilities
 * (awx/main/access.py) for the serializer's show_capabilities (awx/api/serializers.py): unified jobs show
 * {delete, start}, job, workflow job and project templates {edit, delete, start, schedule, copy}, inventory
 * sources {edit, delete, start, schedule}. Keys come in AWX's loop order: edit, delete, start, schedule, copy.
 */

type Capabilities = Record<string, boolean>;
type Compute = (access: Access, record: AwxRecord) => Capabilities;

const superuser = (access: Access) => access.account.isSuperuser;

/** Unified jobs (UnifiedJobSerializer.show_capabilities = ['start', 'delete']), by type. */
const JOBS: Record<string, Compute> = {
  // WorkflowJobAccess.get_method_capability: without a workflow job template (slice, bulk) only superusers start.
  workflow_job: (access, job) => ({
    delete: canDeleteWorkflowJob(access, job),
    start: typeof job.workflow_job_template === 'number'
      ? access.hasRole('workflow_job_templates', job.workflow_job_template, 'execute') : superuser(access),
  }),
  // JobAccess: delete is the job organization's admin; start (get_method_capability) execute on its job template.
  job: (access, job) => ({
    delete: superuser(access) || access.hasOrgRole(access.owner('jobs', job), 'admin'),
    start: typeof job.job_template === 'number' ? access.hasRole('job_templates', job.job_template, 'execute') : true,
  }),
  project_update: (access, update) => ({
    delete: access.hasRole('projects', update.project, 'admin'),
    start: access.hasRole('projects', update.project, 'update'),
  }),
  inventory_update: (access, update) => ({
    delete: access.hasRole('inventories', update.inventory, 'admin'),
    start: access.hasRole('inventories', update.inventory, 'update'),
  }),
  // WorkflowApprovalAccess.can_start is always True; neither approvals nor system jobs have a delete rule of their own.
  workflow_approval: (access) => ({ delete: superuser(access), start: true }),
  system_job: (access) => ({ delete: superuser(access), start: false }),
  ad_hoc_command: (access, command) => {
    const inventory = access.find('inventories', command.inventory);
    const org = inventory ? access.owner('inventories', inventory) : null;
    return {
      delete: superuser(access) || access.hasOrgRole(org, 'admin'),
      start: access.hasRole('credentials', command.credential, 'use')
        && access.hasRole('inventories', command.inventory, 'adhoc'),
    };
  },
};

/** Templates; delete follows edit for every model that is not a unified job (get_user_capabilities). */
const TEMPLATES: Record<string, Compute> = {
  job_template: (access, t) => templateCapabilities(access.hasRole('job_templates', t.id, 'admin'),
    access.hasRole('job_templates', t.id, 'execute'),
    // can_copy → JobTemplateAccess.can_add: use of its inventory and its project.
    access.hasRole('inventories', t.inventory, 'use') && access.hasRole('projects', t.project, 'use')),
  workflow_job_template: (access, t) => templateCapabilities(access.hasRole('workflow_job_templates', t.id, 'admin'),
    access.hasRole('workflow_job_templates', t.id, 'execute'),
    // can_copy: the workflow admin role of its organization (superusers only when it has none).
    t.organization === null ? superuser(access) : access.hasOrgRole(access.owner('workflow_job_templates', t), 'admin')),
  project: (access, p) => templateCapabilities(access.hasRole('projects', p.id, 'admin'),
    access.hasRole('projects', p.id, 'update'), access.hasOrgRole(access.owner('projects', p), 'admin')),
  inventory_source: (access, s) => {
    const { copy: _none, ...rest } = templateCapabilities(access.hasRole('inventories', s.inventory, 'admin'),
      access.hasRole('inventories', s.inventory, 'update'), false);
    return rest;
  },
};

function templateCapabilities(admin: boolean, start: boolean, copy: boolean): Capabilities {
  return { edit: admin, delete: admin, start, schedule: start, copy };
}

/**
 * The caller's capabilities on this record, or undefined for types the demo does not compute them for.
 * A read-scoped token can take no action, so every capability is false for it.
 */
export function userCapabilities(access: Access, record: AwxRecord): Capabilities | undefined {
  const compute = JOBS[record.type] ?? TEMPLATES[record.type];
  if (!compute) return undefined;
  const capabilities = compute(access, record);
  if (access.caller.scope === 'write') return capabilities;
  return Object.fromEntries(Object.keys(capabilities).map((key) => [key, false]));
}
