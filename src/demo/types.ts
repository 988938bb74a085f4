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

/** A login: who may call the fake AWX and which organizations they belong to. */
export interface DemoAccount {
  id: number;
  username: string;
  password: string;
  isSuperuser: boolean;
  /** Organization ids this user is a member of (what a non-superuser may see). */
  organizations: number[];
  /** Member organizations where the user only holds read roles: no launch, relaunch or cancel there. */
  readOnlyOrganizations?: number[];
  /** Organizations the user administers: besides executing, they may delete its jobs. */
  adminOrganizations?: number[];
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
 * - `clock`: the dataset's "now", an ISO instant; running jobs' `elapsed` is measured up to it.
 */
export interface DemoData {
  collections: Record<CollectionName, AwxRecord[]>;
  organizationOf: Record<CollectionName, Record<number, number | null>>;
  jobLabels: Record<number, number[]>;
  jobNotifications: Record<number, number[]>;
  accounts: DemoAccount[];
  tokens: DemoToken[];
  clock: string;
}

/** An authenticated caller, as resolved from the Authorization header. */
export interface Caller {
  account: DemoAccount;
  scope: 'read' | 'write';
}
