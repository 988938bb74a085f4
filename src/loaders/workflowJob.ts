/** Per-request loading of workflow jobs: detail reads deduplicated by id, and list windows. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import type { ListWindow, OrderKey, WindowResult } from '../awx/paginate.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { getWorkflowJob, listWorkflowJobs, type WorkflowJobQuery } from '../awx/workflowJobs.js';
import { mapBounded } from './concurrency.js';

/** A detail read: the job id, and optionally the search terms it must match. */
export interface WorkflowJobDetailKey {
  id: number;
  search?: string;
}

/** Workflow job loading for one request. */
export interface WorkflowJobLoaders {
  /** Full jobs from the detail endpoint (AWX has no batched detail), null when absent or invisible. */
  detail: DataLoader<WorkflowJobDetailKey, AwxWorkflowJob | null, string>;
  /** One window of the filtered, ordered list. */
  list(query: WorkflowJobQuery, order: readonly OrderKey[], window: ListWindow): Promise<WindowResult<AwxWorkflowJob>>;
}

/** Creates the loaders; `detailConcurrency` caps parallel detail reads so a 200-job page cannot flood AWX. */
export function createWorkflowJobLoaders(awx: AwxClient, detailConcurrency: number): WorkflowJobLoaders {
  const detail = new DataLoader<WorkflowJobDetailKey, AwxWorkflowJob | null, string>(
    (keys) => mapBounded(keys, detailConcurrency, (key) => getWorkflowJob(awx, key.id, key.search)),
    { cacheKeyFn: (key) => (key.search === undefined ? String(key.id) : `${key.id}?${key.search}`) },
  );
  return {
    detail,
    list: (query, order, window) => listWorkflowJobs(awx, query, order, window),
  };
}
