import { templateGraph } from '../dataset/graph.js';
import type { JobStatus } from '../dataset/plan.js';
import { decide, type JobRun, type NodeRun, type NodeState, type WorkflowRun } from '../dataset/simulate.js';
import { failRun, finish } from './endings.js';
import { NO_PROMPTS, newRun, type StepContext } from './new-run.js';
import { setStatus, syncNested, TERMINAL } from './run-state.js';

/**
 * How a workflow job moves, one step at a time: new → pending → waiting → running; while running, every
 * job its nodes spawned moves on (pending → running → successful; approvals pending → successful), the
 * nodes whose parents are done spawn their jobs, and once nothing is left to run the workflow ends.
 */

/** How the step should end the workflow job: the normal path, or failing it now. */
export type Outcome = 'successful' | 'failed';

const QUEUE_NEXT: Partial<Record<JobStatus, JobStatus>> = { new: 'pending', pending: 'waiting', waiting: 'running' };

/** Moves a workflow job one step; a finished job stays as it is. */
export function stepWorkflow(ctx: StepContext, run: WorkflowRun, outcome: Outcome = 'successful'): void {
  const status = run.plan.status;
  if (TERMINAL.has(status)) return;
  if (outcome === 'failed') return failRun(ctx, run);
  const next = QUEUE_NEXT[status];
  if (next) {
    if (next === 'running') run.started = ctx.now;
    return setStatus(ctx, run, next);
  }
  for (const node of run.nodes) if (node.job && !TERMINAL.has(node.job.status)) stepJob(ctx, node.job);
  const spawned = spawnReady(ctx, run);
  if (!spawned && run.nodes.every((node) => !node.job || TERMINAL.has(node.job.status))) finish(ctx, run);
}

/** One step of a spawned job; a nested workflow job moves by its own steps. */
function stepJob(ctx: StepContext, job: JobRun): void {
  if (job.nested) {
    stepWorkflow(ctx, job.nested);
    return syncNested(job);
  }
  // Approvals wait for someone to approve, then succeed; they never run on an execution node.
  const approval = job.def.kind === 'workflow_approval';
  if (job.status === 'running' || approval) {
    Object.assign(job, { status: 'successful', started: job.started ?? ctx.now, finished: ctx.now });
  } else {
    Object.assign(job, { status: 'running', started: ctx.now });
  }
  ctx.changed.push(job.id);
}

/** Spawns the jobs of the nodes whose parents allow them to run now; marks the ones that never will. */
function spawnReady(ctx: StepContext, run: WorkflowRun): boolean {
  const states: NodeState[] = [];
  let spawned = false;
  for (const node of run.nodes) {
    if (node.job) states.push(stateOf(node.job));
    else if (node.doNotRun) states.push('skipped');
    else {
      const decision = decide(node, states);
      if (decision === 'run') {
        node.job = spawnJob(ctx, run, node);
        spawned = true;
      }
      states.push(decision === 'run' ? 'open' : decision);
    }
  }
  return spawned;
}

/** A node's state for the DAG rules, from its job. */
function stateOf(job: JobRun): NodeState {
  if (!TERMINAL.has(job.status)) return 'open';
  return job.status === 'successful' ? 'ok' : 'bad';
}

/** The job a node spawns when it runs: pending, or a whole nested workflow job for a workflow node. */
function spawnJob(ctx: StepContext, run: WorkflowRun, node: NodeRun): JobRun {
  const def = node.graph.def;
  const base = { def, status: 'pending' as const, created: ctx.now, started: null, finished: null, canceledOn: null };
  if (def.kind === 'workflow_job') {
    const graph = templateGraph(def);
    const spec = { def, sliced: false, launchType: 'workflow' as const, creator: null, prompts: NO_PROMPTS, graph };
    const nested = newRun(ctx, { ...spec, parent: run });
    return { ...base, id: nested.plan.id, explanation: '', timedOut: false, slice: 0, nested };
  }
  const id = ctx.nextJobId();
  ctx.changed.push(id);
  return { ...base, id, explanation: '', timedOut: false, slice: node.graph.slice, nested: null };
}
