import type { AwxRecord } from '../types.js';
import { type Micros, isoFromMicros } from '../time.js';
import { JOB_PATH, TEMPLATE_PATH } from './catalog.js';
import { timing } from './launch.js';
import type { JobRun, NodeRun, WorkflowRun } from './simulate.js';
import { links, record, urlOf } from './shape.js';
import { jobName } from './spawned.js';
import { unifiedTemplateSummary } from './summaries.js';

/** Node records of one workflow job (WorkflowJobNodeSerializer; see job_workflow_nodes.json). */
export function nodeRecords(run: WorkflowRun, clock: Micros): AwxRecord[] {
  return run.nodes.map((node) => nodeRecord(run, node, clock));
}

function nodeRecord(run: WorkflowRun, node: NodeRun, clock: Micros): AwxRecord {
  const url = urlOf('workflow_job_nodes', node.id);
  const def = node.graph.def;
  const job = node.job;
  const workflow = run.plan;
  return record({
    id: node.id, type: 'workflow_job_node', url,
    related: {
      ...links(url, ['labels', 'credentials', 'instance_groups', 'success_nodes', 'failure_nodes', 'always_nodes']),
      unified_job_template: urlOf(TEMPLATE_PATH[def.kind], def.id),
      ...(job ? { job: urlOf(JOB_PATH[def.kind], job.id) } : {}),
      workflow_job: urlOf('workflow_jobs', workflow.id),
    },
    summary_fields: {
      ...(job ? { job: jobSummary(job, clock) } : {}),
      workflow_job: { id: workflow.id, name: workflow.def.name, description: workflow.def.description },
      unified_job_template: unifiedTemplateSummary(def.id),
    },
    created: isoFromMicros(node.created),
    // Nodes are touched when their job is attached; untouched ones keep their creation time.
    modified: isoFromMicros(job ? job.created + 41_233 : node.created + 11),
    extra_data: {}, inventory: null, scm_branch: null, job_type: null, job_tags: null, skip_tags: null,
    limit: null, diff_mode: null, verbosity: null, execution_environment: null, forks: null,
    job_slice_count: null, timeout: null,
    job: job?.id ?? null, workflow_job: workflow.id, unified_job_template: def.id,
    success_nodes: node.children.success, failure_nodes: node.children.failure, always_nodes: node.children.always,
    all_parents_must_converge: node.graph.converge, do_not_run: node.doNotRun, identifier: node.graph.identifier,
  });
}

/** `summary_fields.job` of a node: canceled_on only when set, timed_out only for approvals. */
function jobSummary(job: JobRun, clock: Micros): Record<string, unknown> {
  const t = timing(job, clock);
  return {
    id: job.id, name: jobName(job.def), description: job.def.description, status: job.status,
    failed: t.failed, elapsed: t.elapsed, type: job.def.kind,
    ...(t.canceled_on === null ? {} : { canceled_on: t.canceled_on }),
    ...(job.def.kind === 'workflow_approval' ? { timed_out: job.timedOut } : {}),
  };
}
