/** One JSON object exactly as AWX serializes it (detail shape); `id` and `type` are always present. */
export type AwxRecord = { id: number; type: string; [field: string]: unknown };

/** Every collection the demo stores; list views such as `unified_jobs` are built from these. */
export const STORED_COLLECTIONS = [
  'organizations',
  'users',
  'labels',
  'inventories',
  'credentials',
  'projects',
  'inventory_sources',
  'job_templates',
  'workflow_job_templates',
  'workflow_approval_templates',
  'system_job_templates',
  'schedules',
  'workflow_jobs',
  'workflow_job_nodes',
  'jobs',
  'project_updates',
  'inventory_updates',
  'workflow_approvals',
  'system_jobs',
  'ad_hoc_commands',
  'notifications',
  'activity_stream',
] as const;

/** Name of a stored collection, equal to its `/api/v2/<name>/` path segment. */
export type CollectionName = (typeof STORED_COLLECTIONS)[number];

/** Roles AWX grants on one object; each includes the ones after it in its IMPLIED list (see http/roles.ts). */
export type RoleName = 'admin' | 'execute' | 'update' | 'adhoc' | 'use' | 'read';

/** The collections whose objects carry roles of their own (AWX's ImplicitRoleFields). */
export type RoleCollection = 'job_templates' | 'workflow_job_templates' | 'projects' | 'inventories' | 'credentials';

/** A role held directly on one object (AWX's per-object role assignment), e.g. execute on one template. */
export interface ObjectRole {
  collection: RoleCollection;
  id: number;
  role: RoleName;
}

/**
 * A login and the roles AWX would give it. Organization roles reach every object the organization owns:
 * admin is admin of all of it, auditor reads all of it, execute runs its job and workflow templates; a
 * plain member only sees the organization and its people (AWX's Organization role fields).
 */
export interface DemoAccount {
  id: number;
  username: string;
  password: string;
  isSuperuser: boolean;
  /** `is_system_auditor`: reads everything a superuser reads, changes nothing. */
  isSystemAuditor: boolean;
  /** Organizations whose member_role the user holds. */
  organizations: number[];
  /** Organizations whose admin_role the user holds. */
  adminOrganizations: number[];
  /** Organizations whose auditor_role the user holds (read-only on everything they own). */
  auditorOrganizations: number[];
  /** Organizations whose execute_role the user holds (runs their job and workflow templates). */
  executeOrganizations: number[];
  /** Roles held on single objects. */
  objectRoles: ObjectRole[];
}

/** An OAuth2 personal access token; `read` tokens may only GET. */
export interface DemoToken {
  token: string;
  userId: number;
  scope: 'read' | 'write';
}

/**
 * The whole demo AWX state. Everything is live and mutable: the server reads it on every request.
 * - `collections`: AWX-shaped records per resource, kept sorted by id (detail shape; lists strip fields).
 * - `organizationOf`: the owning organization of each record (`null` = superuser only). It is never
 *   serialized; records without an entry fall back to `summary_fields.organization.id`.
 * - `jobLabels`: every label id of each unified job, uncapped (the record's summary shows at most 10).
 * - `jobNotifications`: the notification ids of each unified job (AWX's `UnifiedJob.notifications`).
 * - `surveyPasswords`: per unified job, the survey variables of type password (AWX's `survey_passwords`):
 *   the record keeps what was sent, responses show `$encrypted$` instead.
 * - `bulkJobs`: ids of workflow jobs launched through the bulk API (AWX's unserialized `is_bulk_job`).
 * - `clock`: the dataset's "now", an ISO instant; running jobs' `elapsed` is measured up to it.
 */
export interface DemoData {
  collections: Record<CollectionName, AwxRecord[]>;
  organizationOf: Record<CollectionName, Record<number, number | null>>;
  jobLabels: Record<number, number[]>;
  jobNotifications: Record<number, number[]>;
  surveyPasswords: Record<number, string[]>;
  bulkJobs: number[];
  accounts: DemoAccount[];
  tokens: DemoToken[];
  clock: string;
}

/** An authenticated caller, as resolved from the Authorization header. */
export interface Caller {
  account: DemoAccount;
  scope: 'read' | 'write';
}
