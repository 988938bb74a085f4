/**
 * AWX's and AAP 2.5+'s API layouts: the gateway finding the API path at start, or taking it from
 * CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX, and reading only below it (the demo's layouts are pinned in
 * packages/demo-awx/test/demo-awx-layout.test.ts).
 */
import { startDemoAwx } from '@awx-graphql/demo-awx';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutFor, normalizeApiPath } from '../src/awx/apiLayout.js';
import { refFromUrl } from '../src/awx/resources.js';
import { resourceLabel } from '../src/observability/labels.js';
import { startTestGateway, type TestGateway } from './gateway.js';

const JOB = '{ workflowJob(id: 1) { id url related { createdBy { username } } } }';
const isListing = (r: { rawPath: string }) => r.rawPath === '/api/' || r.rawPath === '/api/controller/';


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
    const gw = await start({ demo: { layout } });
    const { body } = await gw.gql(JOB);
    expect(body.data!.workflowJob).toMatchObject({ id: '1', url: `${root}workflow_jobs/1/` });
    expect(gw.demo.requests.map((r) => r.rawPath.slice(0, root.length))).toEqual(gw.demo.requests.map(() => root));
    expect(gw.logs.some((line) => line.includes(`found the AWX API at ${root} (${logged})`))).toBe(true);
  });

  it('looks for the API once at start, not per request', async () => {
    const demo = await startDemoAwx({ layout: 'aap' });
    try {
      const gw = await start({ sharedDemo: demo });
      demo.clearRequests();
      await Promise.all([1, 2, 3].map(() => gw.gql(JOB)));
      expect(demo.requests.filter(isListing)).toEqual([]);
    } finally {
      await demo.close();
    }
  });

  it('takes the path from CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX without looking', async () => {
    const demo = await startDemoAwx({ layout: 'aap' });
    try {
      const gw = await start({ sharedDemo: demo, apiPath: 'api/controller' });
      expect((await gw.gql(JOB)).body.data!.workflowJob.id).toBe('1');
      expect(demo.requests.filter(isListing)).toEqual([]);
      expect(demo.requests.map((r) => r.rawPath)).toEqual(['/api/controller/v2/workflow_jobs/1/']);
    } finally {
      await demo.close();
    }
  });

  it('while neither path answers: not ready, queries refused with the reason, and found in the background later', async () => {
    const demo = await startDemoAwx({ layout: 'aap' });
    try {
      demo.addFault({ fault: { type: 'status', status: 404, body: { detail: 'Not found.' } }, match: isListing });
      const gw = await start({ sharedDemo: demo, readiness: { cacheMs: 0 } });
      const readiness = async () => {
        const response = await fetch(new URL('/readiness', gw.url));
        return { status: response.status, body: await response.json() };
      };
      const reason = "AWX's API was not found at this URL (GET /api/ answered HTTP 404; GET /api/controller/ answered HTTP 404)";
      expect(await readiness()).toEqual({ status: 503, body: { status: 'unavailable', reason } });
      const { body } = await gw.gql(JOB);
      expect(body.errors![0]).toMatchObject({ message: `${reason}.`, extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(gw.logs.some((line) => line.includes('AWX API not found yet; looking again in the background'))).toBe(true);
      demo.clearFaults();
      await expect.poll(async () => (await readiness()).status, { timeout: 10_000, interval: 200 }).toBe(200);
      expect((await gw.gql(JOB)).body.data!.workflowJob.id).toBe('1');
    } finally {
      await Promise.all(gateways.splice(0).map((gw) => gw.close()));
      await demo.close();
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
