import { organizationOf } from '../store.js';
import type { AwxRecord, Caller, CollectionName, DemoAccount, DemoData, RoleCollection, RoleName } from '../types.js';

/**
 * AWX's role hierarchy at the demo's granularity: the roles a user holds on an object, directly or through
 * the organization owning it. It follows the `ImplicitRoleField(parent_role=...)` declarations of
 * awx/main/models/organization.py, jobs.py, workflow.py, projects.py, inventory.py and credential.py.
 */

/** The roles each role includes: admin ⊃ execute, update, adhoc ⊃ use ⊃ read. */
const INCLUDES: Record<RoleName, readonly RoleName[]> = {
  admin: ['admin', 'execute', 'update', 'adhoc', 'use', 'read'],
  execute: ['execute', 'read'],
  update: ['update', 'read'],
  adhoc: ['adhoc', 'use', 'read'],
  use: ['use', 'read'],
  read: ['read'],
};

/** Organization roles: `read` is held through any of the others (Organization.read_role's parents). */
export type OrgRole = 'member' | 'admin' | 'auditor' | 'execute' | 'read';

/** Templates: an organization's execute_role is a parent of their execute_role (JobTemplate, WorkflowJobTemplate). */
const EXECUTABLE: ReadonlySet<RoleCollection> = new Set(['job_templates', 'workflow_job_templates']);

/** Whether the account holds this role on the organization (its admin_role is a parent of member and execute). */
export function hasOrgRole(account: DemoAccount, org: number | null, role: OrgRole): boolean {
  if (org === null) return false;
  if (account.isSuperuser) return true;
  const admin = account.adminOrganizations.includes(org);
  const auditor = account.isSystemAuditor || account.auditorOrganizations.includes(org);
  const member = admin || account.organizations.includes(org);
  const execute = admin || account.executeOrganizations.includes(org);
  if (role === 'admin') return admin;
  if (role === 'auditor') return auditor;
  if (role === 'member') return member;
  if (role === 'execute') return execute;
  return member || auditor || execute;
}

/**
 * One caller's view of the roles, for one request: looks records up by id once. Superusers hold every
 * role; a system auditor holds read on everything (the system auditor singleton is a parent of read_role).
 */
export class Access {
  private readonly index = new Map<CollectionName, Map<number, AwxRecord>>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly data: DemoData,
    readonly caller: Caller,
  ) {}

  get account(): DemoAccount {
    return this.caller.account;
  }

  /** The stored record with this id, if any. */
  find(collection: CollectionName, id: unknown): AwxRecord | undefined {
    if (typeof id !== 'number') return undefined;
    let byId = this.index.get(collection);
    if (!byId) {
      byId = new Map(this.data.collections[collection].map((record) => [record.id, record]));
      this.index.set(collection, byId);
    }
    return byId.get(id);
  }

  /** A value computed once per request under `key`, such as an index of the stored records. */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  /** The organization owning a record (see store.ts organizationOf). */
  owner(collection: CollectionName, record: AwxRecord): number | null {
    return organizationOf(this.data, collection, record);
  }

  /** Whether the caller holds `role` on the object with this id. */
  hasRole(collection: RoleCollection, id: unknown, role: RoleName): boolean {
    if (this.account.isSuperuser) return true;
    const record = this.find(collection, id);
    if (!record) return false;
    if (role === 'read' && this.account.isSystemAuditor) return true;
    const direct = this.account.objectRoles.filter((held) => held.collection === collection && held.id === record.id);
    const held = [...this.fromOrganization(collection, this.owner(collection, record)), ...direct.map((r) => r.role)];
    return held.some((name) => INCLUDES[name].includes(role));
  }

  /** Whether the caller holds this role on the organization. */
  hasOrgRole(org: number | null, role: OrgRole): boolean {
    return hasOrgRole(this.account, org, role);
  }

  /** Roles an organization role gives on the objects it owns: admin all, auditor read, execute on templates. */
  private fromOrganization(collection: RoleCollection, org: number | null): RoleName[] {
    if (org === null) return [];
    const { account } = this;
    if (account.adminOrganizations.includes(org)) return ['admin'];
    const roles: RoleName[] = [];
    if (account.auditorOrganizations.includes(org)) roles.push('read');
    if (EXECUTABLE.has(collection) && account.executeOrganizations.includes(org)) roles.push('execute');
    return roles;
  }
}
