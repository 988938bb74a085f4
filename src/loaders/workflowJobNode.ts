/** Per-request loading of workflow job nodes: all nodes of many workflow jobs in one batched read. */
import DataLoader from 'dataloader';
import type { AwxClient } from '../awx/client.js';
import { fetchNodesOfJobs, type AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { primeAll, type ByIdLoader, type OnBatch } from './byId.js';

/** Nodes of a workflow job by the job's id; each node fetched also primes the node-by-id loader. */
export type NodesOfJobLoader = DataLoader<number, AwxWorkflowJobNode[]>;

/** Creates the loader; `nodeById` is this request's node-by-id loader, primed with every node read. */
export function createNodesOfJobLoader(awx: AwxClient, nodeById: ByIdLoader<AwxWorkflowJobNode>, onBatch?: OnBatch): NodesOfJobLoader {
  return new DataLoader<number, AwxWorkflowJobNode[]>(async (jobIds) => {
    onBatch?.('nodes_of_workflow_job', jobIds.length);
    const byJob = await fetchNodesOfJobs(awx, jobIds);
    const nodes = jobIds.map((id) => byJob.get(id) ?? []);
    nodes.forEach((list) => primeAll(nodeById, list));
    return nodes;
  });
}
