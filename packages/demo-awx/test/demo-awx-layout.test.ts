/**
 * The demo in the AAP 2.5+ layout, as AWX serves it with OPTIONAL_API_URLPATTERN_PREFIX (awx/urls.py
 * get_urlpatterns(prefix), awx/main/middleware.py OptionalURLPrefixPath, awx/main/routing.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDemoAwx, type DemoAwx } from '../src/index.js';
import { ADMIN } from './demo-auth.js';
import { request } from './call.js';

async function get(demo: DemoAwx, path: string, auth: string | null = ADMIN) {
  const answer = await request(demo, path, auth);
  return { status: answer.status, location: answer.headers.get('location'), body: answer.body };
}

describe('the demo in the AAP layout', () => {
  let demo: DemoAwx;
  beforeAll(async () => {
    demo = await startDemoAwx({ layout: 'aap' });
  });
  afterAll(() => demo.close());

  it('lists the controller API at /api/controller/, without oauth2 (ApiRootView for a prefixed request)', async () => {
    const { status, body } = await get(demo, '/api/controller/', null);
    expect(status).toBe(200);
    expect(body).toMatchObject({ description: 'AWX REST API', current_version: '/api/controller/v2/', available_versions: { v2: '/api/controller/v2/' } });
    expect(body).not.toHaveProperty('oauth2');
    expect((await get(demo, '/api/controller/v2/', null)).body.workflow_jobs).toBe('/api/controller/v2/workflow_jobs/');
  });

  it('leaves /api/ to the platform and has no /api/v2/', async () => {
    expect((await get(demo, '/api/', null)).body.current_version).toBe('/api/gateway/v1/');
    expect((await get(demo, '/api/v2/ping/', null)).status).toBe(404);
    expect((await get(demo, '/api/v2/workflow_jobs/1/')).status).toBe(404);
    expect((await get(demo, '/api/controller/v2/ping/', null)).status).toBe(200);
  });

  it('returns every url, related link, next and previous with the prefix, and nothing else rewritten', async () => {
    const { body } = await get(demo, '/api/controller/v2/workflow_jobs/?page_size=2&page=2');
    expect(body.next).toMatch(/^\/api\/controller\/v2\/workflow_jobs\/\?page=3&page_size=2$/);
    expect(body.previous).toMatch(/^\/api\/controller\/v2\/workflow_jobs\/\?page=1&page_size=2$/);
    const [job] = body.results;
    expect(job.url).toBe(`/api/controller/v2/workflow_jobs/${job.id}/`);
    for (const link of Object.values(job.related)) expect(link).toMatch(/^\/api\/controller\/v2\//);
    expect(job.launched_by.url ?? '/api/controller/v2/').toMatch(/^\/api\/controller\/v2\//);
    expect((await get(demo, '/api/controller/v2/workflow_jobs/1')).location).toBe('/api/controller/v2/workflow_jobs/1/');
  });

  it('answers a launch with the new job and a Location below the prefix', async () => {
    const response = await fetch(`${demo.url}/api/controller/v2/workflow_job_templates/29/launch/`, {
      method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: '{}',
    });
    const job = await response.json();
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${demo.url}/api/controller/v2/workflow_jobs/${job.id}/`);
    expect(job.url).toBe(`/api/controller/v2/workflow_jobs/${job.id}/`);
  });

  it('serves its websocket at /api/controller/v2/websocket/ only (awx/main/routing.py)', async () => {
    const open = (path: string) => new Promise<number>((resolve) => {
      const socket = new WebSocket(`${demo.url.replace('http', 'ws')}${path}`, { headers: { authorization: ADMIN } });
      socket.once('open', () => (socket.close(), resolve(101)));
      socket.once('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    });
    expect(await open('/api/controller/v2/websocket/')).toBe(101);
    expect(await open('/websocket/')).toBe(404);
  });
});
