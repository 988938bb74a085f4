/** The embedded demo AWX, driven over real loopback HTTP: auth, RBAC, list semantics, shapes, faults, dataset. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB } from './demo-auth.js';
import {
  createDemoData,
  DEMO_ADMIN_READONLY_TOKEN,
  DEMO_CREDENTIALS,
  putRecord,
  WORKFLOW_JOB_COUNT,
  startDemoAwx,
  type AwxRecord,
  type DemoAwx,
} from '../src/index.js';
import { request, type CallOptions } from './call.js';

const SAMPLES = new URL('../../../test/fixtures', import.meta.url).pathname;
const UNAUTHENTICATED = 'Authentication credentials were not provided. To establish a login session, visit /api/login/.';

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: AwxRecord[];
}

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());
beforeEach(() => {
  demo.clearFaults();
  demo.clearRequests();
  demo.setLatency(0);
});

const call = (path: string, auth: string | null = ADMIN, options: CallOptions = {}, server = demo) => request(server, path, auth, options);

async function page(path: string, auth: string | null = ADMIN): Promise<Page> {
  const { status, body, text } = await call(path, auth);
  expect(status, text).toBe(200);
  return body as Page;
}

async function allIds(path: string, auth = ADMIN): Promise<number[]> {
  const sep = path.includes('?') ? '&' : '?';
  return (await page(`${path}${sep}page_size=200`, auth)).results.map((r) => r.id);
}

describe('authentication', () => {
  it('answers 401 with AWX body and a Bearer challenge when credentials are missing or wrong', async () => {
    for (const auth of [null, 'Bearer nope', `Basic ${Buffer.from('alice:wrong').toString('base64')}`, 'Token x']) {
      const res = await call('/api/v2/workflow_jobs/', auth);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: UNAUTHENTICATED });
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm=api authorization_url=/api/o/authorize/');
      expect(res.headers.get('x-api-product-version')).toBeNull();
    }
  });

  it('accepts Bearer tokens and Basic passwords, and /me/ lists exactly the caller', async () => {
    const basic = `Basic ${Buffer.from(`bob:${DEMO_CREDENTIALS.bob.password}`).toString('base64')}`;
    for (const [auth, username] of [[ALICE, 'alice'], [basic, 'bob']] as const) {
      const me = await page('/api/v2/me/', auth);
      expect(me).toMatchObject({ count: 1, next: null, previous: null });
      expect(me.results[0]).toMatchObject({ username, password: '$encrypted$', type: 'user' });
    }
  });

  it('serves ping without auth and sends the AWX headers', async () => {
    const ping = await call('/api/v2/ping/', null);
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ ha: false, version: expect.any(String), instances: expect.any(Array) });
    expect(ping.headers.get('content-type')).toBe('application/json');
    expect(ping.headers.get('x-api-product-name')).toBe('AWX');
    const authed = await call('/api/v2/workflow_jobs/1/');
    expect(authed.headers.get('x-api-product-version')).toMatch(/^\d+\.\d+/);
    expect(authed.headers.get('x-api-node')).toBeTruthy();
    expect(authed.headers.get('x-api-time')).toMatch(/^\d+\.\d{3}s$/);
  });

  it('refuses writes: 405 with the method name, 403 for a read-only token, 401 before either', async () => {
    const post = { method: 'POST' };
    expect((await call('/api/v2/workflow_jobs/', ADMIN, post)).body).toEqual({ detail: 'Method "POST" not allowed.' });
    expect((await call('/api/v2/workflow_jobs/', ADMIN, { method: 'DELETE' })).status).toBe(405);
    expect((await call('/api/v2/jobs/1/', ADMIN, { method: 'PUT' })).status).toBe(405);
    const readOnly = `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`;
    expect((await call('/api/v2/workflow_jobs/1/', readOnly)).status).toBe(200);
    const refused = await call('/api/v2/workflow_jobs/1/', readOnly, post);
    expect(refused).toMatchObject({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
    expect((await call('/api/v2/workflow_jobs/', null, post)).status).toBe(401);
  });

  it('redirects a missing trailing slash and 404s unknown paths', async () => {
    const res = await call('/api/v2/workflow_jobs?page=2', null);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/api/v2/workflow_jobs/?page=2');
    expect(await call('/api/v2/nope/')).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    expect((await call('/api/v2/workflow_jobs/abc/')).status).toBe(404);
  });
});

describe('visibility', () => {
  it('gives admin, alice and bob clearly different sets of workflow jobs', async () => {
    const [admin, alice, bob] = (await Promise.all([ADMIN, ALICE, BOB].map((a) => page('/api/v2/workflow_jobs/', a)))) as [Page, Page, Page];
    expect(admin.count).toBeGreaterThanOrEqual(220);
    expect(alice.count).toBeGreaterThan(20);
    expect(bob.count).toBeGreaterThan(20);
    expect(alice.count + bob.count).toBeLessThan(admin.count);
    const orgs = async (auth: string) => new Set((await page('/api/v2/workflow_jobs/?page_size=200', auth)).results
      .map((r) => (r.summary_fields as { organization: { name: string } }).organization.name));
    expect(await orgs(ALICE)).toEqual(new Set(['Engineering']));
    expect(await orgs(BOB)).toEqual(new Set(['Operations']));
  });

  it('hides unreadable records: detail and sub-lists 403 (AWX checks access after finding the object), lists exclude them', async () => {
    const bobsJob = (await page('/api/v2/workflow_jobs/?page_size=1', BOB)).results[0]!.id;
    expect(await call(`/api/v2/workflow_jobs/${bobsJob}/`, ALICE)).toMatchObject({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
    expect(await call('/api/v2/workflow_jobs/99999/', ALICE)).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
    expect((await call(`/api/v2/workflow_jobs/${bobsJob}/workflow_nodes/`, ALICE)).status).toBe(403);
    expect((await call(`/api/v2/workflow_jobs/${bobsJob}/labels/`, ALICE)).status).toBe(403);
    expect(await allIds(`/api/v2/workflow_job_nodes/?workflow_job=${bobsJob}`, ALICE)).toEqual([]);
    expect((await allIds(`/api/v2/workflow_job_nodes/?workflow_job=${bobsJob}`, BOB)).length).toBeGreaterThanOrEqual(3);
    expect((await page('/api/v2/users/', ALICE)).results.map((u) => u.username)).not.toContain('bob');
    expect((await page('/api/v2/organizations/', BOB)).results.map((o) => o.name)).toEqual(['Operations']);
  });
});

describe('pagination', () => {
  it('caps page_size at 200 and links pages with the other parameters kept, keys sorted', async () => {
    expect((await page('/api/v2/workflow_jobs/?page_size=500')).results).toHaveLength(200);
    const first = await page('/api/v2/workflow_jobs/?status__in=failed&page_size=7');
    expect(first.results).toHaveLength(7);
    expect(first.previous).toBeNull();
    expect(first.next).toBe('/api/v2/workflow_jobs/?page=2&page_size=7&status__in=failed');
    const second = await page(first.next!);
    expect(second.previous).toBe('/api/v2/workflow_jobs/?page=1&page_size=7&status__in=failed');
    expect(second.results[0]!.id).toBeGreaterThan(first.results[6]!.id);
    const last = await page(`/api/v2/workflow_jobs/?status__in=failed&page_size=7&page=${Math.ceil(first.count / 7)}`);
    expect(last.next).toBeNull();
  });

  it('answers 404 Invalid page past the end or for a bad page, and allows page 1 of nothing', async () => {
    for (const bad of ['99', '0', '-1', 'x']) {
      expect(await call(`/api/v2/workflow_jobs/?page=${bad}`)).toMatchObject({ status: 404, body: { detail: 'Invalid page.' } });
    }
    expect(await page('/api/v2/workflow_jobs/?name=nothing-like-this')).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect(Object.keys(await page('/api/v2/workflow_jobs/?count_disabled=1&page_size=3'))).toEqual(['results']);
  });
});

describe('filters, search and ordering', () => {
  const statuses = async (path: string) => new Set((await page(path)).results.map((r) => r.status));

  it('supports the common lookups', async () => {
    expect(await statuses('/api/v2/workflow_jobs/?status__in=failed,error&page_size=200')).toEqual(new Set(['failed', 'error']));
    const named = await page('/api/v2/workflow_jobs/?name__icontains=DEPLOY&page_size=200');
    expect(named.count).toBeGreaterThan(0);
    expect(named.results.every((r) => String(r.name).toLowerCase().includes('deploy'))).toBe(true);
    const since = '2024-05-10T00:00:00Z';
    const recent = await page(`/api/v2/workflow_jobs/?created__gte=${since}&page_size=200`);
    expect(recent.results.every((r) => Date.parse(String(r.created)) >= Date.parse(since))).toBe(true);
    expect(recent.count).toBeLessThan((await page('/api/v2/workflow_jobs/')).count);
    expect(await statuses('/api/v2/workflow_jobs/?not__status=successful&page_size=200')).not.toContain('successful');
    expect(await statuses('/api/v2/workflow_jobs/?or__status=running&or__status=new&page_size=200')).toEqual(new Set(['running', 'new']));
    expect(await allIds('/api/v2/workflow_jobs/?id__in=3,1,2')).toEqual([1, 2, 3]);
    const unrun = await page('/api/v2/workflow_job_nodes/?job__isnull=true&do_not_run=TRUE&page_size=200');
    expect(unrun.results.every((n) => n.job === null && n.do_not_run === true)).toBe(true);
  });

  it('reports bad filters like AWX', async () => {
    const cases: [string, number, string][] = [
      ['id__in=a', 400, JSON.stringify(['“a” value must be an integer.'])],
      ['foo=1', 400, "WorkflowJob has no field named 'foo'"],
      ['job_args__icontains=x', 403, 'Filtering on job_args is not allowed.'],
      ['not__extra_vars=x', 403, 'Filtering on extra_vars is not allowed.'],
      ['status__in=', 400, 'cannot provide empty value for __in'],
      ['order_by=-nope', 400, "WorkflowJob has no field named 'nope'"],
    ];
    for (const [query, status, detail] of cases) {
      expect(await call(`/api/v2/workflow_jobs/?${query}`), query).toMatchObject({ status, body: { detail } });
    }
    expect((await call('/api/v2/workflow_jobs/1/?foo=1')).status).toBe(400);
    expect((await call('/api/v2/workflow_jobs/1/?name=zz-no-such-name')).status).toBe(404);
  });

  it('searches name and description with ANDed terms', async () => {
    const both = await page('/api/v2/workflow_jobs/?search=patch,fleet&page_size=200');
    expect(both.count).toBeGreaterThan(0);
    expect(both.results.every((r) => /patch/i.test(`${r.name} ${r.description}`) && /fleet/i.test(`${r.name} ${r.description}`))).toBe(true);
    const nodes = await page('/api/v2/workflow_job_nodes/?search=approve&page_size=5');
    expect(nodes.results.every((n) => /approv/i.test(JSON.stringify(n.summary_fields)))).toBe(true);
  });

  it('orders by several keys, nulls last ascending and first descending, id breaking ties', async () => {
    const rows = (await page('/api/v2/workflow_jobs/?order_by=-finished,id&page_size=200')).results;
    expect(rows[0]!.finished).toBeNull();
    const finished = rows.filter((r) => r.finished !== null).map((r) => Date.parse(String(r.finished)));
    expect(finished).toEqual([...finished].sort((a, b) => b - a));
    const ascending = (await page('/api/v2/workflow_jobs/?order_by=finished&page_size=200&page=2')).results;
    expect(ascending.at(-1)!.finished).toBeNull();
    const byStatus = (await page('/api/v2/workflow_jobs/?order_by=status&page_size=200')).results;
    const failed = byStatus.filter((r) => r.status === 'failed').map((r) => r.id);
    expect(failed).toEqual([...failed].sort((a, b) => a - b));
  });
});

describe('record shapes', () => {
  const DETAIL_ONLY = ['job_args', 'job_cwd', 'job_env', 'result_traceback'];

  it('lists workflow jobs without the detail-only fields and without ancestor_job', async () => {
    const nested = (await page('/api/v2/workflow_jobs/?launch_type=workflow&page_size=1')).results[0]!;
    const detail = (await call(`/api/v2/workflow_jobs/${nested.id}/`)).body as AwxRecord;
    expect(Object.keys(detail).filter((k) => !DETAIL_ONLY.includes(k))).toEqual(Object.keys(nested));
    for (const key of DETAIL_ONLY) expect(detail).toHaveProperty(key);
    expect(detail.summary_fields).toHaveProperty('ancestor_job');
    expect(nested.summary_fields).not.toHaveProperty('ancestor_job');
    expect(nested.summary_fields).toHaveProperty('source_workflow_job');
    expect(nested.launched_by).toEqual(detail.launched_by);
  });

  it('mixes job types in unified_jobs with one id space, and filters them by type', async () => {
    const mixed = await page('/api/v2/unified_jobs/?page_size=200&order_by=-id');
    expect(new Set(mixed.results.map((r) => r.type)).size).toBeGreaterThanOrEqual(4);
    const all = await page('/api/v2/unified_jobs/?page_size=1');
    // Approvals are not among them: UnifiedJobAccess.get_queryset filters workflowapproval__isnull=True.
    const perType = await Promise.all(['workflow_jobs', 'jobs', 'project_updates', 'inventory_updates',
      'system_jobs', 'ad_hoc_commands'].map((name) => page(`/api/v2/${name}/?page_size=1`)));
    expect(perType.reduce((sum, p) => sum + p.count, 0)).toBe(all.count);
    const twoTypes = await page('/api/v2/unified_jobs/?type=project_update,inventory_update&page_size=200');
    expect(new Set(twoTypes.results.map((r) => r.type))).toEqual(new Set(['project_update', 'inventory_update']));
    for (const row of mixed.results) for (const key of DETAIL_ONLY) expect(row).not.toHaveProperty(key);
  });

  it('serves nodes like job_workflow_nodes.json, pointing at jobs that exist', async () => {
    const nodes = await page('/api/v2/workflow_jobs/1/workflow_nodes/');
    expect(nodes.count).toBeGreaterThanOrEqual(3);
    expect(nodes.results.map((n) => n.id)).toEqual([...nodes.results.map((n) => n.id)].sort((a, b) => a - b));
    const ran = nodes.results.find((n) => n.job !== null)!;
    const summary = (ran.summary_fields as { job: { type: string; id: number } }).job;
    const job = await call(String((ran.related as { job: string }).job));
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: summary.id, type: summary.type, launch_type: 'workflow' });
  });

  it('caps summary labels at 10 while /labels/ returns every label', async () => {
    const job = (await page('/api/v2/workflow_jobs/?page_size=200')).results
      .find((r) => (r.summary_fields as { labels: { count: number } }).labels.count > 10)!;
    const summary = (job.summary_fields as { labels: { count: number; results: unknown[] } }).labels;
    expect(summary.results).toHaveLength(10);
    const labels = await page(`/api/v2/workflow_jobs/${job.id}/labels/`);
    expect(labels.count).toBe(summary.count);
    expect(await allIds(`/api/v2/labels/?unifiedjob_labels=${job.id}`)).toEqual(labels.results.map((l) => l.id).sort((a, b) => a - b));
  });
});

describe('putRecord', () => {
  it('round-trips the captured workflow job 126', async () => {
    const own = await startDemoAwx({ data: createDemoData() });
    try {
      const sample = JSON.parse(readFileSync(`${SAMPLES}/workflow_job.json`, 'utf8')) as AwxRecord;
      putRecord(own.data, 'workflow_jobs', sample, { organizationId: 2 });
      // WorkflowJobAccess reads a workflow job through its template: put the captured job's template (39) in
      // Engineering too, or nobody but superusers and auditors could read the job.
      putRecord(own.data, 'workflow_job_templates', { id: 39, type: 'workflow_job_template', name: 'dev', organization: 2 });
      const detail = await call('/api/v2/workflow_jobs/126/', ADMIN, {}, own);
      expect(detail.text).toBe(JSON.stringify(sample));
      const row = (await call('/api/v2/workflow_jobs/?id=126', ADMIN, {}, own)).body as Page;
      const { job_args, job_cwd, job_env, result_traceback, ...listed } = sample;
      expect(row.results).toEqual([listed]);
      expect((await call('/api/v2/workflow_jobs/126/', ALICE, {}, own)).status).toBe(200);
      expect((await call('/api/v2/workflow_jobs/126/', BOB, {}, own)).status).toBe(403);
      expect((await call('/api/v2/unified_jobs/?id=126', ADMIN, {}, own)).body).toMatchObject({ count: 1 });
    } finally {
      await own.close();
    }
  });
});

describe('faults', () => {
  const isList = (r: { pathname: string }) => r.pathname === '/api/v2/workflow_jobs/';

  it('injects statuses with headers, a limited number of times, and records the requests', async () => {
    demo.addFault({ fault: { type: 'status', status: 503, headers: { 'Retry-After': '2' } }, match: isList, times: 1 });
    const failed = await call('/api/v2/workflow_jobs/');
    expect(failed).toMatchObject({ status: 503, body: { detail: 'Service Unavailable' } });
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await call('/api/v2/workflow_jobs/1/')).status).toBe(200);
    expect((await call('/api/v2/workflow_jobs/')).status).toBe(200);
    expect(demo.requests.map((r) => r.path)).toEqual(['/api/v2/workflow_jobs/', '/api/v2/workflow_jobs/1/', '/api/v2/workflow_jobs/']);
    expect(demo.requests[0]!.authorization).toBe(ADMIN);
  });

  it('resets connections and sends malformed JSON', async () => {
    demo.addFault({ fault: { type: 'reset' }, times: 1 });
    await expect(fetch(`${demo.url}/api/v2/workflow_jobs/`)).rejects.toThrow();
    demo.addFault({ fault: { type: 'malformed' }, times: 1 });
    const res = await fetch(`${demo.url}/api/v2/workflow_jobs/`, { headers: { Authorization: ADMIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    await expect(res.json()).rejects.toThrow();
  });

  it('sends the headers of a slow response at once and the body later; latency delays everything', async () => {
    demo.addFault({ fault: { type: 'slow', ms: 300 }, times: 1 });
    const started = performance.now();
    const res = await fetch(`${demo.url}/api/v2/ping/`);
    const headersAt = performance.now() - started;
    await res.json();
    expect(headersAt).toBeLessThan(250);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    demo.setLatency(120);
    const delayed = performance.now();
    await call('/api/v2/ping/', null);
    expect(performance.now() - delayed).toBeGreaterThanOrEqual(110);
  });

  it('repeats probabilistic faults identically on every run', async () => {
    const outcomes = async () => {
      const own = await startDemoAwx({ data: demo.data });
      own.addFault({ fault: { type: 'status', status: 502 }, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call('/api/v2/ping/', null, {}, own)).status);
      await own.close();
      return statuses;
    };
    const first = await outcomes();
    expect(new Set(first)).toEqual(new Set([200, 502]));
    expect(await outcomes()).toEqual(first);
  });

  it('keeps a bounded request log: the newest requests, the oldest dropped (memory of a long-running demo)', async () => {
    const own = await startDemoAwx({ data: demo.data, maxRecordedRequests: 100 });
    try {
      for (let i = 1; i <= 250; i++) await fetch(`${own.url}/api/v2/ping/?n=${i}`).then((r) => r.arrayBuffer());
      expect(own.requests.length).toBeGreaterThanOrEqual(100);
      expect(own.requests.length).toBeLessThanOrEqual(110);
      expect(own.requests.at(-1)!.query.get('n')).toBe('250');
    } finally {
      await own.close();
    }
  });

  it('closes promptly with a hanging request in flight', async () => {
    const own = await startDemoAwx({ data: demo.data });
    own.addFault({ fault: { type: 'hang' } });
    const pending = fetch(`${own.url}/api/v2/ping/`);
    const outcome = pending.then(() => 'answered', () => 'failed');
    await expect.poll(() => own.requests.length, { interval: 5 }).toBeGreaterThan(0);
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await outcome).toBe('failed');
  });
});

describe('dataset', () => {
  const data = createDemoData();
  const jobs = data.collections.workflow_jobs;

  it('is deterministic', () => {
    expect(JSON.stringify(createDemoData())).toBe(JSON.stringify(data));
  });

  it('covers every status and launch type across at least 220 workflow jobs', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(220);
    expect(new Set(jobs.map((j) => j.status))).toEqual(
      new Set(['new', 'pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled']));
    expect(new Set(jobs.map((j) => j.launch_type))).toEqual(
      new Set(['manual', 'relaunch', 'callback', 'scheduled', 'dependency', 'workflow', 'webhook', 'sync', 'scm']));
    expect(new Set(jobs.map((j) => j.webhook_service))).toEqual(new Set(['', 'github', 'gitlab', 'bitbucket_dc']));
    expect(jobs.some((j) => j.is_sliced_job === true && j.workflow_job_template === null)).toBe(true);
    expect(data.collections.labels.length).toBeGreaterThanOrEqual(25);
  });

  it('keeps timestamps consistent with the status', () => {
    for (const job of jobs) {
      const active = ['new', 'pending', 'waiting'].includes(String(job.status));
      expect(job.started === null, `job ${job.id}`).toBe(active);
      expect(job.finished === null, `job ${job.id}`).toBe(active || job.status === 'running');
      expect(job.canceled_on !== null, `job ${job.id}`).toBe(job.status === 'canceled');
      expect(job.failed).toBe(['failed', 'error', 'canceled'].includes(String(job.status)));
      if (job.finished !== null) {
        const elapsed = (Date.parse(String(job.finished)) - Date.parse(String(job.started))) / 1000;
        expect(Math.abs(Number(job.elapsed) - elapsed)).toBeLessThan(0.01);
      }
    }
  });

  it('gives spawned jobs ids above the workflow jobs, never colliding', () => {
    const spawned = [...data.collections.jobs, ...data.collections.project_updates, ...data.collections.inventory_updates,
      ...data.collections.workflow_approvals, ...data.collections.system_jobs, ...data.collections.ad_hoc_commands]
      .map((j) => j.id);
    // The generated history; the hand-built bulk and maintenance jobs (data.bulkJobs, edge-jobs.ts) come after all.
    const generated = jobs.filter((j) => j.id <= WORKFLOW_JOB_COUNT);
    expect(Math.min(...spawned)).toBeGreaterThan(Math.max(...generated.map((j) => j.id)));
    expect(new Set([...spawned, ...jobs.map((j) => j.id)]).size).toBe(spawned.length + jobs.length);
    expect(new Set(spawned).size).toBe(spawned.length);
  });
});
