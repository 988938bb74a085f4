import { SeededRandom } from '../random.js';
import { STORED_COLLECTIONS, type AwxRecord, type CollectionName, type DemoData } from '../types.js';
import { SECOND, type Micros, isoFromMicros } from '../time.js';
import { addAuditTrail } from './audit.js';
import { JOB_PATH, TEMPLATES } from './catalog.js';
import { addEdgeJobs } from './edge-jobs.js';
import { nodeRecords } from './nodes.js';
import { DEMO_ADMIN_READONLY_TOKEN, PEOPLE } from './people.js';
import { planWorkflowJobs } from './plan.js';
import { credentialRecords, inventoryRecords, labelRecords, organizationRecords, userRecords } from './reference.js';
import { scheduleOrganization, scheduleRecords } from './schedules.js';
import { simulateWorkflow, type SimContext, type WorkflowRun } from './simulate.js';
import { approvalTemplateRecords, inventorySourceRecords, projectRecords } from './sources.js';
import { spawnedRecord } from './spawned.js';
import { addStandaloneJobs } from './standalone.js';
import { systemJobTemplateRecords } from './system-templates.js';
import { historyOf } from './template-state.js';
import { jobTemplateRecords, workflowTemplateRecords } from './templates.js';
import { workflowJobRecord } from './workflow-job.js';

/** How many workflow jobs the demo holds (ids 1..WORKFLOW_JOB_COUNT); spawned jobs get ids above. */
export const WORKFLOW_JOB_COUNT = 240;

/** Builds the whole demo AWX: same seed, same records, every run. */
export function createDemoData(): DemoData {
  const runs = runAllWorkflows(new SeededRandom(20_240_506));
  const clock = latestInstant(runs) + 45 * SECOND;
  const data = emptyData(isoFromMicros(clock));
  for (const run of runs) addRun(data, run, clock);
  const history = historyOf([...data.collections.workflow_jobs, ...data.collections.jobs,
    ...data.collections.project_updates, ...data.collections.inventory_updates, ...data.collections.workflow_approvals]);
  const c = data.collections;
  c.organizations = organizationRecords();
  c.users = userRecords();
  c.labels = labelRecords();
  c.inventories = inventoryRecords();
  c.credentials = credentialRecords();
  c.projects = projectRecords(history);
  c.inventory_sources = inventorySourceRecords(history);
  c.job_templates = jobTemplateRecords(history, clock);
  c.workflow_job_templates = workflowTemplateRecords(history, clock);
  c.workflow_approval_templates = approvalTemplateRecords(history);
  c.schedules = scheduleRecords(clock);
  // System jobs name their template, and the template's last-run state comes from those jobs.
  c.system_job_templates = systemJobTemplateRecords(new Map());
  addStandaloneJobs(data, clock);
  c.system_job_templates = systemJobTemplateRecords(historyOf(c.system_jobs));
  addAuditTrail(data);
  // After the audit trail, whose entries are numbered in time order: they keep their ids.
  addEdgeJobs(data, clock);
  c.system_job_templates = systemJobTemplateRecords(historyOf(c.system_jobs));
  assignOwners(data);
  for (const name of STORED_COLLECTIONS) c[name].sort((a, b) => a.id - b.id);
  return data;
}

/** Simulates every top-level workflow job; nested ones run inside their parent and are listed after it. */
function runAllWorkflows(rng: SeededRandom): WorkflowRun[] {
  const plans = planWorkflowJobs(rng, WORKFLOW_JOB_COUNT);
  let nodeId = 0;
  let jobId = WORKFLOW_JOB_COUNT;
  const ctx: SimContext = {
    rng, plans: new Map(plans.map((plan) => [plan.id, plan])),
    nextNodeId: () => ++nodeId, nextJobId: () => ++jobId,
  };
  const runs: WorkflowRun[] = [];
  const collect = (run: WorkflowRun): void => {
    runs.push(run);
    for (const node of run.nodes) if (node.job?.nested) collect(node.job.nested);
  };
  for (const plan of plans) {
    if (!runs.some((run) => run.plan.id === plan.id)) collect(simulateWorkflow(ctx, plan, null));
  }
  return runs;
}

function latestInstant(runs: readonly WorkflowRun[]): Micros {
  const instants = runs.flatMap((run) => [run.plan.created, run.started ?? 0, run.finished ?? 0,
    ...run.nodes.flatMap((node) => [node.job?.created ?? 0, node.job?.started ?? 0, node.job?.finished ?? 0])]);
  return instants.reduce((a, b) => Math.max(a, b), 0);
}

function emptyData(clock: string): DemoData {
  const collections = Object.fromEntries(STORED_COLLECTIONS.map((name) => [name, [] as AwxRecord[]]));
  const organizationOf = Object.fromEntries(STORED_COLLECTIONS.map((name) => [name, {}]));
  return {
    collections: collections as DemoData['collections'],
    organizationOf: organizationOf as DemoData['organizationOf'],
    jobLabels: {},
    jobNotifications: {},
    surveyPasswords: {},
    bulkJobs: [],
    accounts: PEOPLE.map((p) => ({
      id: p.id, username: p.username, password: p.password, isSuperuser: p.isSuperuser,
      isSystemAuditor: p.isSystemAuditor, organizations: [...p.organizations],
      adminOrganizations: [...p.adminOrganizations], auditorOrganizations: [...p.auditorOrganizations],
      executeOrganizations: [...p.executeOrganizations], objectRoles: p.objectRoles.map((role) => ({ ...role })),
    })),
    tokens: [
      ...PEOPLE.map((p) => ({ token: `demo-${p.username}-token`, userId: p.id, scope: 'write' as const })),
      { token: DEMO_ADMIN_READONLY_TOKEN, userId: 1, scope: 'read' as const },
    ],
    clock,
  };
}

/** Adds a workflow job, its nodes and the jobs those nodes spawned (nested workflows come as their own run). */
function addRun(data: DemoData, run: WorkflowRun, clock: Micros): void {
  const org = run.plan.def.org;
  put(data, 'workflow_jobs', workflowJobRecord(run, clock), org);
  data.jobLabels[run.plan.id] = run.plan.labels;
  for (const node of nodeRecords(run, clock)) put(data, 'workflow_job_nodes', node, org);
  for (const node of run.nodes) {
    const job = node.job;
    if (!job || job.nested || job.def.kind === 'workflow_job') continue;
    put(data, JOB_PATH[job.def.kind] as CollectionName, spawnedRecord(job, run, clock), org);
    data.jobLabels[job.id] = [];
  }
}

function put(data: DemoData, collection: CollectionName, rec: AwxRecord, org: number | null): void {
  data.collections[collection].push(rec);
  data.organizationOf[collection][rec.id] = org;
}

/** Owners of the catalog records: templates by their organization, schedules by their template's. */
function assignOwners(data: DemoData): void {
  const byTemplate = new Map(TEMPLATES.map((def) => [def.id, def.org]));
  const templated: CollectionName[] = ['projects', 'inventory_sources', 'job_templates', 'workflow_job_templates',
    'workflow_approval_templates'];
  for (const name of templated) {
    for (const rec of data.collections[name]) data.organizationOf[name][rec.id] = byTemplate.get(rec.id) ?? null;
  }
  for (const rec of data.collections.schedules) data.organizationOf.schedules[rec.id] = scheduleOrganization(rec.id);
  for (const name of ['labels', 'inventories', 'credentials'] as const) {
    for (const rec of data.collections[name]) data.organizationOf[name][rec.id] = rec.organization as number | null;
  }
}
