import { organizationOf } from '../store.js';
import { isoFromMicros, microsFromIso } from '../time.js';
import type { AwxRecord, DemoData } from '../types.js';
import { ACTIVE_NODE } from '../http/public-views.js';
import { LAUNCHERS_BY_ORG } from './people.js';
import { LABELS, userSummary } from './summaries.js';
import { record, urlOf } from './shape.js';

/** The activity stream of workflow jobs (ActivityStreamSerializer): their creation, labels and cancels. */

type UserSummary = { id: number; username: string; first_name: string; last_name: string };

interface Change {
  job: AwxRecord;
  org: number | null;
  at: number;
  operation: 'create' | 'update' | 'associate';
  actor: UserSummary | undefined;
  changes: Record<string, unknown>;
  label?: (typeof LABELS)[number];
}

/** An activity stream entry with the organization that may see it. */
export interface DemoActivity {
  record: AwxRecord;
  org: number | null;
}

/** Every entry of the demo's activity stream, ids in time order. */
export function activityRecords(data: DemoData): DemoActivity[] {
  const changes = data.collections.workflow_jobs.flatMap((job) => changesOf(data, job));
  changes.sort((a, b) => a.at - b.at || a.job.id - b.job.id || (a.label?.id ?? 0) - (b.label?.id ?? 0));
  return changes.map((change, index) => ({ record: entryRecord(index + 1, change), org: change.org }));
}

/** What AWX logs for a workflow job: `create` by its launcher, one `associate` per label, `update` on cancel. */
function changesOf(data: DemoData, job: AwxRecord): Change[] {
  const org = organizationOf(data, 'workflow_jobs', job);
  const actor = (job.summary_fields as { created_by?: UserSummary }).created_by;
  const created = microsFromIso(String(job.created)) ?? 0;
  const base = { job, org, actor };
  const template = job.unified_job_template === null ? null : `${String(job.name)}-${String(job.unified_job_template)}`;
  const out: Change[] = [{
    ...base, at: created + 2_113, operation: 'create',
    changes: { name: job.name, description: job.description, status: 'pending', launch_type: job.launch_type,
      unified_job_template: template, id: job.id },
  }];
  (data.jobLabels[job.id] ?? []).forEach((labelId, index) => {
    const label = LABELS.find((candidate) => candidate.id === labelId);
    if (!label) return;
    out.push({ ...base, at: created + 9_001 + index * 1_217, operation: 'associate', label, changes: {
      object1: 'workflow_job', object1_pk: job.id, object2: 'label', object2_pk: label.id, action: 'associate',
      relationship: 'awx.main.models.unified_jobs.UnifiedJob_labels' } });
  });
  const canceledOn = job.canceled_on === null ? null : microsFromIso(String(job.canceled_on));
  if (canceledOn !== null) {
    // Somebody canceled it: its launcher, or for a scheduled or webhook launch the organization's first launcher.
    const canceler = actor ?? userSummary(LAUNCHERS_BY_ORG[org ?? 1]?.[0] ?? 1) as UserSummary;
    out.push({ ...base, actor: canceler, at: canceledOn + 517, operation: 'update',
      changes: { cancel_flag: [false, true] } });
  }
  return out;
}

function entryRecord(id: number, change: Change): AwxRecord {
  const { job, label, actor } = change;
  return record({
    id, type: 'activity_stream', url: urlOf('activity_stream', id),
    related: {
      ...(actor ? { actor: urlOf('users', actor.id) } : {}),
      workflow_job: [urlOf('workflow_jobs', job.id)],
      ...(label ? { label: [urlOf('labels', label.id)] } : {}),
    },
    summary_fields: {
      workflow_job: [{ id: job.id, name: job.name, description: job.description }],
      ...(label ? { label: [{ id: label.id, name: label.name, organization_id: label.organization }] } : {}),
      ...(actor ? { actor } : {}),
    },
    timestamp: isoFromMicros(change.at), operation: change.operation, changes: change.changes,
    object1: 'workflow_job', object2: label ? 'label' : '', object_association: label ? 'labels' : '',
    action_node: ACTIVE_NODE,
    // AWX parses the model out of non-role relationships wrongly and always sends '' for them.
    object_type: '',
  });
}
