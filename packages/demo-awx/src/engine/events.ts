import { microsFromIso } from '../time.js';
import type { AwxRecord, CollectionName, DemoData } from '../types.js';
import { UNIFIED_JOB_COLLECTIONS } from '../store.js';

/**
 * The websocket messages AWX sends when a unified job changes status (UnifiedJob._websocket_emit_status):
 * always to group `jobs-status_changed`, and for a job spawned by a workflow also to
 * `workflow_events-<workflow job id>`.
 */

/** One message for one group, with the job it is about (whose visibility decides who gets it). */
export interface StatusMessage {
  group: string;
  payload: Record<string, unknown>;
  job: AwxRecord;
  collection: CollectionName;
}

const NO_INSTANCE_GROUP = new Set(['workflow_job', 'workflow_approval']);

/** AWX only reports `finished` for these (the strftime of a set `finished`). */
const WITH_FINISHED = new Set(['successful', 'failed', 'canceled']);

/** The messages of the current status of this unified job; none when it no longer exists. */
export function statusMessages(data: DemoData, jobId: number): StatusMessage[] {
  for (const collection of UNIFIED_JOB_COLLECTIONS) {
    const job = data.collections[collection].find((record) => record.id === jobId);
    if (job) return messagesOf(data, job, collection);
  }
  return [];
}

function messagesOf(data: DemoData, job: AwxRecord, collection: CollectionName): StatusMessage[] {
  const status = String(job.status);
  const node = data.collections.workflow_job_nodes.find((candidate) => candidate.job === job.id);
  const base: Record<string, unknown> = { unified_job_id: job.id, status };
  if (WITH_FINISHED.has(status) && typeof job.finished === 'string') base.finished = strftime(job.finished);
  // Workflow jobs and approvals never run on an instance group; every other demo job runs on `default`.
  if (status === 'running') base.instance_group_name = NO_INSTANCE_GROUP.has(job.type) ? null : 'default';
  base.type = job.type;
  if (node) Object.assign(base, { workflow_job_id: node.workflow_job, workflow_node_id: node.id });
  const jobs = { ...base, group_name: 'jobs', ...templateId(job) };
  const messages: StatusMessage[] = [{ group: 'jobs-status_changed', payload: jobs, job, collection }];
  const parent = node && data.collections.workflow_jobs.find((candidate) => candidate.id === node.workflow_job);
  if (parent) {
    // Despite its name, workflow_job_template_id is the spawned job's own template (`self.unified_job_template.id`).
    messages.push({
      group: `workflow_events-${parent.id}`, job, collection,
      payload: { ...jobs, group_name: 'workflow_events', workflow_job_template_id: job.unified_job_template },
    });
  }
  return messages;
}

function templateId(job: AwxRecord): Record<string, unknown> {
  return typeof job.unified_job_template === 'number' ? { unified_job_template_id: job.unified_job_template } : {};
}

/** `%Y-%m-%dT%H:%M:%S.%fZ`: always six fraction digits, unlike the REST serializer. */
function strftime(iso: string): string {
  const micros = microsFromIso(iso) ?? 0;
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19)}.${fraction}Z`;
}
