import { JOB_PATH, findTemplate, type TemplateDef } from '../dataset/catalog.js';
import type { EdgeKind, GraphNode } from '../dataset/graph.js';
import { topAncestor } from '../dataset/launch.js';
import { nodeRecords } from '../dataset/nodes.js';
import type { JobStatus, LaunchType, WorkflowPlan } from '../dataset/plan.js';
import type { JobRun, NodeRun, WorkflowRun } from '../dataset/simulate.js';
import { spawnedRecord } from '../dataset/spawned.js';
import { workflowJobRecord } from '../dataset/workflow-job.js';
import { putRecord } from '../store.js';
import { microsFromIso, type Micros } from '../time.js';
import type { AwxRecord, CollectionName, DemoData } from '../types.js';
import { findRecord, parentJobId } from './records.js';

/**
 * Stored records ⇄ the runs the dataset builders render. A change to a workflow job reads its whole
 * nested tree back into runs, edits the runs, and writes every record of the tree again through the
 * same builders, so moved and new jobs look exactly like the dataset's (and summaries stay consistent).
 */

const EDGES: readonly EdgeKind[] = ['success', 'failure', 'always'];

/**
 * The run of a stored workflow job, inside the tree of its top ancestor; undefined when there is no such
 * job, or when it is not one of the catalog's (a bulk job, or a node running a template the catalog lacks).
 */
export function runOf(data: DemoData, id: number): WorkflowRun | undefined {
  const record = findRecord(data, 'workflow_jobs', id);
  if (!record) return undefined;
  const parentId = parentJobId(record);
  const parent = parentId === null ? undefined : runOf(data, parentId);
  return (parent && findInTree(topAncestor(parent), id)) ?? readRun(data, record, null);
}

/** Writes every record of the run's tree (top ancestor down), with `clock` as "now" for live elapsed times. */
export function storeRun(data: DemoData, run: WorkflowRun, clock: Micros): void {
  writeTree(data, topAncestor(run), clock);
}

function writeTree(data: DemoData, run: WorkflowRun, clock: Micros): void {
  const org = run.plan.def.org;
  putRecord(data, 'workflow_jobs', workflowJobRecord(run, clock), { organizationId: org, labelIds: run.plan.labels });
  for (const node of nodeRecords(run, clock)) putRecord(data, 'workflow_job_nodes', node, { organizationId: org });
  for (const { job } of run.nodes) {
    if (job?.nested) writeTree(data, job.nested, clock);
    else if (job) {
      const collection = JOB_PATH[job.def.kind] as CollectionName;
      putRecord(data, collection, spawnedRecord(job, run, clock), { organizationId: org, labelIds: [] });
    }
  }
}

function findInTree(run: WorkflowRun, id: number): WorkflowRun | undefined {
  if (run.plan.id === id) return run;
  for (const node of run.nodes) {
    const found = node.job?.nested ? findInTree(node.job.nested, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

function readRun(data: DemoData, record: AwxRecord, parent: WorkflowRun | null): WorkflowRun | undefined {
  const plan = planOf(data, record, parent);
  const stored = data.collections.workflow_job_nodes.filter((node) => node.workflow_job === record.id);
  if (!plan || stored.some((node) => !findTemplate(node.unified_job_template))) return undefined;
  const run: WorkflowRun = {
    plan, started: micros(record.started), finished: micros(record.finished),
    canceledOn: micros(record.canceled_on), explanation: String(record.job_explanation ?? ''), nodes: [], parent,
  };
  const indexOf = new Map(stored.map((node, index) => [node.id, index]));
  run.nodes = stored.map((node, index): NodeRun => {
    const def = findTemplate(node.unified_job_template)!;
    const children = Object.fromEntries(EDGES.map((kind) => [kind, ids(node[`${kind}_nodes`])])) as NodeRun['children'];
    const graph: GraphNode = {
      def, identifier: String(node.identifier), converge: node.all_parents_must_converge === true, role: 'main',
      slice: run.plan.sliced ? index + 1 : 0, parents: parentsOf(stored, node.id, indexOf),
    };
    const job = typeof node.job === 'number' ? jobOf(data, run, def, node.job, graph.slice) : null;
    const created = micros(node.created) ?? 0;
    return { id: node.id, graph, children, doNotRun: node.do_not_run === true, job, created };
  });
  return run;
}

/** Parents of a node: the nodes listing it among their success, failure or always children. */
function parentsOf(nodes: readonly AwxRecord[], id: number, indexOf: Map<number, number>): GraphNode['parents'] {
  return nodes.flatMap((node) => EDGES.filter((kind) => ids(node[`${kind}_nodes`]).includes(id))
    .map((kind) => ({ from: indexOf.get(node.id)!, kind })));
}

function jobOf(data: DemoData, run: WorkflowRun, def: TemplateDef, id: number, slice: number): JobRun | null {
  const record = findRecord(data, JOB_PATH[def.kind] as CollectionName, id);
  if (!record) return null;
  const nested = def.kind === 'workflow_job' ? readRun(data, record, run) ?? null : null;
  return {
    id, def, status: record.status as JobStatus, created: micros(record.created) ?? 0, started: micros(record.started),
    finished: micros(record.finished), canceledOn: micros(record.canceled_on),
    explanation: String(record.job_explanation ?? ''), timedOut: record.timed_out === true,
    slice: typeof record.job_slice_number === 'number' ? record.job_slice_number : slice, nested,
  };
}

/** The plan a stored workflow job was launched with; undefined when its template is not in the catalog. */
export function planOf(data: DemoData, record: AwxRecord, parent: WorkflowRun | null): WorkflowPlan | undefined {
  const def = findTemplate(record.unified_job_template);
  if (!def) return undefined;
  return {
    id: record.id, def, sliced: record.is_sliced_job === true,
    status: record.status as JobStatus, launchType: record.launch_type as LaunchType,
    created: micros(record.created) ?? 0,
    // Nested jobs inherit their creator from the top ancestor (see creatorsOf).
    creator: parent ? null : summaryId(record, 'created_by'),
    scheduleId: summaryId(record, 'schedule'),
    inventory: typeof record.inventory === 'number' ? record.inventory : null,
    limit: nullableText(record.limit), scmBranch: nullableText(record.scm_branch),
    skipTags: nullableText(record.skip_tags), jobTags: nullableText(record.job_tags),
    extraVars: String(record.extra_vars ?? ''), labels: [...(data.jobLabels[record.id] ?? [])],
    webhookGuid: String(record.webhook_guid ?? ''),
  };
}

function summaryId(record: AwxRecord, key: string): number | null {
  const id = (record.summary_fields as Record<string, { id?: unknown } | undefined> | undefined)?.[key]?.id;
  return typeof id === 'number' ? id : null;
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function micros(value: unknown): Micros | null {
  return typeof value === 'string' ? microsFromIso(value) : null;
}
