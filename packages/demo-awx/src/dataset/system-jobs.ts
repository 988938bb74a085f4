import type { AwxRecord } from '../types.js';
import { SECOND, type Micros, isoFromMicros } from '../time.js';
import { timing } from './launch.js';
import { EE_SUMMARY } from './spawned-common.js';
import { links, record, urlOf, userLinks, userSummaries } from './shape.js';

/** System jobs: the cleanup jobs AWX's system job templates run, launched by the admin. */

interface SystemJobDef {
  jobType: string;
  /** AWX's name and description of the default template of this job type. */
  name: string;
  description: string;
  /** The `days` extra variable (records younger than this are kept), when the job type takes one. */
  days?: number;
  status: 'successful' | 'failed' | 'running';
  /** Hours before the demo clock the job was created, and its run time in seconds. */
  hoursAgo: number;
  seconds: number;
  stdout: string;
  explanation?: string;
}

const DEFS: readonly SystemJobDef[] = [
  { jobType: 'cleanup_activitystream', name: 'Cleanup Activity Stream', description: 'Remove activity stream history',
    days: 355, status: 'successful', hoursAgo: 50, seconds: 5.266, stdout: 'Removed 0 items\n' },
  { jobType: 'cleanup_sessions', name: 'Cleanup Expired Sessions', description: 'Cleans out expired browser sessions',
    status: 'successful', hoursAgo: 26, seconds: 3.5, stdout: 'Expired Sessions deleted 4\n' },
  { jobType: 'cleanup_tokens', name: 'Cleanup Expired OAuth 2 Tokens',
    description: 'Cleanup expired OAuth 2 access and refresh tokens', status: 'failed', hoursAgo: 20, seconds: 2.75,
    stdout: '', explanation: 'Job terminated due to error' },
  { jobType: 'cleanup_jobs', name: 'Cleanup Job Details', description: 'Remove jobs older than a certain number of days',
    days: 120, status: 'running', hoursAgo: 0.01, seconds: 0, stdout: '' },
];

const ADMIN = 1;
const CONTROL_PLANE = { id: 1, name: 'controlplane', is_container_group: false };

/** How a system job was launched: by the admin by hand, or by a node of a workflow job (`source`). */
export interface SystemJobLaunch {
  launchType: 'manual' | 'workflow';
  creator: number | null;
  launchedBy: Record<string, unknown>;
  /** `source_workflow_job` (and `ancestor_job`) links and summaries of a job a workflow ran. */
  source: { related: Record<string, string>; summary: Record<string, unknown> };
}

const BY_ADMIN: SystemJobLaunch = {
  launchType: 'manual', creator: ADMIN, launchedBy: { id: ADMIN, name: 'admin', type: 'user', url: urlOf('users', ADMIN) },
  source: { related: {}, summary: {} },
};

/**
 * Detail records of the demo's system jobs, ids from `firstId`. Each points at the system job template
 * of its job type when `templates` has one (else template fields are null, as for a deleted template).
 */
export function systemJobRecords(firstId: number, clock: Micros, templates: readonly AwxRecord[]): AwxRecord[] {
  return DEFS.map((def, index) => systemJob(firstId + index, def, clock - Math.round(def.hoursAgo * 3_600 * SECOND),
    clock, templates.find((t) => t.job_type === def.jobType), BY_ADMIN));
}

/** A successful `cleanup_sessions` system job that a workflow job's node ran, created at `created`. */
export function sessionCleanupOfWorkflow(
  id: number, created: Micros, clock: Micros, template: AwxRecord | undefined, launch: SystemJobLaunch,
): AwxRecord {
  const def = DEFS.find((candidate) => candidate.jobType === 'cleanup_sessions')!;
  const ran: SystemJobDef = { ...def, status: 'successful', seconds: 4.318, stdout: 'Expired Sessions deleted 2\n' };
  return systemJob(id, ran, created, clock, template, launch);
}

function systemJob(
  id: number, def: SystemJobDef, created: Micros, clock: Micros, template: AwxRecord | undefined, launch: SystemJobLaunch,
): AwxRecord {
  const url = urlOf('system_jobs', id);
  const started = created + 70_123;
  const finished = def.status === 'running' ? null : started + Math.round(def.seconds * SECOND);
  const t = templateParts(def, template);
  const days = def.days === undefined ? [] : ['--days', String(def.days)];
  return record({
    id, type: 'system_job', url,
    related: {
      ...userLinks(launch.creator, null), ...t.related, ...launch.source.related,
      execution_environment: urlOf('execution_environments', 1), ...t.templateLink, ...links(url, ['notifications', 'cancel', 'events']),
    },
    summary_fields: {
      execution_environment: EE_SUMMARY, ...t.summary, instance_group: CONTROL_PLANE, ...userSummaries(launch.creator, null),
      user_capabilities: { delete: true, start: false }, ...launch.source.summary,
    },
    created: isoFromMicros(created), modified: isoFromMicros(started + 7_387), name: t.name, description: t.description,
    unified_job_template: t.id, launch_type: launch.launchType, status: def.status, execution_environment: 1,
    ...timing({ status: def.status, started, finished, canceledOn: null }, clock),
    job_args: JSON.stringify(['awx-manage', def.jobType, ...days]), job_cwd: '/var/lib/awx', job_env: {},
    job_explanation: def.explanation ?? '', execution_node: 'awx-demo-task-1', result_traceback: '',
    event_processing_finished: finished !== null,
    launched_by: launch.launchedBy, work_unit_id: null,
    system_job_template: t.id, job_type: def.jobType,
    extra_vars: def.days === undefined ? '{}' : JSON.stringify({ days: String(def.days) }), result_stdout: def.stdout,
  });
}

/** What a system job copies from its template; links and summaries are left out when there is none. */
function templateParts(def: SystemJobDef, template: AwxRecord | undefined) {
  const id = typeof template?.id === 'number' ? template.id : null;
  const name = typeof template?.name === 'string' ? template.name : def.name;
  const description = typeof template?.description === 'string' ? template.description : def.description;
  if (id === null) return { id, name, description, related: {}, templateLink: {}, summary: {} };
  const link = urlOf('system_job_templates', id);
  return {
    id, name, description, related: { unified_job_template: link }, templateLink: { system_job_template: link },
    summary: { unified_job_template: { id, name, description, unified_job_type: 'system_job' } },
  };
}
