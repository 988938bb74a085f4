import type { ObjectRole } from '../types.js';

/** Organizations, people and their logins in the demo AWX. */
export interface OrgDef {
  id: number;
  name: string;
  description: string;
}

/** The three demo organizations; callers see clearly different subsets of jobs through them. */
export const ORGS: readonly OrgDef[] = [
  { id: 1, name: 'Default', description: '' },
  { id: 2, name: 'Engineering', description: 'Product engineering: web stack and release pipeline' },
  { id: 3, name: 'Operations', description: 'Infrastructure, patching and backups' },
];

/** A demo person: a user record plus the login and the AWX roles that go with it. */
export interface PersonDef {
  id: number;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  isSuperuser: boolean;
  isSystemAuditor: boolean;
  /** Organizations the person is a member of. */
  organizations: number[];
  adminOrganizations: number[];
  auditorOrganizations: number[];
  executeOrganizations: number[];
  objectRoles: ObjectRole[];
}

/** Logins for the demo AWX, printed by `npm start` and used by the tests. */
export const DEMO_CREDENTIALS = {
  admin: { username: 'admin', password: 'password', token: 'demo-admin-token' },
  /** Engineering member with its execute role: runs its templates, sees their jobs, its inventories and project. */
  alice: { username: 'alice', password: 'alice-password', token: 'demo-alice-token' },
  /** Operations member with its execute role, like alice in Engineering; launched the bulk job. */
  bob: { username: 'bob', password: 'bob-password', token: 'demo-bob-token' },
  /** Engineering auditor: sees everything Engineering owns, may not launch, relaunch or cancel its jobs. */
  carol: { username: 'carol', password: 'carol-password', token: 'demo-carol-token' },
  /** The Operations admin: may also delete Operations jobs, and sees its bulk jobs. */
  dave: { username: 'dave', password: 'dave-password', token: 'demo-dave-token' },
  /** A system auditor: reads everything, system jobs included, changes nothing. */
  grace: { username: 'grace', password: 'grace-password', token: 'demo-grace-token' },
} as const;

/** Read-only (scope `read`) token of the admin: GET works, anything else is 403. */
export const DEMO_ADMIN_READONLY_TOKEN = 'demo-admin-readonly-token';

const NO_ROLES = {
  isSuperuser: false, isSystemAuditor: false, adminOrganizations: [], auditorOrganizations: [],
  executeOrganizations: [], objectRoles: [],
};

/** Everybody with an account; ids are the AWX user ids. */
export const PEOPLE: readonly PersonDef[] = [
  { ...person(1, 'admin', '', '', DEMO_CREDENTIALS.admin.password, []), isSuperuser: true },
  {
    ...person(2, 'alice', 'Alice', 'Anders', DEMO_CREDENTIALS.alice.password, [2]), executeOrganizations: [2],
    // What her launches and ad hoc commands need: the project, inventories and machine credential they use.
    objectRoles: [use('projects', 7), use('inventories', 2), adhoc(3), use('credentials', 1)],
  },
  {
    ...person(3, 'bob', 'Bob', 'Baker', DEMO_CREDENTIALS.bob.password, [3]), executeOrganizations: [3],
    objectRoles: [use('projects', 8), adhoc(4), use('inventories', 5), use('credentials', 5)],
  },
  { ...person(4, 'carol', 'Carol', 'Chen', DEMO_CREDENTIALS.carol.password, [2]), auditorOrganizations: [2] },
  { ...person(5, 'dave', 'Dave', 'Diaz', DEMO_CREDENTIALS.dave.password, [3]), adminOrganizations: [3] },
  { ...person(6, 'erin', 'Erin', 'Evans', 'erin-password', [1]), executeOrganizations: [1] },
  {
    // In Engineering frank is a plain member with one template role: he sees that template and its jobs only.
    ...person(7, 'frank', 'Frank', 'Fischer', 'frank-password', [1, 2]), executeOrganizations: [1],
    objectRoles: [{ collection: 'workflow_job_templates', id: 29, role: 'execute' }],
  },
  { ...person(8, 'grace', 'Grace', 'Gupta', DEMO_CREDENTIALS.grace.password, []), isSystemAuditor: true },
];

function person(
  id: number, username: string, firstName: string, lastName: string, password: string, organizations: number[],
): PersonDef {
  return { id, username, firstName, lastName, email: `${username}@example.com`, password, organizations, ...NO_ROLES };
}

function use(collection: ObjectRole['collection'], id: number): ObjectRole {
  return { collection, id, role: 'use' };
}

/** The ad hoc role on an inventory (it includes use and read). */
function adhoc(inventory: number): ObjectRole {
  return { collection: 'inventories', id: inventory, role: 'adhoc' };
}

/** Who launches things by hand in each organization (the superuser launches everywhere too). */
export const LAUNCHERS_BY_ORG: Record<number, number[]> = { 1: [1, 6, 7], 2: [2, 4, 7, 1], 3: [3, 5, 1] };

/** Label names per organization id; Engineering and Operations have enough for jobs with > 10 labels. */
export const LABEL_NAMES: Record<number, string[]> = {
  1: ['demo', 'docs', 'onboarding', 'sandbox', 'smoke', 'tutorial'],
  2: ['api', 'backend', 'blue-green', 'canary', 'ci', 'frontend', 'hotfix', 'k8s', 'nightly', 'production',
    'release', 'staging', 'web'],
  3: ['backup', 'certificates', 'compliance', 'database', 'datacenter', 'edge', 'linux', 'network', 'on-call',
    'patching', 'security', 'windows'],
};

/** An inventory, with the numbers AWX shows in its summary. */
export interface InventoryDef {
  id: number;
  name: string;
  org: number;
  kind: '' | 'smart';
  hosts: number;
  failedHosts: number;
  groups: number;
  sources: number;
  failedSources: number;
}

/** The demo inventories. */
export const INVENTORIES: readonly InventoryDef[] = [
  { id: 1, name: 'Demo Inventory', org: 1, kind: '', hosts: 1, failedHosts: 0, groups: 0, sources: 1, failedSources: 0 },
  { id: 2, name: 'Staging web', org: 2, kind: '', hosts: 6, failedHosts: 0, groups: 3, sources: 0, failedSources: 0 },
  { id: 3, name: 'Production web', org: 2, kind: '', hosts: 24, failedHosts: 2, groups: 5, sources: 1, failedSources: 0 },
  { id: 4, name: 'Datacenter fleet', org: 3, kind: '', hosts: 180, failedHosts: 7, groups: 12, sources: 1, failedSources: 1 },
  { id: 5, name: 'Edge sites', org: 3, kind: 'smart', hosts: 42, failedHosts: 0, groups: 0, sources: 0, failedSources: 0 },
];

/** A credential; the webhook ones are what `webhook_credential` points at. */
export interface CredentialDef {
  id: number;
  name: string;
  org: number | null;
  kind: string;
  typeId: number;
  typeName: string;
}

/** The demo credentials. */
export const CREDENTIALS: readonly CredentialDef[] = [
  { id: 1, name: 'Demo Credential', org: null, kind: 'ssh', typeId: 1, typeName: 'Machine' },
  { id: 2, name: 'GitHub token (platform)', org: 2, kind: 'github_token', typeId: 12, typeName: 'GitHub Personal Access Token' },
  { id: 3, name: 'GitLab token (release)', org: 2, kind: 'gitlab_token', typeId: 13, typeName: 'GitLab Personal Access Token' },
  { id: 4, name: 'Bitbucket DC token (infra)', org: 3, kind: 'bitbucket_dc_token', typeId: 27, typeName: 'Bitbucket Data Center HTTP Access Token' },
  { id: 5, name: 'Fleet SSH key', org: 3, kind: 'ssh', typeId: 1, typeName: 'Machine' },
];

