/**
 * What one request holds about a workflow job, kept in one place. A job is answered for by several loaders
 * (its detail, its by-id row, its node graph and those nodes by id); filling or emptying only some of them
 * would let a later field read a stale copy, so every caller goes through here.
 */
import type DataLoader from 'dataloader';
import type { AwxWorkflowJob } from '../awx/types.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { primeAll, type ByIdLoader } from './byId.js';
import type { NodesOfJobLoader } from './workflowJobNode.js';

/** The loaders of one request that answer for a workflow job. */
export interface JobHolders {
  /** Workflow job details by `{ id }` (src/loaders/workflowJob.ts). */
  detail: DataLoader<{ id: number }, AwxWorkflowJob | null, string>;
  jobById: ByIdLoader<AwxWorkflowJob>;
  nodesOfJob: NodesOfJobLoader;
  nodeById: ByIdLoader<AwxWorkflowJobNode>;
}

/** One request's memory of workflow jobs. */
export interface JobMemory {
  /**
   * A whole job (a detail read, AWX's answer to a launch or relaunch, a subscription's snapshot), and its
   * node graph when known: every loader that reads them answers with these, replacing what it held.
   */
  remember(job: AwxWorkflowJob, nodes?: readonly AwxWorkflowJobNode[]): void;
  /** Rows of a job list: they answer by-id reads only (they lack AWX's detail-only fields), never replacing a held job. */
  rememberRows(rows: readonly AwxWorkflowJob[]): void;
  /** Drops the job, its row and its node graph, so the next read of any of them asks AWX (after a write). */
  forget(id: number): void;
}

/** The memory over these loaders. */
export function createJobMemory(holders: JobHolders): JobMemory {
  const { detail, jobById, nodesOfJob, nodeById } = holders;
  return {
    remember(job, nodes) {
      detail.clear({ id: job.id }).prime({ id: job.id }, job);
      jobById.clear(job.id).prime(job.id, job);
      if (!nodes) return;
      nodesOfJob.clear(job.id).prime(job.id, [...nodes]);
      for (const node of nodes) nodeById.clear(node.id);
      primeAll(nodeById, nodes);
    },
    rememberRows: (rows) => primeAll(jobById, rows),
    forget(id) {
      detail.clear({ id });
      jobById.clear(id);
      nodesOfJob.clear(id);
    },
  };
}
