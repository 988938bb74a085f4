import { refreshTemplates } from '../engine/template-refresh.js';
import { SeededRandom } from '../random.js';
import { UNIFIED_JOB_COLLECTIONS } from '../store.js';
import type { Micros } from '../time.js';
import type { AwxRecord, CollectionName, DemoData } from '../types.js';
import { bulkJob } from './bulk-job.js';
import { maintenanceRun } from './maintenance-job.js';
import type { SimContext } from './simulate.js';

/**
 * Hand-built workflow jobs for access cases the generated history lacks (see bulk-job.ts and
 * maintenance-job.ts). Their ids follow every other job's and node's; both belong to Operations.
 */

/** A hand-built workflow job with its nodes and the jobs they ran. */
export interface EdgeJob {
  workflowJob: AwxRecord;
  nodes: AwxRecord[];
  spawned: { collection: CollectionName; record: AwxRecord }[];
}

const OPERATIONS = 3;

/** Adds the bulk job and the maintenance run, and brings their templates' last-run state up to date. */
export function addEdgeJobs(data: DemoData, clock: Micros): void {
  const ctx = contextAfter(data);
  const bulk = bulkJob(ctx, clock);
  add(data, bulk);
  data.bulkJobs.push(bulk.workflowJob.id);
  const maintenance = maintenanceRun(ctx, clock, data.collections.system_job_templates);
  add(data, maintenance);
  refreshTemplates(data, [bulk, maintenance].flatMap((job) => [job.workflowJob, ...job.spawned.map((s) => s.record)]));
}

function add(data: DemoData, job: EdgeJob): void {
  const put = (collection: CollectionName, record: AwxRecord) => {
    data.collections[collection].push(record);
    data.organizationOf[collection][record.id] = OPERATIONS;
  };
  put('workflow_jobs', job.workflowJob);
  data.jobLabels[job.workflowJob.id] = [];
  for (const node of job.nodes) put('workflow_job_nodes', node);
  for (const { collection, record } of job.spawned) {
    put(collection, record);
    data.jobLabels[record.id] = [];
  }
}

/** Dice and id sequences that continue after every stored unified job and node. */
function contextAfter(data: DemoData): SimContext {
  const maxOf = (records: AwxRecord[]) => records.reduce((max, record) => Math.max(max, record.id), 0);
  let jobId = Math.max(...UNIFIED_JOB_COLLECTIONS.map((name) => maxOf(data.collections[name])));
  let nodeId = maxOf(data.collections.workflow_job_nodes);
  return { rng: new SeededRandom(20_241_023), plans: new Map(), nextJobId: () => ++jobId, nextNodeId: () => ++nodeId };
}
