import { TEMPLATES } from '../dataset/catalog.js';
import type { AwxRecord, CollectionName } from '../types.js';
import type { Access } from './roles.js';
import type { Row } from './visibility.js';

/**
 * What a user who is neither superuser nor system auditor may read, per model: each rule follows the
 * `filtered_queryset` (and, for `object`, the `can_read`) of the access class in awx/main/access.py.
 */

/** `list`: the access class's filtered_queryset; `object`: its can_read (detail views, parents, actions). */
export type ReadCheck = 'list' | 'object';

type Rule = (access: Access, record: AwxRecord, check: ReadCheck) => boolean;

const TEMPLATE_COLLECTIONS = ['job_templates', 'workflow_job_templates', 'projects', 'inventory_sources'] as const;

/** A unified job template the caller can read (UnifiedJobTemplateAccess.filtered_queryset; system ones never). */
function templateReadable(access: Access, id: unknown): boolean {
  return TEMPLATE_COLLECTIONS.some((collection) => {
    const record = access.find(collection, id);
    if (!record) return false;
    if (collection === 'inventory_sources') return access.hasRole('inventories', record.inventory, 'read');
    return access.hasRole(collection, id, 'read');
  });
}

function creatorOf(record: AwxRecord): unknown {
  return (record.summary_fields as { created_by?: { id?: unknown } } | undefined)?.created_by?.id;
}

/** A bulk job is readable by its launcher, though only in detail views (WorkflowJobAccess.can_read). */
function ownBulkJob(access: Access, job: AwxRecord): boolean {
  return access.data.bulkJobs.includes(job.id) && creatorOf(job) === access.account.id;
}

/** WorkflowJobAccess: its template is readable, or it is a bulk job of an organization the caller administers. */
function workflowJobReadable(access: Access, job: AwxRecord, check: ReadCheck): boolean {
  if (check === 'object' && ownBulkJob(access, job)) return true;
  if (templateReadable(access, job.unified_job_template)) return true;
  return access.data.bulkJobs.includes(job.id) && access.hasOrgRole(access.owner('workflow_jobs', job), 'admin');
}

/** WorkflowJobNodeAccess: its workflow job's template is readable, or the caller administers the job's organization. */
function nodeReadable(access: Access, node: AwxRecord, check: ReadCheck): boolean {
  const job = access.find('workflow_jobs', node.workflow_job);
  if (!job) return false;
  if (check === 'object' && ownBulkJob(access, job)) return true;
  if (templateReadable(access, job.unified_job_template)) return true;
  return access.hasOrgRole(access.owner('workflow_jobs', job), 'admin');
}

/** UserAccess: themselves, superusers, members of organizations they can see; org admins and auditors see all. */
function userReadable(access: Access, user: AwxRecord): boolean {
  const { account } = access;
  if (user.id === account.id || user.is_superuser === true) return true;
  // ORG_ADMINS_CAN_SEE_ALL_USERS (True by default) opens every user to organization admins and auditors.
  if (account.adminOrganizations.length > 0 || account.auditorOrganizations.length > 0) return true;
  const other = access.data.accounts.find((candidate) => candidate.id === user.id);
  return other !== undefined && other.organizations.some((org) => access.hasOrgRole(org, 'read'));
}

/** WorkflowApprovalAccess: the workflow job template of the workflow job that ran it is readable. */
function approvalReadable(access: Access, approval: AwxRecord): boolean {
  const byJob = access.memo('nodes by job', () =>
    new Map(access.data.collections.workflow_job_nodes.map((node) => [node.job, node])));
  const job = access.find('workflow_jobs', byJob.get(approval.id)?.workflow_job);
  return job !== undefined && access.hasRole('workflow_job_templates', job.unified_job_template, 'read');
}

/** WorkflowApprovalTemplateAccess: a readable workflow job template has a node using it. */
function approvalTemplateReadable(access: Access, template: AwxRecord): boolean {
  return TEMPLATES.some((def) => def.kind === 'workflow_job' && (def.steps ?? []).includes(template.id) &&
    access.hasRole('workflow_job_templates', def.id, 'read'));
}

const orgAdminOrAuditor = (access: Access, org: number | null) =>
  access.hasOrgRole(org, 'admin') || access.hasOrgRole(org, 'auditor');

/** The rule of each model; models without one fall back to organization membership (see visibility.ts). */
export const READ_RULES: Partial<Record<CollectionName, Rule>> = {
  organizations: (access, org) => access.hasOrgRole(org.id, 'read'),
  users: userReadable,
  job_templates: (access, t) => access.hasRole('job_templates', t.id, 'read'),
  workflow_job_templates: (access, t) => access.hasRole('workflow_job_templates', t.id, 'read'),
  projects: (access, p) => access.hasRole('projects', p.id, 'read'),
  inventories: (access, i) => access.hasRole('inventories', i.id, 'read'),
  credentials: (access, c) => access.hasRole('credentials', c.id, 'read'),
  inventory_sources: (access, s) => access.hasRole('inventories', s.inventory, 'read'),
  workflow_approval_templates: approvalTemplateReadable,
  system_job_templates: () => false,
  schedules: (access, s) => templateReadable(access, s.unified_job_template),
  labels: (access, l) => access.hasOrgRole(access.owner('labels', l), 'read'),
  workflow_jobs: workflowJobReadable,
  workflow_job_nodes: nodeReadable,
  // JobAccess: its job template is readable, or the caller administers or audits the job's organization.
  jobs: (access, j) =>
    access.hasRole('job_templates', j.job_template, 'read') || orgAdminOrAuditor(access, access.owner('jobs', j)),
  project_updates: (access, u) => access.hasRole('projects', u.project, 'read'),
  inventory_updates: (access, u) => access.hasRole('inventories', u.inventory, 'read'),
  workflow_approvals: approvalReadable,
  // SystemJobAccess has no filtered_queryset of its own: only superusers and system auditors get any.
  system_jobs: () => false,
  ad_hoc_commands: (access, c) => access.hasRole('inventories', c.inventory, 'read'),
};

/** UnifiedJobAccess (`/unified_jobs/`): a readable template or inventory, or an organization administered or audited. */
export function unifiedJobReadable(access: Access, { record, collection }: Row): boolean {
  if (templateReadable(access, record.unified_job_template)) return true;
  const onInventory = collection === 'inventory_updates' || collection === 'ad_hoc_commands';
  if (onInventory && access.hasRole('inventories', record.inventory, 'read')) return true;
  return orgAdminOrAuditor(access, access.owner(collection, record));
}
