import type { AwxRecord, CollectionName, DemoData } from './types.js';

/** Reading and replacing records in DemoData, including the hidden owner and label bookkeeping. */

/** Collections holding unified jobs; AWX gives them one shared id space. */
export const UNIFIED_JOB_COLLECTIONS = [
  'workflow_jobs',
  'jobs',
  'project_updates',
  'inventory_updates',
  'workflow_approvals',
  'system_jobs',
  'ad_hoc_commands',
] as const satisfies readonly CollectionName[];

const COLLECTION_OF_TYPE: Record<string, CollectionName> = {
  workflow_job: 'workflow_jobs',
  job: 'jobs',
  project_update: 'project_updates',
  inventory_update: 'inventory_updates',
  workflow_approval: 'workflow_approvals',
  system_job: 'system_jobs',
  ad_hoc_command: 'ad_hoc_commands',
};

/** Options of putRecord: the owning organization (default: read from the record) and the job's labels. */
export interface PutRecordOptions {
  /** Who may see it besides superusers; `null` = superusers only. Default: `summary_fields.organization.id`. */
  organizationId?: number | null;
  /** Every label id of a unified job (for `/labels/`); default: the ids in `summary_fields.labels.results`. */
  labelIds?: number[];
}

/**
 * Puts a record (e.g. a captured AWX response) into a collection, replacing any record with the same id,
 * keeping the collection sorted by id. `unified_jobs` files the record under the collection of its `type`.
 */
export function putRecord(
  data: DemoData,
  collection: CollectionName | 'unified_jobs',
  record: AwxRecord,
  options: PutRecordOptions = {},
): void {
  const target = collection === 'unified_jobs' ? COLLECTION_OF_TYPE[record.type] : collection;
  if (!target) throw new Error(`putRecord: no unified job collection holds type '${record.type}'`);
  const isUnifiedJob = (UNIFIED_JOB_COLLECTIONS as readonly string[]).includes(target);
  // One id space for all unified jobs: a job with this id in another type's collection is replaced too.
  for (const name of isUnifiedJob ? UNIFIED_JOB_COLLECTIONS : [target]) removeRecord(data, name, record.id);
  const list = data.collections[target];
  const at = list.findIndex((existing) => existing.id > record.id);
  list.splice(at === -1 ? list.length : at, 0, record);
  data.organizationOf[target][record.id] =
    options.organizationId !== undefined ? options.organizationId : organizationInRecord(record);
  if (isUnifiedJob) data.jobLabels[record.id] = options.labelIds ?? labelIdsInRecord(record);
}

/** Removes the record with this id from a collection, with its owner entry; true if there was one. */
export function removeRecord(data: DemoData, collection: CollectionName, id: number): boolean {
  const list = data.collections[collection];
  const index = list.findIndex((existing) => existing.id === id);
  delete data.organizationOf[collection][id];
  if (index === -1) return false;
  list.splice(index, 1);
  return true;
}

/** The organization owning a record: the explicit entry in `organizationOf`, else what the record says. */
export function organizationOf(data: DemoData, collection: CollectionName, record: AwxRecord): number | null {
  const explicit = data.organizationOf[collection][record.id];
  return explicit !== undefined ? explicit : organizationInRecord(record);
}

function organizationInRecord(record: AwxRecord): number | null {
  const summary = record.summary_fields as { organization?: { id?: unknown } } | undefined;
  const id = summary?.organization?.id ?? record.organization;
  return typeof id === 'number' ? id : null;
}

function labelIdsInRecord(record: AwxRecord): number[] {
  const summary = record.summary_fields as { labels?: { results?: { id?: unknown }[] } } | undefined;
  return (summary?.labels?.results ?? []).map((label) => label.id).filter((id): id is number => typeof id === 'number');
}
