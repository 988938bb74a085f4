/**
 * Slow and oversized requests cost a socket, never an admission slot: a body must arrive whole within
 * BODY_TIMEOUT_MS (and MAX_BODY_BYTES) before its operation queues, headers within HEADERS_TIMEOUT_MS, and
 * every query and mutation, however it asks for its answer, goes through admission; subscriptions do not.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestGateway, type TestGateway } from './gateway.js';
import { sseSubscribe, drain } from './live-clients.js';
import { open, parseResponse, received } from './rawHttp.js';

const QUERY = '{ workflowJob(id: 1) { id } }';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    admission: { maxInFlight: 2, maxQueued: 0 }, timeoutMs: 3_000,
    http: { bodyTimeoutMs: 1_500, headersTimeoutMs: 1_500, maxBodyBytes: 4_096 },
  });
});
afterAll(() => gw.close());

/** Opens `count` sockets that each send `start`, then one more byte every 200 ms until the server closes them. */
async function dribblers(count: number, start: string): Promise<{ answers: Promise<string>[]; stop: () => void }> {
  const sockets: Socket[] = await Promise.all(Array.from({ length: count }, () => open(gw.url)));
  const answers = sockets.map((socket) => received(socket, 30_000));
  for (const socket of sockets) socket.write(start);
  const timer = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write('a')), 200);
  return { answers, stop: () => (clearInterval(timer), sockets.forEach((socket) => socket.destroy())) };
}

const query = (headers: Record<string, string> = {}) =>
  fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN, ...headers }, body: JSON.stringify({ query: QUERY }) });

describe('slow clients', () => {
  it('serves queries while 16 uploads dribble, then cuts each upload with a JSON 408 after BODY_TIMEOUT_MS', async () => {
    const uploads = await dribblers(16, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{');
    try {
      const answers: unknown[] = [];
      for (let i = 0; i < 8; i++) answers.push(await (await query()).json()); // one by one: MAX_QUEUED_REQUESTS is 0 here
      expect(answers).toEqual(Array.from({ length: 8 }, () => ({ data: { workflowJob: { id: '1' } } })));
      for (const text of await Promise.all(uploads.answers)) {
        const response = parseResponse(text);
        expect(response.status).toBe(408);
        expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_TIMEOUT' } }] });
      }
    } finally {
      uploads.stop();
    }
    expect(gw.logs.some((line) => line.includes('request body refused') && line.includes('"status":408'))).toBe(true);
  });

  it('closes slowloris sockets (headers never finished) with a JSON 408 after HEADERS_TIMEOUT_MS', async () => {
    const loris = await dribblers(50, 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    try {
      expect(await (await query()).json()).toEqual({ data: { workflowJob: { id: '1' } } });
      for (const text of await Promise.all(loris.answers)) {
        const response = parseResponse(text);
        expect(response.status).toBe(408);
        expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_TIMEOUT' } }] });
      }
    } finally {
      loris.stop();
    }
  });

  it('refuses a body over MAX_BODY_BYTES with a JSON 413, declared or chunked', async () => {
    gw.demo.clearRequests();
    const big = JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(5_000) } });
    const declared = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const chunks = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const chunked = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(gw.demo.requests.filter((r) => r.pathname.includes('workflow_jobs'))).toHaveLength(0);
  });

  it('bounds the body at the GraphQL path with its slash too, and runs GraphQL nowhere else', async () => {
    gw.demo.clearRequests();
    const big = JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(5_000) } });
    const post = (path: string, body: string) => fetch(new URL(path, gw.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN }, body });
    const slash = await post('/graphql/', big);
    expect([slash.status, await slash.json()]).toMatchObject([413, { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }]);
    // Yoga alone would run these as GraphQL (a path or a query that ends in /graphql), past the bound and admission.
    for (const path of ['/foo/graphql', '/x?y=/graphql', '/nowhere']) {
      const answer = await post(path, JSON.stringify({ query: QUERY }));
      expect([path, answer.status, await answer.json()]).toMatchObject([path, 404, { errors: [{ extensions: { code: 'NOT_FOUND' } }] }]);
    }
    const small = await post('/graphql/', JSON.stringify({ query: QUERY }));
    expect(await small.json()).toEqual({ data: { workflowJob: { id: '1' } } });
    expect(gw.demo.requests.filter((r) => r.pathname.includes('workflow_jobs'))).toHaveLength(1);
  });
});

describe('admission', () => {
  it('admits a query asking for an event stream like any query, and lets subscriptions past a full gateway', async () => {
    gw.demo.addFault({ fault: { type: 'hang' }, match: (r) => r.pathname.endsWith('/workflow_jobs/2/'), times: 2 });
    const held = ['{ workflowJob(id: 2) { id } }', '{ a: workflowJob(id: 2) { id } }'].map((q) =>
      fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN }, body: JSON.stringify({ query: q }) }));
    await expect.poll(() => gw.admission!.inFlight).toBe(2);
    const streamed = await query({ accept: 'text/event-stream' });
    expect(streamed.status).toBe(503);
    expect(await streamed.json()).toMatchObject({ errors: [{ extensions: { code: 'OVERLOADED' } }] });
    const events = await drain(sseSubscribe(gw.url, 'subscription { workflowJobUpdated(id: 1) { id status } }', { auth: ADMIN }), 10_000);
    expect(events[0]).toEqual({ data: { workflowJobUpdated: { id: '1', status: expect.any(String) } } });
    await Promise.all((await Promise.all(held)).map((r) => r.text()));
    await expect.poll(() => gw.admission!.inFlight).toBe(0);
  });
});
