import { removeRecord, UNIFIED_JOB_COLLECTIONS } from '../store.js';
import type { AwxRecord, CollectionName, DemoData } from '../types.js';

/** Lookups over the stored records that the job engine and the action views share. */

/** The stored record with this id, if any. */
export function findRecord(data: DemoData, collection: CollectionName, id: number): AwxRecord | undefined {
  return data.collections[collection].find((record) => record.id === id);
}

/** The stored unified job with this id, whatever its type. */
export function unifiedJob(data: DemoData, id: number): AwxRecord | undefined {
  for (const name of UNIFIED_JOB_COLLECTIONS) {
    const found = findRecord(data, name, id);
    if (found) return found;
  }
  return undefined;
}

/** The workflow job whose node ran this one (`summary_fields.source_workflow_job`), if any. */
export function parentJobId(record: AwxRecord): number | null {
  const id = (record.summary_fields as { source_workflow_job?: { id?: unknown } } | undefined)?.source_workflow_job?.id;
  return typeof id === 'number' ? id : null;
}

/** The highest id stored in these collections (0 when empty). */
export function maxId(data: DemoData, collections: readonly CollectionName[]): number {
  let max = 0;
  for (const name of collections) for (const record of data.collections[name]) max = Math.max(max, record.id);
  return max;
}

/** Removes a workflow job with its nodes and label bookkeeping (the jobs it spawned stay, as in AWX). */
export function removeWorkflowJob(data: DemoData, id: number): void {
  removeRecord(data, 'workflow_jobs', id);
  delete data.jobLabels[id];
  for (const node of data.collections.workflow_job_nodes.filter((candidate) => candidate.workflow_job === id)) {
    removeRecord(data, 'workflow_job_nodes', node.id);
  }
}
