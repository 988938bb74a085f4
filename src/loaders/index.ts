/** All loaders of one request, built from that request's AWX client (and so its credentials). */
import type { AwxClient } from '../awx/client.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import type { CallerCache } from '../cache/index.js';
import { createByIdRegistry, type OnBatch } from './byId.js';
import { createNodesOfJobLoader, type NodesOfJobLoader } from './workflowJobNode.js';
import { createWorkflowJobLoaders, type WorkflowJobLoaders } from './workflowJob.js';
import { createWorkflowJobSearchLoader, type WorkflowJobSearchLoader } from './workflowJobSearch.js';
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
export interface Loaders {
  /** The batched by-id loader of any AWX collection. */
  byId: ReturnType<typeof createByIdRegistry>;
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
  return {
    byId,
    workflowJob: createWorkflowJobLoaders(awx, byId('workflow_jobs'), options.detailConcurrency, options.cache),
    workflowJobSearch: createWorkflowJobSearchLoader(awx, byId('workflow_jobs')),
    nodesOfJob: createNodesOfJobLoader(awx, { nodeById: byId('workflow_job_nodes'), jobById: byId('workflow_jobs') }, options),
    subList: createSubListReader(awx, byId),
  };
}
