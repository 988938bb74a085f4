import type { JobStatus } from '../dataset/plan.js';
import type { JobRun, WorkflowRun } from '../dataset/simulate.js';
import type { StepContext } from './new-run.js';

/** Status bookkeeping shared by the steps and the endings of a workflow job. */

/** AWX's finished states: a job in one of these never changes again. */
export const TERMINAL: ReadonlySet<string> = new Set(['successful', 'failed', 'error', 'canceled']);

/** Sets a workflow job's status and logs the change for the websocket. */
export function setStatus(ctx: StepContext, run: WorkflowRun, status: JobStatus): void {
  run.plan.status = status;
  ctx.changed.push(run.plan.id);
}

/** After a nested workflow job changed on its own, copies its state up to the nodes that ran it. */
export function syncParents(run: WorkflowRun): void {
  const holder = run.parent?.nodes.find((node) => node.job?.nested === run)?.job;
  if (!holder || !run.parent) return;
  syncNested(holder);
  syncParents(run.parent);
}

/** Copies a nested workflow job's state onto the job its parent's node holds. */
export function syncNested(job: JobRun): void {
  const run = job.nested!;
  Object.assign(job, {
    status: run.plan.status, started: run.started, finished: run.finished, canceledOn: run.canceledOn,
    explanation: run.explanation,
  });
}
