/** Per-request loading of workflow jobs: detail reads deduplicated by id, and keyset list pages. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import type { KeysetResult, KeysetWindow } from '../awx/keysetPage.js';
import type { OrderKey } from '../awx/paginate.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { getWorkflowJob, listWorkflowJobs, type WorkflowJobQuery } from '../awx/workflowJobs.js';
import { isTerminal, type CallerCache } from '../cache/index.js';
import { mapBounded } from './concurrency.js';
import type { JobMemory } from './jobMemory.js';

/** A detail read: the job id. */
export interface WorkflowJobDetailKey {
  id: number;
}

/** Workflow job loading for one request. */
export interface WorkflowJobLoaders {
  /** Full jobs from the detail endpoint (AWX has no batched detail), null when absent or invisible. */
  detail: DataLoader<WorkflowJobDetailKey, AwxWorkflowJob | null, string>;
  /** One keyset page of the filtered, ordered list. */
  list(query: WorkflowJobQuery, order: readonly OrderKey[], window: KeysetWindow): Promise<KeysetResult<AwxWorkflowJob>>;
}

/**
 * Creates the loaders; `detailConcurrency` caps parallel detail reads so a 200-job page cannot flood
 * AWX. Every job read, from a list or a detail, goes into this request's `memory` of jobs.
 * With a `cache`, detail reads are served from it when a finished job's detail is
 * there; detail entries have their own namespace, so a cached list row never answers for a detail.
 */
export function createWorkflowJobLoaders(
  awx: AwxClient,
  memory: Pick<JobMemory, 'remember' | 'rememberRows'>,
  detailConcurrency: number,
  cache?: CallerCache,
): WorkflowJobLoaders {
  const readDetail = async (key: WorkflowJobDetailKey) => {
    const job = await getWorkflowJob(awx, key.id);
    if (job) memory.remember(job);
    return job;
  };
  const batch = async (keys: readonly WorkflowJobDetailKey[]) => {
    const read = cache ? await cache.read<AwxWorkflowJob>('workflow_job_detail', keys.map((key) => key.id)) : undefined;
    const results = await mapBounded(keys, detailConcurrency, async (key) => {
      const hit = read?.hits.get(key.id);
      if (hit) memory.remember(hit);
      return hit ?? readDetail(key);
    });
    if (cache && read) {
      const fetched = results.filter((job): job is AwxWorkflowJob => !!job && !(job instanceof Error) && !read.hits.has(job.id));
      await cache.store('workflow_job_detail', read, fetched.map((job) => ({ id: job.id, value: job, terminal: isTerminal(job) })));
    }
    return results;
  };
  const detail = new DataLoader<WorkflowJobDetailKey, AwxWorkflowJob | null, string>(batch, { cacheKeyFn: (key) => String(key.id) });
  const list: WorkflowJobLoaders['list'] = async (query, order, window) => {
    const result = await listWorkflowJobs(awx, query, order, window);
    memory.rememberRows(result.items);
    return result;
  };
  return { detail, list };
}
