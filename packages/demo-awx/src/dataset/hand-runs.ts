import type { Micros } from '../time.js';
import type { TemplateDef } from './catalog.js';
import type { LaunchType, WorkflowPlan } from './plan.js';
import { runJob } from './run-job.js';
import type { NodeRun, SimContext, WorkflowRun } from './simulate.js';

/** Building blocks of the hand-built, successful workflow runs of edge-jobs.ts. */

/** Who launched a hand-built run, when, and from which template (a bulk job borrows one for rendering). */
export interface HandLaunch {
  def: TemplateDef;
  created: Micros;
  launchType: LaunchType;
  creator: number | null;
  scheduleId: number | null;
}

/** A successful run, started `startsAfter` after it was created, nothing prompted; nodes come after. */
export function handRun(ctx: SimContext, launch: HandLaunch, startsAfter: Micros): WorkflowRun {
  const plan: WorkflowPlan = {
    ...launch, id: ctx.nextJobId(), sliced: false, status: 'successful', inventory: null, limit: null,
    scmBranch: null, skipTags: null, jobTags: null, extraVars: '{}', labels: [], webhookGuid: '',
  };
  const started = launch.created + startsAfter;
  return { plan, started, finished: null, canceledOn: null, explanation: '', nodes: [], parent: null };
}

/** A root node (its index gives its creation time) whose job starts at `at` and succeeds. */
export function rootNode(ctx: SimContext, run: WorkflowRun, def: TemplateDef, index: number, at: Micros): NodeRun {
  const graph = { def, identifier: ctx.rng.uuid(), parents: [], converge: false, role: 'main' as const, slice: 0 };
  const node: NodeRun = {
    id: ctx.nextNodeId(), graph, children: { success: [], failure: [], always: [] }, doNotRun: false, job: null,
    created: run.plan.created + (index + 1) * 13_417,
  };
  node.job = runJob(ctx, run, graph, at, 'successful');
  return node;
}
