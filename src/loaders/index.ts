/** All loaders of one request, built from that request's AWX client (and so its credentials). */
import type { AwxClient } from '../awx/client.js';
import { createWorkflowJobLoaders, type WorkflowJobLoaders } from './workflowJob.js';

/** Tuning shared by every request's loaders. */
export interface LoaderOptions {
  detailConcurrency: number;
}

/** The loaders a resolver may use. Created per request: caches here never outlive it or cross callers. */
export interface Loaders {
  workflowJob: WorkflowJobLoaders;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders(awx: AwxClient, options: LoaderOptions): Loaders {
  return {
    workflowJob: createWorkflowJobLoaders(awx, options.detailConcurrency),
  };
}
