/** All loaders of one request, built from that request's AWX client (and so its credentials). */
import type { AwxClient } from '../awx/client.js';
import type { CallerCache } from '../cache/index.js';
import { createByIdRegistry, type ByIdRegistry, type OnBatch } from './byId.js';
import { createJobMemory, type JobMemory } from './jobMemory.js';
import { createNodesOfJobLoader, type NodesOfJobLoader } from './workflowJobNode.js';
import { createWorkflowJobLoaders, type WorkflowJobLoaders } from './workflowJob.js';
import { createWorkflowJobSearchLoader, type WorkflowJobSearchLoader } from './workflowJobSearch.js';
import { createUnifiedRegistry, type UnifiedRegistry } from './unified.js';
import { createSubListReader, type SubListReader } from './workflowJobSubLists.js';

/** Tuning shared by every request's loaders. */
export interface LoaderOptions {
  detailConcurrency: number;
  /** Told of each batch (loader name, key count); the loader name is an AWX collection or `nodes_of_workflow_job`. */
  onBatch?: OnBatch;
  /** This caller's view of the cross-request cache of finished jobs (CACHE); undefined when off. */
  cache?: CallerCache;
}

/** The loaders a resolver may use. Created per request: caches here never outlive it or cross callers. */
export interface Loaders extends Pick<JobMemory, 'remember' | 'forget'> {
  /** The batched by-id loader of any AWX collection. */
  byId: ByIdRegistry;
  /** Unified jobs or templates by id alone, of any kind (federation's entity interfaces). */
  unified: UnifiedRegistry;
  workflowJob: WorkflowJobLoaders;
  /** Whether workflow jobs match search terms (AWX searches lists only), batched per distinct terms. */
  workflowJobSearch: WorkflowJobSearchLoader;
  /** All nodes of a workflow job, batched across jobs. */
  nodesOfJob: NodesOfJobLoader;
  /** Windows of a workflow job's labels, notifications and activity stream. */
  subList: SubListReader;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders(awx: AwxClient, options: LoaderOptions): Loaders {
  const byId = createByIdRegistry(awx, options.onBatch, options.cache);
  const jobById = byId('workflow_jobs');
  const nodeById = byId('workflow_job_nodes');
  // The job loaders tell the memory of every job they read; it is built once the loaders it fills exist.
  const reads: Pick<JobMemory, 'remember' | 'rememberRows'> = {
    remember: (job, nodes) => memory.remember(job, nodes),
    rememberRows: (rows) => memory.rememberRows(rows),
  };
  const workflowJob = createWorkflowJobLoaders(awx, reads, options.detailConcurrency, options.cache);
  const nodesOfJob = createNodesOfJobLoader(awx, { nodeById, jobById }, options);
  const memory = createJobMemory({ detail: workflowJob.detail, jobById, nodesOfJob, nodeById });
  return {
    byId,
    unified: createUnifiedRegistry(awx, options.onBatch),
    workflowJob,
    workflowJobSearch: createWorkflowJobSearchLoader(awx, reads),
    nodesOfJob,
    subList: createSubListReader(awx, byId),
    remember: memory.remember,
    forget: memory.forget,
  };
}
