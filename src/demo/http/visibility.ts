import { organizationOf } from '../store.js';
import type { AwxRecord, Caller, CollectionName, DemoData } from '../types.js';

/** RBAC of the demo: superusers see everything, everybody else only what belongs to their organizations. */

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
 * Whether the caller may read a row. Organizations: the ones they belong to. Users: themselves and
 * members of a shared organization. Everything else: records owned by one of their organizations.
 */
export function canSee(data: DemoData, caller: Caller, row: Row): boolean {
  const { account } = caller;
  if (account.isSuperuser) return true;
  const mine = account.organizations;
  if (row.collection === 'organizations') return mine.includes(row.record.id);
  if (row.collection === 'users') {
    if (row.record.id === account.id) return true;
    const other = data.accounts.find((candidate) => candidate.id === row.record.id);
    return other !== undefined && other.organizations.some((org) => mine.includes(org));
  }
  const owner = organizationOf(data, row.collection, row.record);
  return owner !== null && mine.includes(owner);
}
