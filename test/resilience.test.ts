/** Upstream resilience against the demo AWX: retries, the circuit breaker, the concurrency cap, disconnects. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startTestGateway, type TestGateway } from './gateway.js';
import { upstreamStatus } from '../src/awx/transport.js';

const ONE = '{ workflowJob(id: 1) { id name } }';
const isJob = (r: { pathname: string }) => r.pathname === '/api/v2/workflow_jobs/1/';
/** A pause, only to show that something does *not* happen within it. */
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `condition` holds (vitest's own polling; fails after its timeout). */
const until = (condition: () => boolean) => expect.poll(condition, { timeout: 5_000, interval: 10 }).toBe(true);
/** The request-log line of the last GraphQL request, which counts its AWX calls (retries included). */
const lastUpstreamCalls = (gw: TestGateway) => JSON.parse(gw.logs.filter((l) => l.includes('"graphql request"')).at(-1)!).upstreamCalls;

describe('retries', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ timeoutMs: 2_000, resilience: { breakerFailures: 0 } });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.demo.clearFaults();
    gw.demo.clearRequests();
    gw.logs.length = 0;
  });

  it('answers after a 503 then success, with 2 upstream attempts, both counted', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503 }, match: isJob, times: 1 });
    const { body } = await gw.gql(ONE);
    expect(body).toEqual({ data: { workflowJob: { id: '1', name: expect.any(String) } } });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/1/', '/api/v2/workflow_jobs/1/']);
    expect(lastUpstreamCalls(gw)).toBe(2);
  });

  it('answers after a connection reset then success', async () => {
    gw.demo.addFault({ fault: { type: 'reset' }, match: isJob, times: 1 });
    const { body } = await gw.gql(ONE);
    expect(body.errors).toBeUndefined();
    expect(body.data?.workflowJob.id).toBe('1');
    expect(gw.demo.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503, headers: { 'Retry-After': '1' } }, match: isJob, times: 1 });
    const started = performance.now();
    const { body } = await gw.gql(ONE);
    expect(body.errors).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(gw.demo.requests).toHaveLength(2);
  });

  it('does not retry when Retry-After ends past the deadline: the 503 stands at once', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503, headers: { 'Retry-After': '5' } }, match: isJob });
    const started = performance.now();
    const { body } = await gw.gql(ONE);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 503 });
    expect(gw.demo.requests).toHaveLength(1);
  });

  it('gives up after 3 attempts (2 retries) with the mapped error', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 502 }, match: isJob });
    const { body } = await gw.gql(ONE);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 502 });
    expect(gw.demo.requests).toHaveLength(3);
    expect(lastUpstreamCalls(gw)).toBe(3);
  });

  it('retries a 500 once, and a 404 never', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 500 }, match: isJob });
    expect((await gw.gql(ONE)).body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(gw.demo.requests).toHaveLength(2);
    gw.demo.clearFaults();
    gw.demo.clearRequests();
    gw.demo.addFault({ fault: { type: 'status', status: 500 }, match: isJob, times: 1 }); // a blip: the retry answers
    expect((await gw.gql(ONE)).body).toEqual({ data: { workflowJob: { id: '1', name: expect.any(String) } } });
    expect(gw.demo.requests).toHaveLength(2);
    gw.demo.clearFaults();
    gw.demo.clearRequests();
    gw.demo.addFault({ fault: { type: 'status', status: 404, body: { detail: 'Not found.' } }, match: (r) => r.pathname === '/api/v2/workflow_jobs/' });
    expect((await gw.gql('{ workflowJobs(first: 1) { totalCount } }')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(gw.demo.requests).toHaveLength(1);
  });

  it('stops a retry that is waiting when the caller disconnects', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503, headers: { 'Retry-After': '1' } }, match: isJob });
    const controller = new AbortController();
    const sent = fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ADMIN },
      body: JSON.stringify({ query: ONE }),
      signal: controller.signal,
    }).catch((error: Error) => error);
    await until(() => gw.demo.requests.length === 1);
    controller.abort();
    expect(await sent).toBeInstanceOf(Error);
    await wait(1_300);
    expect(gw.demo.requests).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens after N failures, fails fast without calling AWX, and closes after a successful probe', async () => {
    const gw = await startTestGateway({ resilience: { breakerFailures: 2, breakerCooldownMs: 300 } });
    try {
      gw.demo.addFault({ fault: { type: 'status', status: 500 }, match: isJob });
      for (let i = 0; i < 2; i++) expect((await gw.gql(ONE)).body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(gw.transport.breaker.state).toBe('open');
      gw.demo.clearRequests();
      const { body } = await gw.gql(ONE);
      expect(body.errors?.[0]).toMatchObject({
        message: 'AWX is unavailable: too many recent failures; retrying in 1s.',
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
      expect(gw.demo.requests).toEqual([]);
      gw.demo.clearFaults();
      await until(() => gw.transport.breaker.state === 'half-open');
      expect((await gw.gql(ONE)).body.errors).toBeUndefined();
      expect(gw.transport.breaker.state).toBe('closed');
      expect(gw.demo.requests).toHaveLength(1);
    } finally {
      await gw.close();
    }
  });
});

describe('concurrency cap', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ timeoutMs: 10_000, resilience: { maxConcurrency: 2, maxQueue: 1 } });
    gw.demo.addFault({ fault: { type: 'hang' } });
  });
  afterAll(() => gw.close());

  const post = (signal?: AbortSignal) =>
    fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN }, body: JSON.stringify({ query: ONE }), signal })
      .catch((error: Error) => error);

  it('refuses the request beyond M in flight and Q queued at once, and a queued caller who leaves frees its place', async () => {
    const controllers = [0, 1, 2].map(() => new AbortController());
    const pending = controllers.map((c) => post(c.signal));
    await until(() => gw.transport.limiter.inFlight === 2 && gw.transport.limiter.queued === 1);
    const started = performance.now();
    const { body } = await gw.gql(ONE);
    expect(performance.now() - started).toBeLessThan(500);
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_OVERLOADED');
    expect(body.errors?.[0]?.message).toMatch(/^The gateway is at capacity/);
    expect(gw.demo.requests).toHaveLength(2);

    // Which fetch got the queued place is not known; abort all, then check that everything was released.
    controllers.forEach((c) => c.abort());
    await Promise.all(pending);
    await until(() => gw.transport.limiter.inFlight === 0 && gw.transport.limiter.queued === 0);
    expect(gw.demo.requests).toHaveLength(2);
  });

  it('gives the place of a queued caller who disconnects to the next one', async () => {
    const holders = [new AbortController(), new AbortController()];
    const held = holders.map((c) => post(c.signal));
    await until(() => gw.transport.limiter.inFlight === 2);
    const queued = new AbortController();
    const leaving = post(queued.signal);
    await until(() => gw.transport.limiter.queued === 1);
    queued.abort();
    await leaving;
    await until(() => gw.transport.limiter.queued === 0);
    const next = new AbortController();
    const waiting = post(next.signal);
    await until(() => gw.transport.limiter.queued === 1);
    [next, ...holders].forEach((c) => c.abort());
    await Promise.all([waiting, ...held]);
    await until(() => gw.transport.limiter.inFlight === 0 && gw.transport.limiter.queued === 0);
  });
});

describe('callers who disconnect', () => {
  it('do not count against the circuit breaker, and are not logged as AWX failures', async () => {
    const gw = await startTestGateway({ resilience: { breakerFailures: 2 } });
    try {
      gw.demo.setLatency(300);
      for (let i = 0; i < 5; i++) {
        const controller = new AbortController();
        const sent = fetch(gw.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: ADMIN },
          body: JSON.stringify({ query: '{ workflowJob(id: 1) { id } }' }),
          signal: controller.signal,
        }).catch(() => null);
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.abort();
        await sent;
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(upstreamStatus(gw.transport).breaker).toBe('closed');
      expect(gw.logs.filter((line) => line.includes('AWX call failed'))).toEqual([]);
      gw.demo.setLatency(0);
      expect((await gw.gql('{ workflowJob(id: 1) { id } }')).body).toEqual({ data: { workflowJob: { id: '1' } } });
    } finally {
      await gw.close();
    }
  });
});
