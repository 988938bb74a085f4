import { urlOf } from '../dataset/shape.js';
import { userSummary } from '../dataset/summaries.js';
import { organizationOf, putRecord } from '../store.js';
import { isoFromMicros } from '../time.js';
import type { AwxRecord, DemoData } from '../types.js';
import type { StepContext } from './new-run.js';

/**
 * The relaunch of a workflow job without a template (a bulk job), record by record: AWX copies the job's
 * fields and then its nodes, new and unstarted (UnifiedJob.copy_unified_job and
 * WorkflowJob.copy_nodes_from_original, awx/main/models). `is_bulk_job` is not among the fields copied
 * (WorkflowJobTemplate._get_unified_job_field_names), so the copy is no bulk job. It stays pending: the
 * engine only moves the catalog's jobs.
 */
export function copyWorkflowJob(data: DemoData, ctx: StepContext, original: AwxRecord, creator: number): AwxRecord {
  const id = ctx.nextJobId();
  const url = urlOf('workflow_jobs', id);
  const user = userSummary(creator);
  const now = isoFromMicros(ctx.now);
  const job: AwxRecord = {
    ...original, id, url,
    related: {
      ...relink(original.related, String(original.url), url),
      created_by: urlOf('users', creator), modified_by: urlOf('users', creator),
    },
    summary_fields: { ...(original.summary_fields as object), created_by: user, modified_by: user },
    created: now, modified: now, launch_type: 'relaunch', status: 'pending', failed: false, started: null, finished: null,
    canceled_on: null, elapsed: 0, job_explanation: '',
    launched_by: { id: creator, name: user.username, type: 'user', url: urlOf('users', creator) },
  };
  putRecord(data, 'workflow_jobs', job, {
    organizationId: organizationOf(data, 'workflow_jobs', original), labelIds: [...(data.jobLabels[original.id] ?? [])],
  });
  copyNodes(data, ctx, original, job);
  ctx.changed.push(id);
  return job;
}

function copyNodes(data: DemoData, ctx: StepContext, original: AwxRecord, job: AwxRecord): void {
  const nodes = data.collections.workflow_job_nodes.filter((node) => node.workflow_job === original.id);
  const newIds = new Map(nodes.map((node) => [node.id, ctx.nextNodeId()]));
  const children = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map((child) => newIds.get(child)).filter((child) => child !== undefined);
  const organizationId = organizationOf(data, 'workflow_jobs', original);
  for (const node of nodes) {
    const id = newIds.get(node.id)!;
    const url = urlOf('workflow_job_nodes', id);
    const links = relink(relink(node.related, String(node.url), url), String(original.url), String(job.url));
    const { job: _ran, ...related } = links;
    const { job: _summary, ...summary } = node.summary_fields as Record<string, unknown>;
    const stamp = isoFromMicros(ctx.now);
    putRecord(data, 'workflow_job_nodes', {
      ...node, id, url, related,
      summary_fields: { ...summary, workflow_job: { id: job.id, name: job.name, description: job.description } },
      created: stamp, modified: stamp, job: null, workflow_job: job.id,
      success_nodes: children(node.success_nodes), failure_nodes: children(node.failure_nodes),
      always_nodes: children(node.always_nodes), do_not_run: false,
    }, { organizationId });
  }
}

/** Related links with one URL prefix swapped for another. */
function relink(related: unknown, from: string, to: string): Record<string, unknown> {
  const links = Object.entries((related ?? {}) as Record<string, unknown>);
  return Object.fromEntries(links.map(([key, link]) =>
    [key, typeof link === 'string' && link.startsWith(from) ? `${to}${link.slice(from.length)}` : link]));
}
