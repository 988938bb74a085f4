import type { AwxRecord, CollectionName, DemoData } from '../types.js';
import { READ_RULES, unifiedJobReadable, type ReadCheck } from './read-rules.js';
import type { Access } from './roles.js';

/**
 * Who may read what (AWX's access classes, awx/main/access.py): superusers and system auditors read
 * everything (BaseAccess.get_queryset); everybody else what the access class of the record's model lets
 * them, see read-rules.ts.
 */

export type { ReadCheck } from './read-rules.js';

/** A record together with the collection it is stored in (views mix several collections). */
export interface Row {
  record: AwxRecord;
  collection: CollectionName;
}

/** Every stored row of these collections, ordered by id. */
export function rowsOf(data: DemoData, sources: readonly CollectionName[]): Row[] {
  const rows = sources.flatMap((collection) => data.collections[collection].map((record) => ({ record, collection })));
  return sources.length > 1 ? rows.sort((a, b) => a.record.id - b.record.id) : rows;
}

/**
 * Whether the caller may read a row. `check` is `list` for lists (the access class's filtered_queryset)
 * and `object` for a detail, a sub-list's parent or an action (its can_read); `view` names the list
 * when it mixes models (`unified_jobs`, `unified_job_templates`).
 */
export function canSee(access: Access, row: Row, check: ReadCheck = 'list', view: string = row.collection): boolean {
  // UnifiedJobAccess and UnifiedJobTemplateAccess.get_queryset leave approvals out, even for superusers.
  if (view === 'unified_jobs' && row.collection === 'workflow_approvals') return false;
  if (view === 'unified_job_templates' && row.collection === 'workflow_approval_templates') return false;
  const { account } = access;
  if (account.isSuperuser || account.isSystemAuditor) return true;
  if (view === 'unified_jobs') return unifiedJobReadable(access, row);
  const rule = READ_RULES[row.collection];
  if (rule) return rule(access, row.record, check);
  // Notifications and activity stream: the demo keeps to the organizations the caller is a member of.
  const owner = access.owner(row.collection, row.record);
  return owner !== null && account.organizations.includes(owner);
}
