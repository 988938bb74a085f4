/** Browser safety: CORS only for allowlisted origins, cross-site browser requests refused, non-browser clients unaffected. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { startTestGateway, type TestGateway } from './gateway.js';

const ALLOWED = 'https://dashboard.example.com';
const EVIL = 'https://evil.example.net';
const QUERY = '{ workflowJob(id: 1) { id name } }';

let gw: TestGateway;
beforeAll(async () => {
  // AWX_TOKEN makes header-less requests act as a user: exactly the ambient credential CSRF would abuse.
  gw = await startTestGateway({ allowedOrigins: [ALLOWED], awxToken: DEMO_CREDENTIALS.admin.token });
});
afterAll(() => gw.close());
beforeEach(() => gw.demo.clearRequests());

const get = (headers: Record<string, string>) => fetch(`${gw.url}?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', ...headers } });
const post = (headers: Record<string, string>, body = JSON.stringify({ query: QUERY })) => fetch(gw.url, { method: 'POST', headers, body });

describe('CORS', () => {
  it('answers a preflight from an allowlisted origin, and nothing for others', async () => {
    const preflight = (origin: string) =>
      fetch(gw.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const ok = await preflight(ALLOWED);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight(EVIL);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves an allowlisted origin\'s request with its CORS headers', async () => {
    const response = await post({ origin: ALLOWED, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(((await response.json()) as any).data.workflowJob.id).toBe('1');
  });
});

describe('CSRF prevention', () => {
  const attacks: [string, () => Promise<Response>][] = [
    ['a cross-site GET', () => get({ origin: EVIL, 'sec-fetch-site': 'cross-site' })],
    ['a cross-site GET without Origin (navigation)', () => get({ 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })],
    ['a cross-site form POST', () => post({ origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent(QUERY)}`)],
    ['a cross-site text/plain POST', () => post({ origin: EVIL, 'content-type': 'text/plain' })],
    ['a cross-site JSON POST', () => post({ origin: EVIL, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })],
  ];
  for (const [name, attack] of attacks) {
    it(`refuses ${name} with 403 CSRF_REJECTED and no AWX call`, async () => {
      const response = await attack();
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CSRF_REJECTED' } }] });
      expect(gw.demo.requests).toHaveLength(0);
    });
  }

  it('lets same-origin browser requests (GraphiQL) and non-browser clients through', async () => {
    const base = new URL(gw.url).origin;
    expect((await post({ origin: base, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get({})).status).toBe(200);
    expect((await post({ 'content-type': 'application/json' })).status).toBe(200);
  });
});

describe('error masking', () => {
  it('shows no stack trace or upstream URL, even with NODE_ENV=development', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      gw.demo.addFault({ fault: { type: 'status', status: 200, body: { count: 1, next: null, previous: null, results: [null] } }, times: 1 });
      const response = await post({ 'content-type': 'application/json' }, JSON.stringify({ query: '{ workflowJobs(first: 1) { nodes { id } } }' }));
      const text = await response.text();
      expect(text).toContain('Unexpected error.');
      expect(text).not.toMatch(/stack|originalError|\.ts:\d+|127\.0\.0\.1/);
    } finally {
      process.env.NODE_ENV = previous;
      gw.demo.clearFaults();
    }
  });
});
