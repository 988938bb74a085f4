import type { WorkflowRun } from '../dataset/simulate.js';
import type { StepContext } from './new-run.js';
import { setStatus, syncNested, TERMINAL } from './run-state.js';

/** How a workflow job ends: canceled or failed on request, or finished once nothing is left to run. */

const NO_HANDLER = 'No error handling paths found, marking workflow as failed';

/** Cancels a workflow job and every job it still runs (AWX cancels the spawned jobs too). */
export function cancelRun(ctx: StepContext, run: WorkflowRun): void {
  for (const { job } of run.nodes) {
    if (!job || TERMINAL.has(job.status)) continue;
    if (job.nested) {
      cancelRun(ctx, job.nested);
      syncNested(job);
    } else {
      Object.assign(job, { status: 'canceled', canceledOn: ctx.now, finished: ctx.now + 500_000 });
      ctx.changed.push(job.id);
    }
  }
  run.canceledOn = ctx.now;
  run.finished = ctx.now + 500_000;
  setStatus(ctx, run, 'canceled');
}

/** Ends a workflow job as failed now: its running jobs fail, the nodes not reached never run. */
export function failRun(ctx: StepContext, run: WorkflowRun): void {
  for (const node of run.nodes) {
    const job = node.job;
    if (!job) node.doNotRun = true;
    else if (job.nested && !TERMINAL.has(job.status)) {
      failRun(ctx, job.nested);
      syncNested(job);
    } else if (!TERMINAL.has(job.status)) {
      Object.assign(job, { status: 'failed', started: job.started ?? ctx.now, finished: ctx.now });
      ctx.changed.push(job.id);
    }
  }
  run.started ??= ctx.now;
  run.finished = ctx.now;
  run.explanation = NO_HANDLER;
  setStatus(ctx, run, 'failed');
}

/** Ends a running workflow job once nothing is left to run: failed when a failure had no handler. */
export function finish(ctx: StepContext, run: WorkflowRun): void {
  const unhandled = run.nodes.some(({ job, children }) =>
    job !== null && job.status !== 'successful' && children.failure.length + children.always.length === 0);
  run.finished = ctx.now;
  if (unhandled) run.explanation = NO_HANDLER;
  setStatus(ctx, run, unhandled ? 'failed' : 'successful');
}
