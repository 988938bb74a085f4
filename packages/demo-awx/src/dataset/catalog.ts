/** What each unified job template spawns; also the `unified_job_type` AWX reports for it. */
export type TemplateKind = 'job' | 'project_update' | 'inventory_update' | 'workflow_approval' | 'workflow_job';

/**
 * A unified job template. AWX gives projects, inventory sources, job, workflow and approval
 * templates one shared id space, so the ids below never collide across kinds.
 */
export interface TemplateDef {
  id: number;
  kind: TemplateKind;
  name: string;
  description: string;
  org: number;
  /** Job templates: the playbook run, its project and inventory. */
  playbook?: string;
  project?: number;
  inventory?: number;
  /** Job templates that run as sliced workflow jobs. */
  sliceCount?: number;
  /** Inventory sources: the source type. */
  source?: string;
  /** Workflow templates: main steps in order, an optional failure handler and an always-run cleanup. */
  steps?: number[];
  handler?: number;
  cleanup?: number;
  webhook?: { service: 'github' | 'gitlab' | 'bitbucket_dc'; credential: number };
  /** Workflow templates only launched as a node of another workflow. */
  nestedOnly?: boolean;
}

const t = (def: TemplateDef): TemplateDef => def;

/** Every unified job template of the demo, by id. */
export const TEMPLATES: readonly TemplateDef[] = [
  t({ id: 6, kind: 'project_update', name: 'Demo Project', description: '', org: 1 }),
  t({ id: 7, kind: 'project_update', name: 'platform-playbooks', description: 'Playbooks of the web platform', org: 2 }),
  t({ id: 8, kind: 'project_update', name: 'infra-playbooks', description: 'Fleet maintenance playbooks', org: 3 }),
  t({ id: 9, kind: 'inventory_update', name: 'Demo inventory sync', description: '', org: 1, inventory: 1, source: 'scm' }),
  t({ id: 10, kind: 'inventory_update', name: 'AWS EC2 eu-west-1', description: 'Production web hosts', org: 2, inventory: 3, source: 'ec2' }),
  t({ id: 11, kind: 'inventory_update', name: 'VMware vCenter', description: 'Datacenter VMs', org: 3, inventory: 4, source: 'vmware' }),
  t({ id: 12, kind: 'job', name: 'Demo Job Template', description: '', org: 1, playbook: 'hello_world.yml', project: 6, inventory: 1 }),
  t({ id: 13, kind: 'job', name: 'Ping all hosts', description: 'Connectivity check', org: 1, playbook: 'ping.yml', project: 6, inventory: 1 }),
  t({ id: 14, kind: 'job', name: 'Build container image', description: '', org: 2, playbook: 'build_image.yml', project: 7, inventory: 2 }),
  t({ id: 15, kind: 'job', name: 'Deploy application', description: 'Rolling deploy of the web app', org: 2, playbook: 'deploy.yml', project: 7, inventory: 3 }),
  t({ id: 16, kind: 'job', name: 'Run smoke tests', description: '', org: 2, playbook: 'smoke_tests.yml', project: 7, inventory: 2 }),
  t({ id: 17, kind: 'job', name: 'Roll back release', description: 'Restore the previous release', org: 2, playbook: 'rollback.yml', project: 7, inventory: 3 }),
  t({ id: 18, kind: 'job', name: 'Apply OS patches', description: '', org: 3, playbook: 'patch.yml', project: 8, inventory: 4 }),
  t({ id: 19, kind: 'job', name: 'Reboot hosts', description: 'Serial reboot, 10% at a time', org: 3, playbook: 'reboot.yml', project: 8, inventory: 4 }),
  t({ id: 20, kind: 'job', name: 'Back up PostgreSQL', description: '', org: 3, playbook: 'pg_backup.yml', project: 8, inventory: 4 }),
  t({ id: 21, kind: 'job', name: 'Fleet compliance scan', description: 'CIS benchmark, sliced', org: 3, playbook: 'compliance.yml', project: 8, inventory: 4, sliceCount: 3 }),
  t({ id: 22, kind: 'job', name: 'Notify on-call', description: '', org: 3, playbook: 'notify.yml', project: 8, inventory: 4 }),
  t({ id: 23, kind: 'workflow_approval', name: 'Approve sandbox', description: '', org: 1 }),
  t({ id: 24, kind: 'workflow_approval', name: 'Approve production deploy', description: 'Release manager sign-off', org: 2 }),
  t({ id: 25, kind: 'workflow_approval', name: 'Change window approval', description: '', org: 3 }),
  t({ id: 26, kind: 'workflow_job', name: 'Demo Workflow', description: '', org: 1, steps: [6, 9, 12], cleanup: 13 }),
  t({ id: 27, kind: 'workflow_job', name: 'Provision sandbox', description: 'Self-service sandbox', org: 1, steps: [9, 12, 23, 13], handler: 13 }),
  t({ id: 28, kind: 'workflow_job', name: 'Build and test', description: '', org: 2, steps: [7, 14, 16], handler: 17, nestedOnly: true }),
  t({ id: 29, kind: 'workflow_job', name: 'Deploy web stack', description: 'Build, deploy and verify', org: 2, steps: [7, 10, 14, 15, 16], handler: 17, webhook: { service: 'github', credential: 2 } }),
  t({ id: 30, kind: 'workflow_job', name: 'Nightly integration tests', description: '', org: 2, steps: [7, 14, 16], cleanup: 16 }),
  t({ id: 31, kind: 'workflow_job', name: 'Release pipeline', description: 'Tag, build, approve, ship', org: 2, steps: [28, 24, 15, 16], handler: 17, webhook: { service: 'gitlab', credential: 3 } }),
  t({ id: 32, kind: 'workflow_job', name: 'Drain and patch node', description: '', org: 3, steps: [19, 18, 19], nestedOnly: true }),
  t({ id: 33, kind: 'workflow_job', name: 'Patch Linux fleet', description: 'Monthly patch run', org: 3, steps: [32, 8, 11, 25, 18], handler: 22 }),
  t({ id: 34, kind: 'workflow_job', name: 'Database backup', description: '', org: 3, steps: [8, 20, 18], cleanup: 22 }),
  t({ id: 35, kind: 'workflow_job', name: 'Rotate TLS certificates', description: '', org: 3, steps: [8, 25, 18, 19], handler: 22, webhook: { service: 'bitbucket_dc', credential: 4 } }),
];

/** The template with this id; throws on a typo in the catalog. */
export function template(id: number): TemplateDef {
  const found = findTemplate(id);
  if (!found) throw new Error(`demo catalog has no unified job template ${id}`);
  return found;
}

/** The template with this id, if the catalog has it (system job templates and bulk jobs' lack of one do not). */
export function findTemplate(id: unknown): TemplateDef | undefined {
  return TEMPLATES.find((def) => def.id === id);
}

/** A schedule that launches a template. */
export interface ScheduleDef {
  id: number;
  name: string;
  template: number;
  rrule: string;
}

/** The demo schedules; scheduled launches point at these. */
export const SCHEDULES: readonly ScheduleDef[] = [
  { id: 1, name: 'Demo workflow hourly', template: 26, rrule: 'DTSTART;TZID=UTC:20240501T000000 RRULE:FREQ=HOURLY;INTERVAL=6' },
  { id: 2, name: 'Nightly integration run', template: 30, rrule: 'DTSTART;TZID=UTC:20240501T020000 RRULE:FREQ=DAILY;INTERVAL=1' },
  { id: 3, name: 'Weekly fleet patching', template: 33, rrule: 'DTSTART;TZID=UTC:20240504T220000 RRULE:FREQ=WEEKLY;BYDAY=SA' },
  { id: 4, name: 'Daily database backup', template: 34, rrule: 'DTSTART;TZID=UTC:20240501T013000 RRULE:FREQ=DAILY;INTERVAL=1' },
  { id: 5, name: 'Weekly compliance scan', template: 21, rrule: 'DTSTART;TZID=UTC:20240505T030000 RRULE:FREQ=WEEKLY;BYDAY=SU' },
];

/** URL segment of the list holding templates of each kind. */
export const TEMPLATE_PATH: Record<TemplateKind, string> = {
  job: 'job_templates',
  project_update: 'projects',
  inventory_update: 'inventory_sources',
  workflow_approval: 'workflow_approval_templates',
  workflow_job: 'workflow_job_templates',
};

/** URL segment of the list holding jobs of each kind. */
export const JOB_PATH: Record<TemplateKind, string> = {
  job: 'jobs',
  project_update: 'project_updates',
  inventory_update: 'inventory_updates',
  workflow_approval: 'workflow_approvals',
  workflow_job: 'workflow_jobs',
};
