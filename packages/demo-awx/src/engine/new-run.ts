import type { TemplateDef } from '../dataset/catalog.js';
import type { GraphNode } from '../dataset/graph.js';
import type { LaunchType, WorkflowPlan } from '../dataset/plan.js';
import type { NodeRun, WorkflowRun } from '../dataset/simulate.js';
import type { Micros } from '../time.js';

/** New workflow jobs (launch, relaunch, a node running a nested workflow): pending, nodes not started. */

/** What an operation needs to create records: its instant, fresh ids, and the log of status changes. */
export interface StepContext {
  now: Micros;
  nextJobId(): number;
  nextNodeId(): number;
  /** Unified job ids whose status changed, one entry per change, in order. */
  changed: number[];
}

/** The prompts a workflow job was launched with (the WorkflowJob launch-config fields). */
export interface Prompts {
  inventory: number | null;
  limit: string | null;
  scmBranch: string | null;
  jobTags: string | null;
  skipTags: string | null;
  /** JSON text, as AWX stores it. */
  extraVars: string;
  labels: number[];
}

/** Everything about a new workflow job that does not come from the clock or the id sequences. */
export interface NewRunSpec {
  def: TemplateDef;
  sliced: boolean;
  launchType: LaunchType;
  /** The launching user (manual and relaunch launches), null otherwise. */
  creator: number | null;
  prompts: Prompts;
  /** The node graph: copied from the template, or from the relaunched job. */
  graph: readonly GraphNode[];
  parent: WorkflowRun | null;
}

/** The launch-config of a workflow job run by a node of another workflow: nothing prompted. */
export const NO_PROMPTS: Prompts = {
  inventory: null, limit: null, scmBranch: null, jobTags: null, skipTags: null, extraVars: '{}', labels: [],
};

/** A new `pending` workflow job with its unstarted nodes; AWX creates nodes right after the job. */
export function newRun(ctx: StepContext, spec: NewRunSpec): WorkflowRun {
  const { prompts } = spec;
  const plan: WorkflowPlan = {
    id: ctx.nextJobId(), def: spec.def, sliced: spec.sliced, status: 'pending', launchType: spec.launchType,
    created: ctx.now, creator: spec.creator, scheduleId: null, inventory: prompts.inventory, limit: prompts.limit,
    scmBranch: prompts.scmBranch, skipTags: prompts.skipTags, jobTags: prompts.jobTags, extraVars: prompts.extraVars,
    labels: [...prompts.labels], webhookGuid: '',
  };
  const nodes = spec.graph.map((graph, index): NodeRun => ({
    id: ctx.nextNodeId(), graph, doNotRun: false, job: null, created: ctx.now + (index + 1) * 13_417,
    children: { success: [], failure: [], always: [] },
  }));
  for (const node of nodes) {
    for (const edge of node.graph.parents) nodes[edge.from]!.children[edge.kind].push(node.id);
  }
  ctx.changed.push(plan.id);
  return { plan, started: null, finished: null, canceledOn: null, explanation: '', nodes, parent: spec.parent };
}
