import type { SeededRandom } from '../random.js';
import { SECOND, type Micros } from '../time.js';
import type { TemplateDef } from './catalog.js';
import { buildGraph, type EdgeKind, type GraphNode } from './graph.js';
import { isStarted, type JobStatus, type WorkflowPlan } from './plan.js';
import { runJob } from './run-job.js';

/** A unified job spawned by a workflow node, with its final timestamps. */
export interface JobRun {
  id: number;
  def: TemplateDef;
  status: JobStatus;
  created: Micros;
  started: Micros | null;
  finished: Micros | null;
  canceledOn: Micros | null;
  explanation: string;
  timedOut: boolean;
  slice: number;
  /** Set when the node ran a nested workflow job. */
  nested: WorkflowRun | null;
}

/** A workflow job node after the run: its children, and the job it spawned if any. */
export interface NodeRun {
  id: number;
  graph: GraphNode;
  children: Record<EdgeKind, number[]>;
  doNotRun: boolean;
  job: JobRun | null;
  created: Micros;
}

/** A workflow job after the run. */
export interface WorkflowRun {
  plan: WorkflowPlan;
  started: Micros | null;
  finished: Micros | null;
  canceledOn: Micros | null;
  explanation: string;
  nodes: NodeRun[];
  parent: WorkflowRun | null;
}

/** Shared state of one dataset build: the dice, the id counters and the planned workflow jobs. */
export interface SimContext {
  rng: SeededRandom;
  plans: Map<number, WorkflowPlan>;
  nextNodeId: () => number;
  nextJobId: () => number;
}

/** Where a node stands while its workflow runs: its job succeeded, failed, it was skipped, or not decided yet. */
export type NodeState = 'ok' | 'bad' | 'skipped' | 'open';

/** Runs a workflow job: decides which nodes ran, what they spawned and when, consistent with its status. */
export function simulateWorkflow(ctx: SimContext, plan: WorkflowPlan, parent: WorkflowRun | null): WorkflowRun {
  const graph = buildGraph(ctx.rng, plan);
  const nodes = graph.map((g, index) => ({
    id: ctx.nextNodeId(), graph: g, doNotRun: false, job: null, created: plan.created + (index + 1) * 13_417,
    children: { success: [], failure: [], always: [] },
  } as NodeRun));
  for (const node of nodes) {
    for (const edge of node.graph.parents) nodes[edge.from]!.children[edge.kind].push(node.id);
  }
  const run: WorkflowRun = { plan, started: null, finished: null, canceledOn: null, explanation: '', nodes, parent };
  if (!isStarted(plan.status)) return run;
  run.started = plan.created + ctx.rng.int(300_000, 1_200_000);
  const { designated, handled } = chooseDesignated(ctx.rng, plan.status, nodes);
  const states: NodeState[] = [];
  nodes.forEach((node, index) => {
    const waits = (plan.status === 'running' || plan.status === 'canceled') && index > designated;
    const decision = waits ? 'open' : decide(node, states);
    states.push(decision === 'run' ? runNode(ctx, run, node, index === designated, index === handled) : decision);
  });
  finishWorkflow(ctx.rng, run, nodes[designated]?.job ?? null);
  return run;
}

function chooseDesignated(rng: SeededRandom, status: JobStatus, nodes: NodeRun[]) {
  const handledNode = nodes.findIndex((n) => n.children.failure.length > 0);
  if (status === 'successful') return { designated: -1, handled: rng.chance(0.35) ? handledNode : -1 };
  if (status === 'running' || status === 'canceled') return { designated: rng.int(0, 2), handled: -1 };
  // A failed node only fails the workflow when nothing handles it (no failure or always child).
  const unhandled = nodes
    .map((n, index) => ({ n, index }))
    .filter(({ n }) => n.graph.role === 'main' && n.children.failure.length + n.children.always.length === 0);
  return { designated: rng.pick(unhandled.slice(-3)).index, handled: -1 };
}

/** Whether a node runs now, given its parents' states (AWX's DAG rules); one that never will gets do_not_run. */
export function decide(node: NodeRun, states: NodeState[]): 'run' | 'skipped' | 'open' {
  const edges = node.graph.parents.map(({ from, kind }) => edgeFires(states[from]!, kind));
  if (edges.length === 0) return 'run';
  const fires = node.graph.converge ? edges.every((e) => e === 'yes') : edges.some((e) => e === 'yes');
  if (fires) return 'run';
  const blocked = node.graph.converge ? edges.some((e) => e === 'no') : edges.every((e) => e === 'no');
  if (!blocked) return 'open';
  node.doNotRun = true;
  return 'skipped';
}

function edgeFires(parent: NodeState, kind: EdgeKind): 'yes' | 'no' | 'unknown' {
  if (parent === 'open') return 'unknown';
  if (parent === 'skipped') return 'no';
  if (kind === 'always') return 'yes';
  return (kind === 'success') === (parent === 'ok') ? 'yes' : 'no';
}

function runNode(ctx: SimContext, run: WorkflowRun, node: NodeRun, designated: boolean, handled: boolean): NodeState {
  const parentsDone = node.graph.parents
    .map(({ from }) => run.nodes[from]!.job?.finished ?? 0)
    .reduce((a, b) => Math.max(a, b), run.started ?? 0);
  const at = parentsDone + ctx.rng.int(400_000, 3_000_000);
  const outcome: JobStatus = designated ? designatedOutcome(ctx.rng, run.plan.status, node.graph.def) : handled ? 'failed' : 'successful';
  node.job = runJob(ctx, run, node.graph, at, outcome);
  if (!node.job) return 'open';
  if (node.job.finished === null) return 'open';
  return node.job.status === 'successful' ? 'ok' : 'bad';
}

function designatedOutcome(rng: SeededRandom, status: JobStatus, def: TemplateDef): JobStatus {
  if (status !== 'running') return status;
  if (def.kind === 'workflow_approval') return 'pending'; // waiting for someone to approve
  if (def.kind === 'workflow_job') return 'running';
  return rng.pick(['running', 'running', 'running', 'waiting', 'pending'] as const);
}

function finishWorkflow(rng: SeededRandom, run: WorkflowRun, designatedJob: JobRun | null): void {
  const status = run.plan.status;
  if (status === 'failed') run.explanation = 'No error handling paths found, marking workflow as failed';
  if (status === 'error') run.explanation = 'Workflow job node(s) errored and no error handling path was found';
  if (status === 'running') return;
  const lastEnd = run.nodes
    .map((n) => n.job?.finished ?? n.job?.started ?? 0)
    .reduce((a, b) => Math.max(a, b), run.started ?? 0);
  run.finished = lastEnd + rng.int(200_000, 1_500_000);
  if (status === 'canceled') {
    run.canceledOn = (designatedJob?.canceledOn ?? run.finished) - 150_000;
    run.finished = Math.max(run.finished, run.canceledOn + SECOND / 2);
  }
}
