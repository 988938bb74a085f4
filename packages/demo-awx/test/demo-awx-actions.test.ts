/** The demo AWX's write actions over real loopback HTTP: cancel, relaunch, delete, launch, and who may do them. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, CAROL, DAVE, GRACE, READ_ONLY } from './demo-auth.js';
import {
  removeRecord,
  startDemoAwx,
  type AwxRecord,
  type DemoAwx,
} from '../src/index.js';
import { request } from './call.js';

const DENIED = { detail: 'You do not have permission to perform this action.' };
const LAUNCH_SAMPLE = JSON.parse(readFileSync(new URL('../../../test/fixtures/workflowJobTemplateLaunch.json', import.meta.url), 'utf8')) as object;

interface Page { count: number; results: AwxRecord[] }

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

const call = (path: string, auth: string | null, method = 'GET', body?: unknown) => request(demo, path, auth, { method, body });

const job = async (id: number, auth = ADMIN) => (await call(`/api/v2/workflow_jobs/${id}/`, auth)).body as AwxRecord;
const nodesOf = async (id: number) => ((await call(`/api/v2/workflow_jobs/${id}/workflow_nodes/?page_size=200`, ADMIN)).body as Page).results;
const ids = async (path: string, auth = ADMIN) => ((await call(path, auth)).body as Page).results.map((r) => r.id);

describe('request bodies', () => {
  it('records the body of each request as text', async () => {
    demo.clearRequests();
    await call('/api/v2/workflow_job_templates/26/launch/', READ_ONLY, 'POST', { limit: 'web-01' });
    expect(demo.requests.at(-1)).toMatchObject({ method: 'POST', body: '{"limit":"web-01"}' });
    await call('/api/v2/ping/', null);
    expect(demo.requests.at(-1)!.body).toBeUndefined();
  });
});

describe('cancel', () => {
  it('tells whether a job can be canceled', async () => {
    expect((await call('/api/v2/workflow_jobs/237/cancel/', ALICE)).body).toEqual({ can_cancel: true });
    expect((await call('/api/v2/workflow_jobs/1/cancel/', BOB)).body).toEqual({ can_cancel: false });
    expect((await call('/api/v2/workflow_jobs/1/cancel/', ALICE)).status).toBe(403);
  });

  it('cancels a running job and the jobs it runs: 202 with no body', async () => {
    const running = (await nodesOf(237)).filter((n) => ['running', 'pending', 'waiting'].includes((n.summary_fields as any).job?.status));
    expect(running.length).toBeGreaterThan(0);
    // 237 is a callback launch: WorkflowJobAccess.can_cancel takes its launcher, whoever may delete it or the
    // template's admin, and alice is none of them (her execute role is not enough), so the admin cancels it.
    const res = await call('/api/v2/workflow_jobs/237/cancel/', ADMIN, 'POST');
    expect(res).toMatchObject({ status: 202, text: '' });
    expect(res.headers.get('content-type')).toBeNull();
    const canceled = await job(237);
    expect(canceled).toMatchObject({ status: 'canceled', failed: true, finished: expect.any(String), canceled_on: expect.any(String) });
    expect(Date.parse(String(canceled.finished))).toBeGreaterThan(Date.parse(String(canceled.started)));
    for (const node of running) {
      const spawned = (await call(String((node.related as any).job), ADMIN)).body as AwxRecord;
      expect(spawned).toMatchObject({ status: 'canceled', canceled_on: expect.any(String) });
      expect((spawned.summary_fields as any).source_workflow_job.status).toBe('canceled');
    }
    const after = await nodesOf(237);
    for (const node of running) expect((after.find((n) => n.id === node.id)!.summary_fields as any).job.status).toBe('canceled');
    expect((await call('/api/v2/workflow_jobs/237/cancel/', ALICE)).body).toEqual({ can_cancel: false });
  });

  it('refuses a finished job: 405 for a superuser, 403 for anybody else', async () => {
    expect(await call('/api/v2/workflow_jobs/1/cancel/', ADMIN, 'POST')).toMatchObject({ status: 405, body: { detail: 'Method "POST" not allowed.' } });
    expect(await call('/api/v2/workflow_jobs/1/cancel/', BOB, 'POST')).toMatchObject({ status: 403, body: DENIED });
  });

  it('needs the execute role, or to be the job\'s creator', async () => {
    // 235 is a webhook launch in Engineering: carol holds only read roles there and did not create it.
    expect(await call('/api/v2/workflow_jobs/235/cancel/', CAROL, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect(await call('/api/v2/workflow_jobs/235/cancel/', READ_ONLY, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect((await call('/api/v2/workflow_jobs/235/cancel/', BOB, 'POST')).status).toBe(403);
    expect((await call('/api/v2/workflow_jobs/235/cancel/', null, 'POST')).status).toBe(401);
    expect((await job(235)).status).toBe('pending');
  });
});

describe('relaunch', () => {
  it('answers GET with {} and POST with the new job, 201 and its Location', async () => {
    expect((await call('/api/v2/workflow_jobs/3/relaunch/', ALICE)).body).toEqual({});
    const original = await job(3);
    const res = await call('/api/v2/workflow_jobs/3/relaunch/', ALICE, 'POST');
    expect(res.status).toBe(201);
    const created = res.body as AwxRecord;
    expect(res.headers.get('location')).toBe(`${demo.url}/api/v2/workflow_jobs/${created.id}/`);
    const everyJob = (await call('/api/v2/unified_jobs/?order_by=-id&page_size=2', ADMIN)).body as Page;
    expect(everyJob.results.map((r) => r.id)[0]).toBe(created.id);
    expect(created).toMatchObject({
      type: 'workflow_job', launch_type: 'relaunch', status: 'pending', started: null, finished: null, failed: false,
      name: original.name, unified_job_template: original.unified_job_template, inventory: original.inventory,
      extra_vars: original.extra_vars, limit: original.limit, webhook_service: '', webhook_guid: '',
      launched_by: { id: 2, name: 'alice', type: 'user', url: '/api/v2/users/2/' },
    });
    expect(Date.parse(String(created.created))).toBeGreaterThan(Date.parse(String(original.created)));
    expect(Object.keys(created)).toEqual(Object.keys(original));
    expect((created.summary_fields as any).created_by.username).toBe('alice');
    expect((created.summary_fields as any).labels).toEqual((original.summary_fields as any).labels);
    // user_capabilities are the caller's (get_user_capabilities), so alice reads back what she was answered.
    expect(await job(created.id, ALICE)).toEqual(created);
  });

  it('copies the nodes as new, unstarted nodes', async () => {
    const created = (await call('/api/v2/workflow_jobs/1/relaunch/', BOB, 'POST')).body as AwxRecord;
    const [before, after] = [await nodesOf(1), await nodesOf(created.id)];
    expect(after.map((n) => n.identifier)).toEqual(before.map((n) => n.identifier));
    expect(after.map((n) => n.unified_job_template)).toEqual(before.map((n) => n.unified_job_template));
    expect(after.every((n) => n.job === null && n.do_not_run === false && n.workflow_job === created.id)).toBe(true);
    expect(after.every((n) => !before.some((old) => old.id === n.id))).toBe(true);
    const edges = (nodes: AwxRecord[]) => nodes.map((n) => (n.success_nodes as number[]).map((id) => nodes.findIndex((m) => m.id === id)));
    expect(edges(after)).toEqual(edges(before));
  });

  it('lists the new job everywhere the caller may look, and nowhere else', async () => {
    const created = (await call('/api/v2/workflow_jobs/3/relaunch/', ADMIN, 'POST')).body as AwxRecord;
    expect(await ids(`/api/v2/workflow_jobs/?launch_type=relaunch&order_by=-id&page_size=1`, ALICE)).toEqual([created.id]);
    expect(await ids(`/api/v2/unified_jobs/?id=${created.id}`)).toEqual([created.id]);
    expect(await ids(`/api/v2/workflow_job_templates/29/workflow_jobs/?order_by=-id&page_size=1`)).toEqual([created.id]);
    expect((await call(`/api/v2/workflow_jobs/${created.id}/`, BOB)).status).toBe(403);
    const template = (await call('/api/v2/workflow_job_templates/29/', ADMIN)).body;
    expect(template.status).toBe('pending');
    expect(template.summary_fields.recent_jobs[0]).toMatchObject({ id: created.id, status: 'pending' });
  });

  it('needs the execute role', async () => {
    expect(await call('/api/v2/workflow_jobs/3/relaunch/', CAROL, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect(await call('/api/v2/workflow_jobs/3/relaunch/', READ_ONLY, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect((await call('/api/v2/workflow_jobs/3/relaunch/', BOB, 'POST')).status).toBe(403);
  });

  it('refuses a sliced job whose job template changed or is gone', async () => {
    const own = await startDemoAwx();
    try {
      const relaunch = (auth: string) => fetch(`${own.url}/api/v2/workflow_jobs/2/relaunch/`, { method: 'POST', headers: { Authorization: auth } });
      expect((await relaunch(BOB)).status).toBe(201);
      own.data.collections.job_templates.find((t) => t.id === 21)!.job_slice_count = 5;
      expect(await (await relaunch(ADMIN)).json()).toEqual({ detail: 'Cannot relaunch sliced workflow job after slice count has changed.' });
      removeRecord(own.data, 'job_templates', 21);
      const orphan = await relaunch(ADMIN);
      expect([orphan.status, await orphan.json()]).toEqual([400, { detail: 'Cannot relaunch slice workflow job orphaned from job template.' }]);
      // WorkflowJobAccess reads a workflow job through its template: with it gone only superusers and system
      // auditors still read the slice job, and for the auditor can_start is false without a template.
      expect((await relaunch(GRACE)).status).toBe(403);
    } finally {
      await own.close();
    }
  });
});

describe('delete', () => {
  it('deletes a finished job and its nodes: 204, then 404 and gone from every list', async () => {
    // 8 is a finished "Database backup" run of Operations. (Job 4, used before, is a slice job: it has no
    // workflow job template, so WorkflowJobAccess.can_delete leaves it to superusers.)
    const nodes = await nodesOf(8);
    expect(nodes.length).toBeGreaterThan(0);
    const res = await call('/api/v2/workflow_jobs/8/', DAVE, 'DELETE');
    expect(res).toMatchObject({ status: 204, text: '' });
    expect(res.headers.get('content-type')).toBeNull();
    expect(await call('/api/v2/workflow_jobs/8/', ADMIN)).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    expect((await call('/api/v2/workflow_jobs/8/workflow_nodes/', ADMIN)).status).toBe(404);
    expect((await call(`/api/v2/workflow_job_nodes/${nodes[0]!.id}/`, ADMIN)).status).toBe(404);
    expect(await ids('/api/v2/workflow_jobs/?id__in=7,8,9')).toEqual([7, 9]);
    expect(await ids('/api/v2/unified_jobs/?id=8')).toEqual([]);
    expect(await ids('/api/v2/workflow_job_nodes/?workflow_job=8')).toEqual([]);
  });

  it('refuses running jobs but deletes new ones', async () => {
    expect(await call('/api/v2/workflow_jobs/228/', ADMIN, 'DELETE')).toMatchObject({ status: 403, body: { detail: 'Cannot delete running job resource.' } });
    expect(await call('/api/v2/workflow_jobs/229/', ADMIN, 'DELETE')).toMatchObject({ status: 403, body: { detail: 'Cannot delete running job resource.' } });
    expect((await call('/api/v2/workflow_jobs/238/', ADMIN, 'DELETE')).status).toBe(204);
  });

  it('takes a superuser or an admin of the organization', async () => {
    expect(await call('/api/v2/workflow_jobs/1/', BOB, 'DELETE')).toMatchObject({ status: 403, body: DENIED });
    expect(await call('/api/v2/workflow_jobs/1/', READ_ONLY, 'DELETE')).toMatchObject({ status: 403, body: DENIED });
    expect((await call('/api/v2/workflow_jobs/3/', DAVE, 'DELETE')).status).toBe(403);
    expect((await job(1)).status).toBe('successful');
  });
});

describe('launch', () => {
  it('describes a launch like workflowJobTemplateLaunch.json', async () => {
    const info = (await call('/api/v2/workflow_job_templates/26/launch/', ADMIN)).body;
    expect(Object.keys(info)).toEqual(Object.keys(LAUNCH_SAMPLE));
    expect(info).toMatchObject({
      can_start_without_user_input: true, survey_enabled: false, variables_needed_to_start: [],
      defaults: { inventory: { name: null, id: null }, limit: null, scm_branch: null, labels: [], extra_vars: '' },
      workflow_job_template_data: { id: 26, name: 'Demo Workflow', description: '' }, ask_limit_on_launch: true,
    });
    const survey = (await call('/api/v2/workflow_job_templates/27/launch/', ADMIN)).body;
    expect(survey).toMatchObject({ survey_enabled: true, variables_needed_to_start: ['sandbox_owner'], can_start_without_user_input: false });
    expect((await call('/api/v2/workflow_job_templates/34/launch/', ADMIN)).body).toMatchObject({ ask_limit_on_launch: false });
  });

  it('creates a pending manual job with the prompts: 201, workflow_job, ignored_fields, detail fields', async () => {
    const prompts = { inventory: 2, limit: 'web-0*', job_tags: 'deploy', labels: [7, 8], extra_vars: { replicas: 2 } };
    const res = await call('/api/v2/workflow_job_templates/29/launch/', ALICE, 'POST', prompts);
    expect(res.status).toBe(201);
    const { workflow_job: id, ignored_fields: ignored, ...detail } = res.body;
    expect(ignored).toEqual({});
    expect(res.headers.get('location')).toBe(`${demo.url}/api/v2/workflow_jobs/${id}/`);
    expect(detail).toEqual(await job(id, ALICE));
    expect(detail).toMatchObject({
      id, launch_type: 'manual', status: 'pending', inventory: 2, limit: 'web-0*', job_tags: 'deploy', skip_tags: '',
      scm_branch: null, extra_vars: '{"replicas": 2}', workflow_job_template: 29,
    });
    expect((detail.summary_fields as any).labels.results.map((l: { id: number }) => l.id)).toEqual([7, 8]);
    expect((detail.summary_fields as any).inventory.name).toBe('Staging web');
    const nodes = await nodesOf(id);
    expect(nodes.map((n) => n.unified_job_template)).toEqual([7, 10, 14, 15, 16, 17]);
    expect(nodes.every((n) => n.job === null)).toBe(true);
    expect(await ids(`/api/v2/workflow_job_templates/29/workflow_jobs/?id=${id}`, ALICE)).toEqual([id]);
  });

  it('fills survey defaults and reports the prompts the template does not ask for', async () => {
    const res = await call('/api/v2/workflow_job_templates/27/launch/', ADMIN, 'POST', { extra_vars: 'sandbox_owner: erin\n' });
    expect(res.status).toBe(201);
    expect(res.body.extra_vars).toBe('{"ttl_hours": 8, "sandbox_owner": "erin"}');
    const ignored = await call('/api/v2/workflow_job_templates/34/launch/', BOB, 'POST', { limit: 'db-01', scm_branch: 'main', skip_tags: 'slow' });
    expect(ignored.status).toBe(201);
    expect(ignored.body.ignored_fields).toEqual({ limit: 'db-01', scm_branch: 'main' });
    expect(ignored.body).toMatchObject({ limit: null, scm_branch: null, skip_tags: 'slow' });
  });

  it('answers 400 with field errors, missing survey answers and bad JSON', async () => {
    const launch = (body: unknown, id = 26) => call(`/api/v2/workflow_job_templates/${id}/launch/`, ADMIN, 'POST', body);
    expect(await launch({ inventory: 999 })).toMatchObject({ status: 400, body: { inventory: ['Invalid pk "999" - object does not exist.'] } });
    expect((await launch({ inventory_id: 'x', labels: 'ops', limit: {} })).body).toEqual({
      inventory: ['Incorrect type. Expected pk value, received str.'],
      labels: ['Expected a list of items but got type "str".'],
      limit: ['Not a valid string.'],
    });
    expect((await launch({ extra_vars: '[1, 2]' })).body).toEqual({ extra_vars: ['Input type `list` is not a dictionary'] });
    expect(await launch({}, 27)).toMatchObject({ status: 400, body: { variables_needed_to_start: ["'sandbox_owner' value missing"] } });
    expect((await launch({ extra_vars: { sandbox_owner: 'erin', ttl_hours: 100 } }, 27)).body).toEqual({
      variables_needed_to_start: ["'ttl_hours' value 100 is too large (must be no more than 72)."],
    });
    const broken = await launch('{"limit": ');
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^JSON parse error - /);
  });

  it('needs the execute role on the template, and may only use visible inventories', async () => {
    const before = (await call('/api/v2/workflow_jobs/?page_size=1', ADMIN)).body.count;
    expect(await call('/api/v2/workflow_job_templates/29/launch/', CAROL, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect(await call('/api/v2/workflow_job_templates/29/launch/', READ_ONLY, 'POST')).toMatchObject({ status: 403, body: DENIED });
    expect((await call('/api/v2/workflow_job_templates/29/launch/', BOB, 'POST')).status).toBe(403);
    expect((await call('/api/v2/workflow_job_templates/29/launch/', ALICE, 'POST', { inventory: 4 })).status).toBe(403);
    expect((await call('/api/v2/workflow_job_templates/29/launch/', ALICE, 'PUT')).status).toBe(405);
    expect((await call('/api/v2/workflow_jobs/?page_size=1', ADMIN)).body.count).toBe(before);
  });
});
