import { SECOND, type Micros } from '../time.js';
import type { TemplateKind } from './catalog.js';
import type { GraphNode } from './graph.js';
import type { JobStatus } from './plan.js';
import { simulateWorkflow, type JobRun, type SimContext, type WorkflowRun } from './simulate.js';

/** Typical run time in seconds of each kind of spawned job: [shortest, longest]. */
const DURATION: Record<Exclude<TemplateKind, 'workflow_job'>, [number, number]> = {
  job: [25, 420],
  project_update: [4, 25],
  inventory_update: [6, 70],
  workflow_approval: [60, 1_800],
};

/** Approval templates time out after this many seconds in the demo. */
export const APPROVAL_TIMEOUT = 3_600;

/**
 * Spawns the job of a node that starts at `at` and ends as `outcome`.
 * Returns null when a nested workflow job was never planned (the parent is the very last id).
 */
export function runJob(ctx: SimContext, run: WorkflowRun, node: GraphNode, at: Micros, outcome: JobStatus): JobRun | null {
  const kind = node.def.kind;
  if (kind === 'workflow_job') return runNested(ctx, run, node, at, outcome);
  const rng = ctx.rng;
  const queued = outcome === 'pending' || outcome === 'waiting';
  const job: JobRun = {
    id: ctx.nextJobId(), def: node.def, status: outcome, created: at - rng.int(150_000, 900_000),
    started: queued ? null : at, finished: null, canceledOn: null, explanation: '', timedOut: false,
    slice: node.slice, nested: null,
  };
  if (outcome === 'running' || queued) return job;
  const [min, max] = DURATION[kind];
  const duration = rng.int(min * SECOND, max * SECOND);
  if (outcome === 'canceled') {
    job.canceledOn = at + Math.floor(duration * rng.next());
    job.finished = job.canceledOn + rng.int(300_000, 1_500_000);
  } else {
    job.finished = at + duration;
  }
  if (outcome === 'error') job.explanation = 'Job terminated due to error';
  if (outcome === 'failed' && kind === 'workflow_approval' && rng.chance(0.5)) {
    job.timedOut = true;
    job.explanation = `The approval node ${node.def.name} (${job.id}) has expired after ${APPROVAL_TIMEOUT} seconds.`;
  }
  return job;
}

/** A nested workflow job: the child planned right after its parent runs now, ending as `outcome`. */
function runNested(ctx: SimContext, run: WorkflowRun, node: GraphNode, at: Micros, outcome: JobStatus): JobRun | null {
  const child = ctx.plans.get(run.plan.id + 1);
  if (!child || child.launchType !== 'workflow' || child.def.id !== node.def.id) return null;
  child.status = outcome;
  child.created = at - ctx.rng.int(150_000, 900_000);
  const childRun = simulateWorkflow(ctx, child, run);
  return {
    id: child.id, def: node.def, status: outcome, created: child.created, started: childRun.started,
    finished: childRun.finished, canceledOn: childRun.canceledOn, explanation: childRun.explanation,
    timedOut: false, slice: 0, nested: childRun,
  };
}
