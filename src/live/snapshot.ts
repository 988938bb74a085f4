/** What a watcher reads of a workflow job (the job and its nodes), and what counts as a change of it. */
import type { AwxClient } from '../awx/client.js';
import { errorFromResponse } from '../awx/errors.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { fetchNodesOfJobs, type AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { getWorkflowJob } from '../awx/workflowJobs.js';
import { isTerminal } from '../awx/jobStatus.js';

/** One reading of a workflow job: its detail and its node graph, as AWX sent them to one credential. */
export interface JobSnapshot {
  job: AwxWorkflowJob;
  nodes: AwxWorkflowJobNode[];
}

/**
 * Reads the job's detail, then its nodes (not the cross-request cache: the job is still moving). A job
 * AWX does not show this caller is NOT_FOUND, the same error AWX's own 404 becomes everywhere.
 */
export async function readSnapshot(client: AwxClient, id: number): Promise<JobSnapshot> {
  const job = await getWorkflowJob(client, id);
  if (!job) throw errorFromResponse(404, null);
  const nodes = (await fetchNodesOfJobs(client, [id])).get(id) ?? [];
  return { job, nodes };
}

/**
 * The part of a snapshot subscribers are told about: the job's status, failed and finished, and each
 * node's spawned job, that job's status and `do_not_run`. Other fields (elapsed, modified) change on
 * every read of a running job and would turn every poll into an event.
 */
export function changeKey(snapshot: JobSnapshot): string {
  const { status, failed, finished } = snapshot.job;
  const nodes = snapshot.nodes.map((node) => [node.id, node.job ?? null, jobStatusOf(node), node.do_not_run ?? false]);
  return JSON.stringify([status, failed, finished ?? null, nodes]);
}

function jobStatusOf(node: AwxWorkflowJobNode): unknown {
  return node.summary_fields?.job?.status ?? null;
}

/** Whether the job reached a terminal status: AWX changes neither it nor its nodes after that. */
export function isFinished(snapshot: JobSnapshot): boolean {
  return isTerminal(snapshot.job);
}
