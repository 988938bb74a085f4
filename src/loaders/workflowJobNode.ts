/** Per-request loading of workflow job nodes: all nodes of many workflow jobs in one batched read. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { fetchNodesOfJob, fetchNodesOfJobs, type AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { isTerminal, type CallerCache } from '../cache/index.js';
import { primeAll, type ByIdLoader, type OnBatch } from './byId.js';
import { readThrough } from './cached.js';

/** Nodes of a workflow job by the job's id; each node fetched also primes the node-by-id loader. */
export type NodesOfJobLoader = DataLoader<number, AwxWorkflowJobNode[]>;

/** This request's by-id loaders the node loader uses: nodes (primed with every node read) and workflow jobs. */
export interface NodeLoaderPeers {
  nodeById: ByIdLoader<AwxWorkflowJobNode>;
  /** Tells whether a job is finished; already primed by whatever read the job whose nodes are asked for. */
  jobById: ByIdLoader<AwxWorkflowJob>;
}

/**
 * Creates the loader. With a cache, a job's node list is stored only once the workflow job itself
 * is finished: until then AWX still adds nodes' jobs and changes their summaries.
 */
export function createNodesOfJobLoader(
  awx: AwxClient,
  peers: NodeLoaderPeers,
  options: { onBatch?: OnBatch; cache?: CallerCache },
): NodesOfJobLoader {
  const fetch = async (jobIds: readonly number[]) => {
    options.onBatch?.('nodes_of_workflow_job', jobIds.length);
    const byJob = await fetchNodesOfJobs(awx, jobIds);
    // Only jobs the caller already read come here, so an empty answer may be WorkflowJobNodeAccess hiding the
    // nodes of a job the caller may see: its own sub-list settles it, at one more request per such job (a job
    // with truly no nodes costs that request too).
    const empty = jobIds.filter((id) => (byJob.get(id) ?? []).length === 0);
    await Promise.all(empty.map(async (id) => byJob.set(id, await fetchNodesOfJob(awx, id))));
    return byJob;
  };
  const finished = async (fetched: Map<number, AwxWorkflowJobNode[]>) => {
    const jobs = await peers.jobById.loadMany([...fetched.keys()]);
    const done = new Set(jobs.flatMap((job) => (job && !(job instanceof Error) && isTerminal(job) ? [job.id] : [])));
    return (id: number) => done.has(id);
  };
  return new DataLoader<number, AwxWorkflowJobNode[]>(async (jobIds) => {
    const byJob = await readThrough(options.cache, 'nodes_of_workflow_job', jobIds, fetch, finished);
    const nodes = jobIds.map((id) => byJob.get(id) ?? []);
    nodes.forEach((list) => primeAll(peers.nodeById, list));
    return nodes;
  });
}
