import { organizationOf } from '../store.js';
import { SECOND, isoFromMicros, microsFromIso } from '../time.js';
import type { AwxRecord, DemoData } from '../types.js';
import { record, urlOf } from './shape.js';

/** Notifications AWX sent for workflow jobs and approvals (NotificationSerializer), from the job records. */

interface TemplateDef {
  id: number;
  name: string;
  description: string;
  type: 'slack' | 'webhook' | 'email';
  /** As AWX stores it: `str()` of the configured recipient list, or the webhook URL. */
  recipients: string;
}

const SLACK: TemplateDef = { id: 1, name: 'Engineering Slack', description: 'Deploy and release channel', type: 'slack',
  recipients: "['#deploys']" };
const WEBHOOK: TemplateDef = { id: 2, name: 'Release webhook', description: '', type: 'webhook',
  recipients: 'https://hooks.example.com/awx/release' };
const ONCALL: TemplateDef = { id: 3, name: 'Ops on-call email', description: 'Failures page the on-call', type: 'email',
  recipients: "['oncall@example.com']" };
const SANDBOX: TemplateDef = { id: 4, name: 'Sandbox email', description: '', type: 'email',
  recipients: "['sandbox-owners@example.com']" };

/** Which templates notify on a workflow job template's jobs: when they start, succeed or fail. */
const ON_START: Record<number, TemplateDef[]> = { 31: [WEBHOOK] };
const ON_SUCCESS: Record<number, TemplateDef[]> = { 27: [SANDBOX], 29: [SLACK], 31: [SLACK] };
const ON_FAILURE: Record<number, TemplateDef[]> = { 27: [SANDBOX], 29: [SLACK], 31: [SLACK], 33: [ONCALL],
  34: [ONCALL], 35: [ONCALL] };
/** Approval templates whose requests and outcomes go to a channel. */
const ON_APPROVAL: Record<number, TemplateDef[]> = { 24: [SLACK] };

const UI = 'https://awx.example.com/#/jobs/workflow';

interface Sent {
  job: AwxRecord;
  org: number | null;
  at: number;
  template: TemplateDef;
  subject: string;
  metadata: Record<string, unknown>;
}

/** A notification with the unified job it was sent for and the organization that may see it. */
export interface DemoNotification {
  record: AwxRecord;
  jobId: number;
  org: number | null;
}

/** Every notification of the demo, ids in the order they were sent. */
export function notificationRecords(data: DemoData): DemoNotification[] {
  const sent = [...data.collections.workflow_jobs.flatMap((job) => workflowSends(data, job)),
    ...data.collections.workflow_approvals.flatMap((job) => approvalSends(data, job))];
  sent.sort((a, b) => a.at - b.at || a.job.id - b.job.id || a.template.id - b.template.id);
  return sent.map((s, index) => ({ record: notificationRecord(index + 1, s), jobId: s.job.id, org: s.org }));
}

function workflowSends(data: DemoData, job: AwxRecord): Sent[] {
  const wfjt = job.workflow_job_template as number | null;
  if (wfjt === null) return [];
  const org = organizationOf(data, 'workflow_jobs', job);
  const url = `${UI}/${job.id}/output`;
  const metadata = { id: job.id, name: job.name, url, status: job.status, started: job.started, finished: job.finished,
    created_by: (job.summary_fields as { created_by?: { username?: string } }).created_by?.username ?? null };
  // A start notification reports the job as it was then: running, not finished.
  const send = (at: unknown, template: TemplateDef, status: unknown): Sent => ({
    job, org, at: microsFromIso(String(at)) ?? 0, template,
    metadata: { ...metadata, status, finished: status === 'running' ? null : job.finished },
    subject: `Workflow Job #${job.id} '${String(job.name)}' ${String(status)}: ${url}`,
  });
  const finishedWith = job.status === 'successful' ? ON_SUCCESS : ON_FAILURE;
  return [
    ...(job.started === null ? [] : (ON_START[wfjt] ?? []).map((t) => send(job.started, t, 'running'))),
    ...(job.finished === null ? [] : (finishedWith[wfjt] ?? []).map((t) => send(job.finished, t, job.status))),
  ];
}

function approvalSends(data: DemoData, job: AwxRecord): Sent[] {
  const templates = ON_APPROVAL[job.unified_job_template as number] ?? [];
  const node = data.collections.workflow_job_nodes.find((candidate) => candidate.job === job.id);
  const url = `${UI}/${String(node?.workflow_job ?? '')}/output`;
  const org = organizationOf(data, 'workflow_approvals', job);
  const name = String(job.name);
  const outcome = job.status === 'successful' ? 'was approved.' : job.timed_out ? 'has timed out.' : 'was denied.';
  const metadata = { id: job.id, name, url, status: job.status };
  return templates.flatMap((template) => [
    { job, org, at: microsFromIso(String(job.started)) ?? 0, template, metadata,
      subject: `The approval node "${name}" needs review. This node can be viewed at: ${url}` },
    ...(job.finished === null || job.status === 'canceled' ? [] : [{
      job, org, at: microsFromIso(String(job.finished)) ?? 0, template, metadata,
      subject: `The approval node "${name}" ${outcome} ${url}` }]),
  ]);
}

/** The record; webhooks have no subject, and only email, webhook and PagerDuty keep a body (AWX pops them). */
function notificationRecord(id: number, sent: Sent): AwxRecord {
  const { template } = sent;
  // Deliveries to the release webhook fail now and then: the receiver answers 503.
  const failed = template.type === 'webhook' && sent.job.id % 7 === 0;
  const created = sent.at + 250_000 + (id % 9) * 1_013;
  return record({
    id, type: 'notification', url: urlOf('notifications', id),
    related: { notification_template: urlOf('notification_templates', template.id) },
    summary_fields: {
      notification_template: { id: template.id, name: template.name, description: template.description },
    },
    created: isoFromMicros(created), modified: isoFromMicros(created + SECOND + (id % 7) * 3_571),
    notification_template: template.id, error: failed ? 'Error sending notification webhook: 503' : '',
    status: failed ? 'failed' : 'successful', notifications_sent: failed ? 0 : 1, notification_type: template.type,
    recipients: template.recipients,
    ...(template.type === 'webhook' ? {} : { subject: sent.subject }),
    ...(template.type === 'email' ? { body: emailBody(sent) } : {}),
    ...(template.type === 'webhook' ? { body: sent.metadata } : {}),
  });
}

function emailBody(sent: Sent): string {
  const { id, status, url } = sent.metadata;
  return `Workflow Job #${String(id)} had status ${String(status)}, view details at ${String(url)}\n\n`
    + JSON.stringify(sent.metadata, null, 4);
}
