import type { AwxRecord, Caller } from '../types.js';

/**
 * Who may change what (AWX's execute and admin roles, simplified to organizations): superusers do
 * everything; members launch, relaunch and cancel in their organizations unless they only hold read
 * roles there; deleting a job takes an organization admin. Reading is visibility.ts's business.
 */

/** May launch a template, or relaunch a job, owned by this organization (execute role). */
export function canExecute(caller: Caller, org: number | null): boolean {
  const { account } = caller;
  if (account.isSuperuser) return true;
  if (org === null || !account.organizations.includes(org)) return false;
  return !(account.readOnlyOrganizations ?? []).includes(org);
}

/** May delete a job owned by this organization (WorkflowJobAccess.can_delete: superuser or admin). */
export function canDelete(caller: Caller, org: number | null): boolean {
  const { account } = caller;
  return account.isSuperuser || (org !== null && (account.adminOrganizations ?? []).includes(org));
}

/** May cancel this job: its creator, whoever may delete it, or an executor of its organization. */
export function canCancel(caller: Caller, job: AwxRecord, org: number | null): boolean {
  const creator = (job.summary_fields as { created_by?: { id?: number } } | undefined)?.created_by?.id;
  return creator === caller.account.id || canDelete(caller, org) || canExecute(caller, org);
}
