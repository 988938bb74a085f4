/** Per-request loading of workflow job nodes: all nodes of many workflow jobs in one batched read. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import { fetchNodesOfJobs, type AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { primeAll, type ByIdLoader } from './byId.js';

/** Nodes of a workflow job by the job's id; each node fetched also primes the node-by-id loader. */
export type NodesOfJobLoader = DataLoader<number, AwxWorkflowJobNode[]>;

/** Creates the loader; `nodeById` is this request's node-by-id loader, primed with every node read. */
export function createNodesOfJobLoader(awx: AwxClient, nodeById: ByIdLoader<AwxWorkflowJobNode>): NodesOfJobLoader {
  return new DataLoader<number, AwxWorkflowJobNode[]>(async (jobIds) => {
    const byJob = await fetchNodesOfJobs(awx, jobIds);
    const nodes = jobIds.map((id) => byJob.get(id) ?? []);
    nodes.forEach((list) => primeAll(nodeById, list));
    return nodes;
  });
}
