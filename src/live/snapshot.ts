/** What a watcher reads of a workflow job (the job and its nodes), and what counts as a change of it. */
import type { AwxWorkflowJob } from '../awx/types.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { isTerminal } from '../awx/jobStatus.js';

/**
 * One reading of a workflow job, as AWX sent it to one credential: its detail (`/workflow_jobs/{id}/`, with
 * the detail-only fields) and its node graph (`/workflow_job_nodes/?workflow_job__in=…`), the nodes read after
 * the detail's state, so a finished job never comes with older nodes.
 */
export interface JobSnapshot {
  job: AwxWorkflowJob;
  nodes: AwxWorkflowJobNode[];
}

/**
 * The part of a snapshot subscribers are told about: the job's status, failed and finished, and each
 * node's spawned job, that job's status and `do_not_run`. Other fields (elapsed, modified) change on
 * every read of a running job and would turn every poll into an event. List rows carry the same job
 * fields as the detail, so a row and its nodes give the same key.
 */
export function changeKey(snapshot: JobSnapshot): string {
  const nodes = snapshot.nodes.map((node) => [node.id, node.job ?? null, jobStatusOf(node), node.do_not_run ?? false]);
  return JSON.stringify([...jobState(snapshot.job), nodes]);
}

/** Whether two reads of a job (a row and a detail) show it in the same state: the job's part of the change key. */
export function sameJobState(a: AwxWorkflowJob, b: AwxWorkflowJob): boolean {
  return JSON.stringify(jobState(a)) === JSON.stringify(jobState(b));
}

function jobState(job: AwxWorkflowJob): unknown[] {
  return [job.status, job.failed, job.finished ?? null];
}

function jobStatusOf(node: AwxWorkflowJobNode): unknown {
  return node.summary_fields?.job?.status ?? null;
}

/** Whether the job reached a terminal status: AWX changes neither it nor its nodes after that. */
export function isFinished(snapshot: JobSnapshot): boolean {
  return isTerminal(snapshot.job);
}
