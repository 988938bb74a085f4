import { SECOND, type Micros } from '../time.js';
import type { AwxRecord } from '../types.js';
import { template } from './catalog.js';
import type { EdgeJob } from './edge-jobs.js';
import { handRun, rootNode } from './hand-runs.js';
import { nodeRecords } from './nodes.js';
import type { SimContext } from './simulate.js';
import { spawnedRecord } from './spawned.js';
import { workflowJobRecord } from './workflow-job.js';

/**
 * A bulk job: bob ran three Operations job templates at once (`POST /api/v2/bulk/job_launch/`). AWX's
 * BulkJobLaunchSerializer makes it a workflow job with `is_bulk_job` set, no template, the organization it
 * was launched for, and one root node per job. So who reads it differs by view (awx/main/access.py):
 * WorkflowJobAccess lists it to the organization's admins (dave), and its launcher (bob) may read it by id
 * only (can_read); WorkflowJobNodeAccess lists its nodes to the organization's admins, never to bob, while
 * `/workflow_jobs/{id}/workflow_nodes/` serves them to whoever may read the job.
 */

const BOB = 3;
/** Apply OS patches, Back up PostgreSQL, Notify on-call. */
const JOB_TEMPLATES = [18, 20, 22];

/** The bulk job, its nodes and their jobs, finished three hours before `clock`. */
export function bulkJob(ctx: SimContext, clock: Micros): EdgeJob {
  // Rendered like any workflow job of Operations, then stripped of the template (see withoutTemplate).
  const def = { ...template(33), name: 'Bulk Job Launch', description: '' };
  const created = clock - 3 * 3_600 * SECOND;
  const run = handRun(ctx, { def, created, launchType: 'manual', creator: BOB, scheduleId: null }, 612_408);
  run.nodes = JOB_TEMPLATES.map((id, index) => rootNode(ctx, run, template(id), index, run.started! + 400_000 + index * 90_000));
  run.finished = Math.max(...run.nodes.map((node) => node.job!.finished!)) + 811_274;
  return {
    workflowJob: withoutTemplate(workflowJobRecord(run, clock)),
    nodes: nodeRecords(run, clock),
    spawned: run.nodes.map((node) => ({ collection: 'jobs', record: spawnedRecord(node.job!, run, clock) })),
  };
}

/** A bulk job has no workflow job template: no template fields, links or summaries, no notifications link. */
function withoutTemplate(record: AwxRecord): AwxRecord {
  const links = record.related as Record<string, unknown>;
  const { unified_job_template: _u, workflow_job_template: _w, notifications: _n, ...related } = links;
  const summaries = record.summary_fields as Record<string, unknown>;
  const { unified_job_template: _us, workflow_job_template: _ws, ...summary } = summaries;
  return {
    ...record, related, summary_fields: summary, unified_job_template: null, workflow_job_template: null,
    allow_simultaneous: false,
  };
}
