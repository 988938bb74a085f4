import { SECOND, type Micros, isoFromMicros } from '../time.js';
import type { AwxRecord } from '../types.js';
import { template } from './catalog.js';
import type { EdgeJob } from './edge-jobs.js';
import { ancestorSummary, launchedBy, sourceSummary } from './launch.js';
import { nodeRecords } from './nodes.js';
import { handRun, rootNode } from './hand-runs.js';
import { links, record, urlOf } from './shape.js';
import type { SimContext, WorkflowRun } from './simulate.js';
import { spawnedRecord } from './spawned.js';
import { sessionCleanupOfWorkflow } from './system-jobs.js';
import { workflowJobRecord } from './workflow-job.js';

/**
 * A nightly run of "Database backup" (34) from the days its graph ended with the system job template
 * "Cleanup Expired Sessions": a superuser may add one to a workflow (WorkflowJobTemplateNodeAccess.can_add
 * checks `start` on it, which SystemJobTemplateAccess grants superusers). Whoever reads the workflow job
 * (bob, dave) sees that node and its job summary, yet only superusers and system auditors may read system
 * jobs: `/api/v2/system_jobs/` answers everybody else 403 (SystemJobList.get).
 */

const BACKUP_TEMPLATE = 34;
const NIGHTLY_SCHEDULE = 4;
const BACKUP_JOB_TEMPLATE = 20;
const CLEANUP_TEMPLATE = 4;

/** The run, its two nodes and their jobs: the backup, then on success the cleanup. */
export function maintenanceRun(ctx: SimContext, clock: Micros, systemTemplates: readonly AwxRecord[]): EdgeJob {
  const created = clock - 2 * 3_600 * SECOND;
  const launch = { def: template(BACKUP_TEMPLATE), created, launchType: 'scheduled', creator: null, scheduleId: NIGHTLY_SCHEDULE } as const;
  const run = handRun(ctx, launch, 518_332);
  const backup = rootNode(ctx, run, template(BACKUP_JOB_TEMPLATE), 0, run.started! + 400_000);
  run.nodes = [backup];
  const cleanupNode = ctx.nextNodeId();
  backup.children.success.push(cleanupNode);
  const cleanupCreated = backup.job!.finished! + 912_007;
  // sessionCleanupOfWorkflow starts the job 70 ms after it is created and runs it 4.318 s.
  run.finished = cleanupCreated + 70_123 + 4_318_000 + 733_519;
  const system = systemJobOf(ctx.nextJobId(), run, cleanupCreated, clock, systemTemplates);
  const cleanup = systemJobNode(cleanupNode, ctx.rng.uuid(), run, system, [created + 2 * 13_417, cleanupCreated]);
  return {
    workflowJob: workflowJobRecord(run, clock),
    nodes: [...nodeRecords(run, clock), cleanup],
    spawned: [
      { collection: 'jobs', record: spawnedRecord(backup.job!, run, clock) },
      { collection: 'system_jobs', record: system },
    ],
  };
}

function systemJobOf(id: number, run: WorkflowRun, created: Micros, clock: Micros, templates: readonly AwxRecord[]): AwxRecord {
  const template = templates.find((t) => t.id === CLEANUP_TEMPLATE);
  return sessionCleanupOfWorkflow(id, created, clock, template, {
    launchType: 'workflow', creator: null, launchedBy: launchedBy(run.plan),
    source: {
      related: { source_workflow_job: urlOf('workflow_jobs', run.plan.id) },
      summary: { source_workflow_job: sourceSummary(run, clock), ...ancestorSummary(id, run) },
    },
  });
}

/** The node that ran the system job, shaped like nodes.ts's (WorkflowJobNodeSerializer); `at` is [created, job created]. */
function systemJobNode(id: number, identifier: string, run: WorkflowRun, job: AwxRecord, at: [Micros, Micros]): AwxRecord {
  const [created, ran] = at;
  const url = urlOf('workflow_job_nodes', id);
  const ujt = job.summary_fields as { unified_job_template: Record<string, unknown> };
  return record({
    id, type: 'workflow_job_node', url,
    related: {
      ...links(url, ['labels', 'credentials', 'instance_groups', 'success_nodes', 'failure_nodes', 'always_nodes']),
      unified_job_template: urlOf('system_job_templates', CLEANUP_TEMPLATE), job: String(job.url),
      workflow_job: urlOf('workflow_jobs', run.plan.id),
    },
    summary_fields: {
      job: {
        id: job.id, name: job.name, description: job.description, status: job.status, failed: job.failed,
        elapsed: job.elapsed, type: 'system_job',
      },
      workflow_job: { id: run.plan.id, name: run.plan.def.name, description: run.plan.def.description },
      unified_job_template: ujt.unified_job_template,
    },
    created: isoFromMicros(created), modified: isoFromMicros(ran + 41_233),
    extra_data: {}, inventory: null, scm_branch: null, job_type: null, job_tags: null, skip_tags: null,
    limit: null, diff_mode: null, verbosity: null, execution_environment: null, forks: null,
    job_slice_count: null, timeout: null, job: job.id, workflow_job: run.plan.id, unified_job_template: CLEANUP_TEMPLATE,
    success_nodes: [], failure_nodes: [], always_nodes: [], all_parents_must_converge: false, do_not_run: false,
    identifier,
  });
}
