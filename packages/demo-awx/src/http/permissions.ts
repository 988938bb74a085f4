import type { AwxRecord } from '../types.js';
import type { Access } from './roles.js';
import { sentSecrets } from './survey.js';

/**
 * Who may change what, following the access classes of awx/main/access.py: launching and relaunching
 * take the template's execute role, deleting a workflow job its organization's workflow admin role,
 * canceling being its launcher, its deleter or the template's admin. Reading is visibility.ts's business.
 */

/** May launch this workflow job template (WorkflowJobTemplateAccess.can_start: superuser or execute_role). */
export function canLaunch(access: Access, template: AwxRecord): boolean {
  return access.hasRole('workflow_job_templates', template.id, 'execute');
}

/** The template a workflow job is relaunched from: its workflow job template, or the job template of a slice job. */
export function relaunchTemplate(access: Access, job: AwxRecord): AwxRecord | undefined {
  if (typeof job.workflow_job_template === 'number') return access.find('workflow_job_templates', job.workflow_job_template);
  return job.is_sliced_job === true ? access.find('job_templates', job.job_template) : undefined;
}

/** WorkflowJobAccess.can_start: superusers always; others need execute on the template, which must still exist. */
export function canRelaunch(access: Access, job: AwxRecord): boolean {
  if (access.account.isSuperuser) return true;
  const template = relaunchTemplate(access, job);
  if (!template) return false;
  const collection = template.type === 'job_template' ? 'job_templates' : 'workflow_job_templates';
  return access.hasRole(collection, template.id, 'execute');
}

/**
 * WorkflowJobAccess.can_delete: a superuser, or the workflow admin of the organization of its workflow job
 * template (an organization admin holds that role); slice and bulk jobs have none, so superusers only.
 */
export function canDeleteWorkflowJob(access: Access, job: AwxRecord): boolean {
  if (access.account.isSuperuser) return true;
  const template = access.find('workflow_job_templates', job.workflow_job_template);
  return template !== undefined && access.hasOrgRole(access.owner('workflow_job_templates', template), 'admin');
}

/** WorkflowJobAccess.can_cancel (for an active job): its launcher, whoever may delete it, or the template's admin. */
export function canCancel(access: Access, job: AwxRecord): boolean {
  const creator = (job.summary_fields as { created_by?: { id?: number } } | undefined)?.created_by?.id;
  if (creator === access.account.id || canDeleteWorkflowJob(access, job)) return true;
  const template = job.workflow_job_template;
  return typeof template === 'number' && access.hasRole('workflow_job_templates', template, 'admin');
}

/** Whether the job holds survey passwords another user sent: nobody else may relaunch it (WorkflowJobAccess.can_start). */
export function hasSecretsOfAnother(access: Access, job: AwxRecord): boolean {
  if (access.account.isSuperuser || sentSecrets(access.data, job).length === 0) return false;
  const creator = (job.summary_fields as { created_by?: { id?: number } } | undefined)?.created_by?.id;
  return creator !== access.account.id;
}
