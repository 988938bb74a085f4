/** Who reads what in the demo AWX: each test pins one rule of AWX's access classes (awx/main/access.py). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startDemoAwx, type AwxRecord, type DemoAwx } from '../src/index.js';
import { ADMIN, ALICE, BOB, CAROL, DAVE, GRACE } from './demo-auth.js';
import { call, ids } from './call.js';

const FRANK = `Bearer demo-frank-token`;
const DENIED = { detail: 'You do not have permission to perform this action.' };
const SUPERUSERS_ONLY = { detail: 'Superuser privileges needed.' };

let demo: DemoAwx;
let bulk: number;
/** The nightly "Database backup" run whose last node ran a system job. */
let maintenance: AwxRecord;
beforeAll(async () => {
  demo = await startDemoAwx();
  bulk = demo.data.bulkJobs[0]!;
  const node = demo.data.collections.workflow_job_nodes.find((n) => (n.summary_fields as any).job?.type === 'system_job')!;
  maintenance = demo.data.collections.workflow_jobs.find((job) => job.id === node.workflow_job)!;
});
afterAll(() => demo.close());

const usernames = async (auth: string) =>
  ((await call(demo, '/api/v2/users/?page_size=200', auth)).body.results as AwxRecord[]).map((user) => user.username);

describe('users (UserAccess.filtered_queryset)', () => {
  it('shows superusers to everybody, next to the members of the organizations one belongs to', async () => {
    expect(await usernames(ALICE)).toEqual(['admin', 'alice', 'carol', 'frank']);
    expect(await usernames(BOB)).toEqual(['admin', 'bob', 'dave']);
  });

  it('shows every user to organization admins and auditors (ORG_ADMINS_CAN_SEE_ALL_USERS)', async () => {
    const everybody = Object.values(DEMO_CREDENTIALS).map((login) => login.username);
    for (const auth of [DAVE, CAROL]) expect(await usernames(auth)).toEqual(expect.arrayContaining(everybody));
  });
});

describe('templates (JobTemplateAccess, WorkflowJobTemplateAccess: their read_role)', () => {
  it('shows a plain member only the templates they hold a role on, and their jobs only', async () => {
    // frank is a member of Engineering with the execute role on workflow job template 29 alone.
    expect(await ids(demo, '/api/v2/workflow_job_templates/?organization=2', FRANK)).toEqual([29]);
    expect(await ids(demo, '/api/v2/job_templates/?organization=2', FRANK)).toEqual([]);
    const seen = (await call(demo, '/api/v2/workflow_jobs/?organization=2&page_size=200', FRANK)).body.results as AwxRecord[];
    expect(new Set(seen.map((job) => job.unified_job_template))).toEqual(new Set([29]));
    expect(seen.length).toBe((await call(demo, '/api/v2/workflow_jobs/?unified_job_template=29&page_size=1', ADMIN)).body.count);
  });

  it('shows organization auditors and admins all of their organization\'s templates', async () => {
    expect(await ids(demo, '/api/v2/workflow_job_templates/?organization=2&order_by=id', CAROL)).toEqual([28, 29, 30, 31]);
    expect(await ids(demo, '/api/v2/job_templates/?organization=3&order_by=id', DAVE)).toEqual([18, 19, 20, 21, 22]);
  });

  it('lets an auditor read but not launch (WorkflowJobTemplateAccess.can_start: execute_role)', async () => {
    expect(await call(demo, '/api/v2/workflow_job_templates/29/launch/', CAROL, 'POST')).toEqual({ status: 403, body: DENIED });
  });
});

describe('jobs of a workflow (JobAccess, WorkflowJobNodeAccess)', () => {
  it('shows a node through its workflow job\'s template, but its job only through the job template', async () => {
    const ofTemplate29 = new Set(demo.data.collections.workflow_jobs.filter((job) => job.workflow_job_template === 29).map((job) => job.id));
    const node = demo.data.collections.workflow_job_nodes
      .find((candidate) => ofTemplate29.has(candidate.workflow_job as number) && candidate.unified_job_template === 15 && candidate.job !== null)!;
    expect(await ids(demo, `/api/v2/workflow_job_nodes/?id=${node.id}`, FRANK)).toEqual([node.id]);
    expect(await ids(demo, `/api/v2/jobs/?id=${String(node.job)}`, FRANK)).toEqual([]);
    expect(await ids(demo, `/api/v2/jobs/?id=${String(node.job)}`, ALICE)).toEqual([node.job]);
  });
});

describe('a bulk job (is_bulk_job, no template), launched by bob in Operations', () => {
  const nodesOf = (auth: string) => ids(demo, `/api/v2/workflow_job_nodes/?workflow_job__in=${bulk}`, auth);

  it('is listed to the organization\'s admins, and to nobody else (WorkflowJobAccess.filtered_queryset)', async () => {
    expect(await ids(demo, `/api/v2/workflow_jobs/?id=${bulk}`, DAVE)).toEqual([bulk]);
    for (const auth of [BOB, ALICE, CAROL]) expect(await ids(demo, `/api/v2/workflow_jobs/?id=${bulk}`, auth)).toEqual([]);
  });

  it('is readable by id by its launcher too (WorkflowJobAccess.can_read), with the nodes of its own sub-list', async () => {
    expect((await call(demo, `/api/v2/workflow_jobs/${bulk}/`, BOB)).status).toBe(200);
    // WorkflowJobWorkflowNodesList sets filter_read_permission = False: reading the job is enough.
    const own = await ids(demo, `/api/v2/workflow_jobs/${bulk}/workflow_nodes/`, BOB);
    expect(own).toHaveLength(3);
    expect((await call(demo, `/api/v2/workflow_job_nodes/${own[0]}/`, BOB)).status).toBe(200);
    expect((await call(demo, `/api/v2/workflow_jobs/${bulk}/`, ALICE)).status).toBe(403);
  });

  it('has its nodes in the global node list for the organization\'s admins only (WorkflowJobNodeAccess.filtered_queryset)', async () => {
    const own = await ids(demo, `/api/v2/workflow_jobs/${bulk}/workflow_nodes/`, ADMIN);
    expect(await nodesOf(DAVE)).toEqual(own);
    expect(await nodesOf(BOB)).toEqual([]);
  });

  it('shows up in unified_jobs for the organization\'s admins (UnifiedJobAccess: organization admin or auditor)', async () => {
    expect(await ids(demo, `/api/v2/unified_jobs/?id=${bulk}`, DAVE)).toEqual([bulk]);
    expect(await ids(demo, `/api/v2/unified_jobs/?id=${bulk}`, BOB)).toEqual([]);
  });
});

describe('system jobs and their templates (SystemJobList.get, SystemJobTemplateList.get, SystemJob*Access)', () => {
  it('refuse their lists outright to anybody but superusers and system auditors', async () => {
    for (const list of ['system_jobs', 'system_job_templates']) {
      for (const auth of [ALICE, BOB, DAVE]) {
        expect(await call(demo, `/api/v2/${list}/?id__in=1,2`, auth)).toEqual({ status: 403, body: SUPERUSERS_ONLY });
      }
      // The refusal comes before any filter is read.
      expect(await call(demo, `/api/v2/${list}/?nonsense=1`, BOB)).toEqual({ status: 403, body: SUPERUSERS_ONLY });
      expect((await call(demo, `/api/v2/${list}/`, GRACE)).status).toBe(200);
    }
  });

  it('are read by id by superusers and system auditors only (others: 403, as for any object they may not read)', async () => {
    const [system] = await ids(demo, '/api/v2/system_jobs/?order_by=-id', ADMIN);
    expect((await call(demo, `/api/v2/system_jobs/${system}/`, GRACE)).status).toBe(200);
    expect((await call(demo, '/api/v2/system_job_templates/4/', GRACE)).status).toBe(200);
    expect((await call(demo, `/api/v2/system_jobs/${system}/`, DAVE)).status).toBe(403);
    expect((await call(demo, '/api/v2/system_job_templates/4/', DAVE)).status).toBe(403);
  });

  it('can be what a workflow node the caller reads ran', async () => {
    const nodes = (await call(demo, `/api/v2/workflow_jobs/${maintenance.id}/workflow_nodes/`, BOB)).body.results as AwxRecord[];
    const ran = nodes.map((node) => (node.summary_fields as any).job).find((job) => job.type === 'system_job');
    expect(ran).toMatchObject({ name: 'Cleanup Expired Sessions', status: 'successful' });
    expect(await call(demo, `/api/v2/system_jobs/?id__in=${ran.id}`, BOB)).toEqual({ status: 403, body: SUPERUSERS_ONLY });
    expect(await ids(demo, `/api/v2/system_jobs/?id__in=${ran.id}`, ADMIN)).toEqual([ran.id]);
  });
});

describe('relaunching the run whose node ran a system job (UnifiedJob.copy_unified_job)', () => {
  it('starts from the template\'s current nodes, as every relaunch of a job with a template does in AWX', async () => {
    const relaunched = await call(demo, `/api/v2/workflow_jobs/${maintenance.id}/relaunch/`, BOB, 'POST');
    expect(relaunched.status).toBe(201);
    const nodes = (await call(demo, `/api/v2/workflow_jobs/${relaunched.body.id}/workflow_nodes/`, BOB)).body.results as AwxRecord[];
    // "Database backup" (34) today: update infra-playbooks, back up, patch, and notify on-call whatever happens.
    expect(nodes.map((node) => node.unified_job_template)).toEqual([8, 20, 18, 22]);
  });
});

describe('unified lists (UnifiedJobAccess, UnifiedJobTemplateAccess .get_queryset)', () => {
  it('leave workflow approvals and their templates out, even for superusers', async () => {
    expect((await call(demo, '/api/v2/workflow_approvals/?page_size=1', ADMIN)).body.count).toBeGreaterThan(0);
    expect((await call(demo, '/api/v2/unified_jobs/?type=workflow_approval', ADMIN)).body.count).toBe(0);
    expect((await call(demo, '/api/v2/unified_job_templates/?type=workflow_approval_template', ADMIN)).body.count).toBe(0);
  });
});

describe('a system auditor (is_system_auditor)', () => {
  it('reads everything a superuser reads, and may change nothing', async () => {
    for (const list of ['workflow_jobs', 'workflow_job_nodes', 'jobs', 'users', 'inventories', 'credentials']) {
      const [all, audited] = await Promise.all([ADMIN, GRACE].map((auth) => call(demo, `/api/v2/${list}/?page_size=1`, auth)));
      expect(audited!.body.count, list).toBe(all!.body.count);
    }
    expect(await call(demo, '/api/v2/workflow_job_templates/29/launch/', GRACE, 'POST')).toEqual({ status: 403, body: DENIED });
    expect(await call(demo, `/api/v2/workflow_jobs/${maintenance.id}/`, GRACE, 'DELETE')).toEqual({ status: 403, body: DENIED });
  });
});

describe('relaunching a bulk job (WorkflowJobAccess.can_start, WorkflowJob.create_relaunch_workflow_job)', () => {
  it('is for superusers only, and copies its nodes into a job that is no bulk job any more', async () => {
    for (const auth of [BOB, DAVE]) expect(await call(demo, `/api/v2/workflow_jobs/${bulk}/relaunch/`, auth, 'POST')).toEqual({ status: 403, body: DENIED });
    const relaunched = await call(demo, `/api/v2/workflow_jobs/${bulk}/relaunch/`, ADMIN, 'POST');
    expect(relaunched.status).toBe(201);
    expect(relaunched.body).toMatchObject({ name: 'Bulk Job Launch', unified_job_template: null, launch_type: 'relaunch', status: 'pending' });
    const nodes = (await call(demo, `/api/v2/workflow_jobs/${relaunched.body.id}/workflow_nodes/`, ADMIN)).body.results as AwxRecord[];
    expect(nodes.map((node) => [node.unified_job_template, node.job])).toEqual([[18, null], [20, null], [22, null]]);
    // is_bulk_job is not copied: without a template, only superusers and system auditors read the copy.
    expect(await ids(demo, `/api/v2/workflow_jobs/?id=${relaunched.body.id}`, DAVE)).toEqual([]);
  });
});
