import type { SeededRandom } from '../random.js';
import { DEMO_BASE, SECOND, type Micros } from '../time.js';
import { SCHEDULES, TEMPLATES, template, type TemplateDef } from './catalog.js';
import { INVENTORIES, LAUNCHERS_BY_ORG } from './people.js';
import { LABELS } from './summaries.js';

/** AWX job statuses (UnifiedJob.STATUS_CHOICES). */
export type JobStatus = 'new' | 'pending' | 'waiting' | 'running' | 'successful' | 'failed' | 'error' | 'canceled';

/** AWX launch types (UnifiedJob.LAUNCH_TYPE_CHOICES). */
export type LaunchType =
  | 'manual' | 'relaunch' | 'callback' | 'scheduled' | 'dependency' | 'workflow' | 'webhook' | 'sync' | 'scm';

/** Everything decided about a workflow job before its nodes run. */
export interface WorkflowPlan {
  id: number;
  /** The workflow job template, or the job template of a sliced job. */
  def: TemplateDef;
  sliced: boolean;
  status: JobStatus;
  launchType: LaunchType;
  created: Micros;
  /** created_by / modified_by: the launching user (manual and relaunch only). */
  creator: number | null;
  scheduleId: number | null;
  inventory: number | null;
  limit: string | null;
  scmBranch: string | null;
  skipTags: string | null;
  jobTags: string | null;
  extraVars: string;
  labels: number[];
  webhookGuid: string;
}

const FORCED_LAUNCHES: LaunchType[] = ['manual', 'scheduled', 'webhook', 'relaunch', 'dependency', 'callback', 'sync', 'scm'];
const LAUNCH_WEIGHTS = { manual: 38, scheduled: 18, relaunch: 9, webhook: 12, callback: 3, dependency: 3, sync: 3, scm: 3 };
const TERMINAL_WEIGHTS = { successful: 58, failed: 22, canceled: 12, error: 8 };
/** The newest jobs are still in flight, as on a live controller. */
const ACTIVE_TAIL: JobStatus[] = ['successful', 'running', 'pending', 'running', 'waiting', 'new', 'failed', 'running',
  'pending', 'waiting', 'running', 'new', 'successful', 'running'];

const EXTRA_VARS = ['{}', '{}', '{"region": "eu-west-1", "replicas": 3}', 'region: eu-west-1\nreplicas: 3\n',
  '{"db_password": "$encrypted$", "env": "staging"}', '---\nrelease: 2024.05.3\ncanary_percent: 10\n',
  '{"target_hosts": ["web-01", "web-02"], "dry_run": false}', '{"api_token": "$encrypted$", "notify": true}', '---'];
const LIMITS = [null, null, null, null, '', '', 'webservers', 'db*:!db-legacy', 'edge-0[1:9]'];
const BRANCHES = [null, null, '', '', 'main', 'release/2024.05', 'feature/blue-green'];
const TAGS = [null, null, '', '', '', 'slow', 'deploy,verify', 'always'];

/** Plans `count` workflow jobs with ids 1..count; nested ones follow the parent that launches them. */
export function planWorkflowJobs(rng: SeededRandom, count: number): WorkflowPlan[] {
  const plans: WorkflowPlan[] = [];
  let topLevel = 0;
  while (plans.length < count) {
    const id = plans.length + 1;
    const launchType = FORCED_LAUNCHES[topLevel] ?? rng.weighted(LAUNCH_WEIGHTS);
    const status = id > count - ACTIVE_TAIL.length ? ACTIVE_TAIL[id - 1 - count + ACTIVE_TAIL.length]! : rng.weighted(TERMINAL_WEIGHTS);
    const created = DEMO_BASE + (id - 1) * 2_640 * SECOND + rng.int(0, 1_200 * SECOND);
    const parent = planOne(rng, id, pickTemplate(rng, launchType), launchType, status, created);
    plans.push(parent);
    topLevel += 1;
    const nestedStep = parent.def.steps?.map(template).find((step) => step.kind === 'workflow_job');
    if (nestedStep && isStarted(status) && plans.length < count) {
      // Timestamps and status of the child come from the parent's node that spawns it (see simulate.ts).
      plans.push(planOne(rng, id + 1, nestedStep, 'workflow', 'successful', created));
    }
  }
  return plans;
}

/** True once a job has started: nested workflows only exist below started parents. */
export function isStarted(status: JobStatus): boolean {
  return !['new', 'pending', 'waiting'].includes(status);
}

function pickTemplate(rng: SeededRandom, launchType: LaunchType): TemplateDef {
  if (launchType === 'scheduled') return template(rng.pick(SCHEDULES).template);
  const workflows = TEMPLATES.filter((def) => def.kind === 'workflow_job' && !def.nestedOnly);
  if (launchType === 'webhook') return rng.pick(workflows.filter((def) => def.webhook));
  if (rng.chance(0.07)) return template(21); // the sliced job template
  return rng.pick(workflows);
}

function planOne(
  rng: SeededRandom, id: number, def: TemplateDef, launchType: LaunchType, status: JobStatus, created: Micros,
): WorkflowPlan {
  const byUser = launchType === 'manual' || launchType === 'relaunch';
  const orgInventories = INVENTORIES.filter((inv) => inv.org === def.org).map((inv) => inv.id);
  const schedule = SCHEDULES.find((s) => s.template === def.id);
  return {
    id, def, sliced: def.kind === 'job', status, launchType, created,
    creator: byUser ? rng.pick(LAUNCHERS_BY_ORG[def.org] ?? [1]) : null,
    scheduleId: launchType === 'scheduled' && schedule ? schedule.id : null,
    inventory: def.kind === 'job' ? def.inventory ?? null : rng.chance(0.35) ? rng.pick(orgInventories) : null,
    limit: rng.pick(LIMITS),
    scmBranch: rng.pick(BRANCHES),
    skipTags: rng.pick(TAGS),
    jobTags: rng.pick(TAGS),
    extraVars: rng.pick(EXTRA_VARS),
    labels: pickLabels(rng, id, def.org),
    webhookGuid: launchType === 'webhook' ? rng.uuid() : '',
  };
}

/** 0-4 labels of the job's organization; every 23rd job carries more than 10 (summary caps at 10). */
function pickLabels(rng: SeededRandom, id: number, org: number): number[] {
  const own = LABELS.filter((label) => label.organization === org).map((label) => label.id);
  const many = id % 23 === 5 && own.length > 10;
  return rng.sample(own, many ? rng.int(11, own.length) : rng.int(0, 4));
}
