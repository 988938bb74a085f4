/** `workflowJob(id, search)`: whether a job matches its search terms, batched into one list read per distinct search. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { matchWorkflowJobs } from '../awx/workflowJobs.js';
import type { JobMemory } from './jobMemory.js';

/** A job id and the search terms it must match. */
export interface WorkflowJobSearchKey {
  id: number;
  search: string;
}

/** The job as a list row when it matches (and the caller may see it), else null. */
export type WorkflowJobSearchLoader = DataLoader<WorkflowJobSearchKey, AwxWorkflowJob | null, string>;

/**
 * Creates the loader for one request. Keys with the same terms share one `?id__in=…&search=…` read; the
 * rows found go into this request's `memory` of jobs, as any list read's do (they lack AWX's detail-only
 * fields, which the WorkflowJob resolvers read from the detail when selected).
 */
export function createWorkflowJobSearchLoader(awx: AwxClient, memory: Pick<JobMemory, 'rememberRows'>): WorkflowJobSearchLoader {
  return new DataLoader<WorkflowJobSearchKey, AwxWorkflowJob | null, string>(async (keys) => {
    const bySearch = new Map<string, number[]>();
    for (const key of keys) bySearch.set(key.search, [...(bySearch.get(key.search) ?? []), key.id]);
    const found = new Map<string, Map<number, AwxWorkflowJob>>();
    await Promise.all([...bySearch].map(async ([search, ids]) => {
      const rows = await matchWorkflowJobs(awx, ids, search);
      memory.rememberRows([...rows.values()]);
      found.set(search, rows);
    }));
    return keys.map((key) => found.get(key.search)?.get(key.id) ?? null);
  }, { cacheKeyFn: (key) => `${key.id}?${key.search}` });
}
