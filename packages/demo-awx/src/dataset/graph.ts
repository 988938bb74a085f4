import { SeededRandom } from '../random.js';
import { template, type TemplateDef } from './catalog.js';
import type { WorkflowPlan } from './plan.js';

/** How a node hangs off a parent: run on the parent's success, failure, or always. */
export type EdgeKind = 'success' | 'failure' | 'always';

/** One node of a workflow job's graph before it runs; parents always have a lower index. */
export interface GraphNode {
  def: TemplateDef;
  identifier: string;
  parents: { from: number; kind: EdgeKind }[];
  converge: boolean;
  /** `main` nodes chain on success; the `handler` runs on a failure, the `cleanup` always. */
  role: 'main' | 'handler' | 'cleanup';
  /** Job slice number (1-based) for the nodes of a sliced job, else 0. */
  slice: number;
}

/** Builds the node graph of one workflow job: 3 to 8 nodes copied from its template. */
export function buildGraph(rng: SeededRandom, plan: WorkflowPlan): GraphNode[] {
  if (plan.sliced) return sliceNodes(plan);
  const nodes = mainSteps(rng, plan.def).map((def, index) => mainNode(rng, def, index));
  const mainCount = nodes.length;
  const last = nodes[mainCount - 1]!;
  if (mainCount >= 4 && rng.chance(0.2)) {
    // A join: the last step waits for a second branch too.
    last.parents.push({ from: rng.int(0, mainCount - 3), kind: 'success' });
    last.converge = rng.chance(0.5);
  }
  if (plan.def.handler !== undefined && rng.chance(0.45)) {
    const from = rng.int(0, mainCount - 1);
    nodes.push(extraNode(template(plan.def.handler), 'handler', [{ from, kind: 'failure' }]));
  }
  if (plan.def.cleanup !== undefined && rng.chance(0.4)) {
    const parents = [{ from: mainCount - 1, kind: 'always' as const }];
    nodes.push(extraNode(template(plan.def.cleanup), 'cleanup', parents));
  }
  return nodes.map((node, index) => ({ ...node, identifier: identifier(plan.def, nodes, index) }));
}

/**
 * The node graph AWX copies from a workflow job template at launch: its steps chained on success, the
 * failure handler and the always-run cleanup hanging off the last step. Same template, same graph.
 */
export function templateGraph(workflow: TemplateDef): GraphNode[] {
  const steps = (workflow.steps ?? []).map(template);
  const nodes = steps.map((def, index): GraphNode => ({
    def, identifier: '', converge: false, role: 'main', slice: 0,
    parents: index === 0 ? [] : [{ from: index - 1, kind: 'success' }],
  }));
  const last = nodes.length - 1;
  if (workflow.handler !== undefined && last >= 0) {
    nodes.push(extraNode(template(workflow.handler), 'handler', [{ from: last, kind: 'failure' }]));
  }
  if (workflow.cleanup !== undefined && last >= 0) {
    nodes.push(extraNode(template(workflow.cleanup), 'cleanup', [{ from: last, kind: 'always' }]));
  }
  return nodes.map((node, index) => ({ ...node, identifier: identifier(workflow, nodes, index) }));
}

function mainSteps(rng: SeededRandom, workflow: TemplateDef): TemplateDef[] {
  const steps = (workflow.steps ?? []).map(template);
  if (steps.length > 3 && rng.chance(0.4)) steps.splice(rng.int(1, steps.length - 1), 1);
  const lastJob = [...steps].reverse().find((def) => def.kind === 'job');
  if (lastJob && steps.length < 6 && rng.chance(0.15)) steps.push(lastJob);
  return steps;
}

function mainNode(rng: SeededRandom, def: TemplateDef, index: number): GraphNode {
  // The first step is always a root; the second sometimes starts in parallel with it.
  const root = index === 0 || (index === 1 && rng.chance(0.25));
  const parents = root ? [] : [{ from: rng.int(Math.max(0, index - 2), index - 1), kind: 'success' as const }];
  return { def, identifier: '', parents, converge: false, role: 'main', slice: 0 };
}

function extraNode(def: TemplateDef, role: 'handler' | 'cleanup', parents: GraphNode['parents']): GraphNode {
  return { def, identifier: '', parents, converge: false, role, slice: 0 };
}

function sliceNodes(plan: WorkflowPlan): GraphNode[] {
  const count = plan.def.sliceCount ?? 1;
  return Array.from({ length: count }, (_, index) => ({
    def: plan.def,
    identifier: new SeededRandom(plan.id * 31 + index).uuid(),
    parents: [],
    converge: false,
    role: 'main' as const,
    slice: index + 1,
  }));
}

/**
 * Job nodes copy `identifier` from their template node, so it is stable per template and step.
 * Operations names nodes by UUID (the AWX default); the others give readable names.
 */
function identifier(workflow: TemplateDef, nodes: readonly GraphNode[], index: number): string {
  if (workflow.org === 3) return new SeededRandom(workflow.id * 100 + index).uuid();
  const name = nodes[index]!.def.name;
  const repeats = nodes.slice(0, index).filter((node) => node.def.name === name).length;
  return repeats === 0 ? name : `${name} ${repeats + 1}`;
}
