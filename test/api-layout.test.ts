/**
 * AWX's and AAP 2.5+'s API layouts: the demo serving each as AWX does (awx/urls.py with and without
 * OPTIONAL_API_URLPATTERN_PREFIX), and the gateway finding the API path at start, or taking it from
 * CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX, and reading only below it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { layoutFor, normalizeApiPath } from '../src/awx/apiLayout.js';
import { refFromUrl } from '../src/awx/resources.js';
import { startFakeAwx, type FakeAwx } from '../src/demo/index.js';
import { resourceLabel } from '../src/observability/labels.js';
import { ADMIN, startTestGateway, type TestGateway } from './gateway.js';

const JOB = '{ workflowJob(id: 1) { id url related { createdBy { username } } } }';
const isListing = (r: { rawPath: string }) => r.rawPath === '/api/' || r.rawPath === '/api/controller/';

async function get(fake: FakeAwx, path: string, auth: string | null = ADMIN) {
  const response = await fetch(`${fake.url}${path}`, { headers: auth ? { authorization: auth } : {}, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, location: response.headers.get('location'), body: text ? JSON.parse(text) : undefined };
}

describe('the demo in the AAP layout', () => {
  let fake: FakeAwx;
  beforeAll(async () => {
    fake = await startFakeAwx({ layout: 'aap' });
  });
  afterAll(() => fake.close());

  it('lists the controller API at /api/controller/, without oauth2 (ApiRootView for a prefixed request)', async () => {
    const { status, body } = await get(fake, '/api/controller/', null);
    expect(status).toBe(200);
    expect(body).toMatchObject({ description: 'AWX REST API', current_version: '/api/controller/v2/', available_versions: { v2: '/api/controller/v2/' } });
    expect(body).not.toHaveProperty('oauth2');
    expect((await get(fake, '/api/controller/v2/', null)).body.workflow_jobs).toBe('/api/controller/v2/workflow_jobs/');
  });

  it('leaves /api/ to the platform and has no /api/v2/', async () => {
    expect((await get(fake, '/api/', null)).body.current_version).toBe('/api/gateway/v1/');
    expect((await get(fake, '/api/v2/ping/', null)).status).toBe(404);
    expect((await get(fake, '/api/v2/workflow_jobs/1/')).status).toBe(404);
    expect((await get(fake, '/api/controller/v2/ping/', null)).status).toBe(200);
  });

  it('returns every url, related link, next and previous with the prefix, and nothing else rewritten', async () => {
    const { body } = await get(fake, '/api/controller/v2/workflow_jobs/?page_size=2&page=2');
    expect(body.next).toMatch(/^\/api\/controller\/v2\/workflow_jobs\/\?page=3&page_size=2$/);
    expect(body.previous).toMatch(/^\/api\/controller\/v2\/workflow_jobs\/\?page=1&page_size=2$/);
    const [job] = body.results;
    expect(job.url).toBe(`/api/controller/v2/workflow_jobs/${job.id}/`);
    for (const link of Object.values(job.related)) expect(link).toMatch(/^\/api\/controller\/v2\//);
    expect(job.launched_by.url ?? '/api/controller/v2/').toMatch(/^\/api\/controller\/v2\//);
    expect((await get(fake, '/api/controller/v2/workflow_jobs/1')).location).toBe('/api/controller/v2/workflow_jobs/1/');
  });

  it('answers a launch with the new job and a Location below the prefix', async () => {
    const response = await fetch(`${fake.url}/api/controller/v2/workflow_job_templates/29/launch/`, {
      method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: '{}',
    });
    const job = await response.json();
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${fake.url}/api/controller/v2/workflow_jobs/${job.id}/`);
    expect(job.url).toBe(`/api/controller/v2/workflow_jobs/${job.id}/`);
  });

  it('serves its websocket at /api/controller/v2/websocket/ only (awx/main/routing.py)', async () => {
    const open = (path: string) => new Promise<number>((resolve) => {
      const socket = new WebSocket(`${fake.url.replace('http', 'ws')}${path}`, { headers: { authorization: ADMIN } });
      socket.once('open', () => (socket.close(), resolve(101)));
      socket.once('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    });
    expect(await open('/api/controller/v2/websocket/')).toBe(101);
    expect(await open('/websocket/')).toBe(404);
  });
});

describe('the gateway finds the API path at start', () => {
  const gateways: TestGateway[] = [];
  const start = async (...args: Parameters<typeof startTestGateway>) => {
    const gw = await startTestGateway(...args);
    gateways.push(gw);
    return gw;
  };
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gw) => gw.close()));
  });

  it.each([
    ['awx', '/api/v2/', 'AWX layout'],
    ['aap', '/api/controller/v2/', 'Ansible Automation Platform layout'],
  ] as const)('in the %s layout, reads below %s and logs what it found', async (layout, root, logged) => {
    const gw = await start({ fake: { layout } });
    const { body } = await gw.gql(JOB);
    expect(body.data!.workflowJob).toMatchObject({ id: '1', url: `${root}workflow_jobs/1/` });
    expect(gw.fake.requests.map((r) => r.rawPath.slice(0, root.length))).toEqual(gw.fake.requests.map(() => root));
    expect(gw.logs.some((line) => line.includes(`found the AWX API at ${root} (${logged})`))).toBe(true);
  });

  it('looks for the API once at start, not per request', async () => {
    const fake = await startFakeAwx({ layout: 'aap' });
    try {
      const gw = await start({ sharedFake: fake });
      fake.clearRequests();
      await Promise.all([1, 2, 3].map(() => gw.gql(JOB)));
      expect(fake.requests.filter(isListing)).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('takes the path from CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX without looking', async () => {
    const fake = await startFakeAwx({ layout: 'aap' });
    try {
      const gw = await start({ sharedFake: fake, apiPath: 'api/controller' });
      expect((await gw.gql(JOB)).body.data!.workflowJob.id).toBe('1');
      expect(fake.requests.filter(isListing)).toEqual([]);
      expect(fake.requests.map((r) => r.rawPath)).toEqual(['/api/controller/v2/workflow_jobs/1/']);
    } finally {
      await fake.close();
    }
  });

  it('while neither path answers: not ready, queries refused with the reason, and found in the background later', async () => {
    const fake = await startFakeAwx({ layout: 'aap' });
    try {
      fake.addFault({ fault: { type: 'status', status: 404, body: { detail: 'Not found.' } }, match: isListing });
      const gw = await start({ sharedFake: fake, readiness: { cacheMs: 0 } });
      const readiness = async () => {
        const response = await fetch(new URL('/readiness', gw.url));
        return { status: response.status, body: await response.json() };
      };
      const reason = "AWX's API was not found at this URL (GET /api/ answered HTTP 404; GET /api/controller/ answered HTTP 404)";
      expect(await readiness()).toEqual({ status: 503, body: { status: 'unavailable', reason } });
      const { body } = await gw.gql(JOB);
      expect(body.errors![0]).toMatchObject({ message: `${reason}.`, extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(gw.logs.some((line) => line.includes('AWX API not found yet; looking again in the background'))).toBe(true);
      fake.clearFaults();
      await expect.poll(async () => (await readiness()).status, { timeout: 10_000, interval: 200 }).toBe(200);
      expect((await gw.gql(JOB)).body.data!.workflowJob.id).toBe('1');
    } finally {
      await Promise.all(gateways.splice(0).map((gw) => gw.close()));
      await fake.close();
    }
  });
});

describe('AWX URLs in either layout', () => {
  it('reads the object a related link points at', () => {
    expect(refFromUrl('/api/v2/users/3/')).toEqual({ resource: 'users', id: 3 });
    expect(refFromUrl('/api/controller/v2/users/3/')).toEqual({ resource: 'users', id: 3 });
    expect(refFromUrl('/api/controller/v2/nonsense/3/')).toBeNull();
  });

  it('labels upstream calls by collection', () => {
    expect(resourceLabel('/api/controller/v2/workflow_jobs/1/?x=1')).toBe('workflow_jobs');
    expect(resourceLabel('/api/controller/')).toBe('listing');
    expect(resourceLabel('/api/')).toBe('listing');
  });

  it('slashes a configured API path as the collections do (controller_api.py api_path)', () => {
    expect(normalizeApiPath('api/controller')).toBe('/api/controller/');
    expect(normalizeApiPath('/api/')).toBe('/api/');
    expect(layoutFor('/api/controller/', 'configured').kind).toBe('aap');
    expect(layoutFor('/api/', 'configured').kind).toBe('awx');
    expect(layoutFor('/custom/', 'configured').kind).toBe('custom');
  });
});
