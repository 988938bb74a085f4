/** Admission control: operations beyond the in-flight limit wait in turn; overflow is a 503 (which requests enter it: test/slow-clients.test.ts). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdaptiveLimit, BUSY, GC_BUSY, GC_SPARE, SPARE } from '../src/adaptiveLimit.js';
import { createAdmission, defaultAdaptiveCeiling, defaultMaxInFlight, type AdmissionOptions, type AdmissionState } from '../src/admission.js';

interface Harness {
  url: string;
  state: AdmissionState;
  /** Requests the handler has started, in order, by their `n` query parameter. */
  started: string[];
  /** Finishes the oldest started request still open. */
  release(): void;
  server: Server;
  /** Client connections the server has seen close. */
  closed(): number;
}

let harness: Harness | undefined;
afterEach(async () => {
  const server = harness?.server;
  harness = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A server whose handler holds each request open until `release()`, behind admission control. */
async function start(maxInFlight: number, maxQueued: number, adaptive: Partial<AdmissionOptions> = {}): Promise<Harness> {
  const open: ServerResponse[] = [];
  const started: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    started.push(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? '?');
    open.push(res);
  };
  const { run, state, close } = createAdmission({ maxInFlight, maxQueued, ...adaptive });
  const server = createServer((req, res) => run(req, res, handler));
  server.once('close', close);
  let closed = 0;
  server.on('connection', (socket) => socket.once('close', () => closed++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  harness = { url: `http://127.0.0.1:${port}`, state, started, server, release: () => open.shift()?.end('{}'), closed: () => closed };
  return harness;
}

/** Waits until `check` holds (vitest's own polling; fails after its timeout). */
const until = (check: () => boolean) => expect.poll(check, { timeout: 5_000, interval: 10 }).toBe(true);

describe('admission control', () => {
  it('runs at most maxInFlight queries and starts the waiting ones in arrival order', async () => {
    const h = await start(2, 10);
    const answers = [1, 2, 3, 4].map((n) => fetch(`${h.url}/graphql?n=${n}`).then((r) => r.status));
    await until(() => h.state.inFlight === 2 && h.state.queued === 2);
    expect(h.started).toEqual(['1', '2']);
    h.release();
    await until(() => h.started.length === 3);
    expect(h.started[2]).toBe('3');
    h.release();
    h.release();
    await until(() => h.started.length === 4);
    h.release();
    expect(await Promise.all(answers)).toEqual([200, 200, 200, 200]);
    expect(h.state).toEqual({ inFlight: 0, queued: 0, limit: 2 });
  });

  it('answers 503 OVERLOADED at once when the queue is full', async () => {
    const h = await start(1, 1);
    const first = fetch(`${h.url}/graphql?n=1`);
    await until(() => h.state.inFlight === 1);
    const second = fetch(`${h.url}/graphql?n=2`);
    await until(() => h.state.queued === 1);
    const third = await fetch(`${h.url}/graphql?n=3`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect((await third.json()).errors[0].extensions.code).toBe('OVERLOADED');
    h.release();
    await until(() => h.started.length === 2);
    h.release();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
  });

  it('frees the slot of a caller who disconnects, and skips callers who left while waiting', async () => {
    const h = await start(1, 10);
    const gone = new AbortController();
    const leaving = fetch(`${h.url}/graphql?n=leaving`, { signal: gone.signal }).catch(() => 'aborted');
    await until(() => h.state.inFlight === 1);
    const waitingGone = new AbortController();
    const waiter = fetch(`${h.url}/graphql?n=waiter`, { signal: waitingGone.signal }).catch(() => 'aborted');
    const last = fetch(`${h.url}/graphql?n=last`);
    await until(() => h.state.queued === 2);
    waitingGone.abort();
    await until(() => h.closed() === 1); // the server has seen the waiter go
    gone.abort();
    await until(() => h.started.includes('last'));
    expect(h.started).toEqual(['leaving', 'last']);
    h.release();
    h.release();
    expect((await last).status).toBe(200);
    expect(await leaving).toBe('aborted');
    expect(await waiter).toBe('aborted');
  });

  it('defaults to four queries per core, at least eight', () => {
    expect(defaultMaxInFlight(1)).toBe(8);
    expect(defaultMaxInFlight(2)).toBe(8);
    expect(defaultMaxInFlight(16)).toBe(64);
  });
});

describe('the limit left to the gateway', () => {
  it('rises while callers wait and the event loop has time to spare, up to its ceiling, and falls back when busy', async () => {
    let utilization = 0.2;
    const h = await start(2, 10, { adaptiveCeiling: 5, sampleMs: 20, load: () => ({ utilization, gcShare: 0.01 }) });
    const answers = [1, 2, 3, 4, 5, 6, 7].map((n) => fetch(`${h.url}/graphql?n=${n}`).then((r) => r.status));
    await until(() => h.started.length === 5 && h.state.queued === 2);
    expect([h.state.limit, h.started]).toEqual([5, ['1', '2', '3', '4', '5']]);
    utilization = 0.99; // busy: back to the floor; the waiting start only as the running finish below it
    await until(() => h.state.limit === 2);
    for (let i = 0; i < 3; i++) h.release();
    await until(() => h.state.inFlight === 2);
    expect(h.started).toHaveLength(5);
    h.release();
    await until(() => h.started.length === 6);
    h.release();
    await until(() => h.started.length === 7);
    h.release();
    h.release();
    expect(await Promise.all(answers)).toEqual([200, 200, 200, 200, 200, 200, 200]);
  });

  it('steps by a quarter of the floor, backs off by a quarter, and holds between SPARE and BUSY or when nobody waited', () => {
    const limit = new AdaptiveLimit(8, 20);
    const load = (utilization: number, gcShare = 0.01) => ({ utilization, gcShare });
    expect([limit.observe(load(0.5), true), limit.observe(load(0.5), true), limit.observe(load(0.5), false), limit.observe(load((SPARE + BUSY) / 2), true)]).toEqual([10, 12, 12, 12]);
    expect([1, 2, 3, 4, 5].map(() => limit.observe(load(0.1), true))).toEqual([14, 16, 18, 20, 20]);
    expect([limit.observe(load(0.97), true), limit.observe(load(0.97), true), limit.observe(load(0.97), false), limit.observe(load(1), false)]).toEqual([15, 11, 8, 8]);
  });

  it('does not rise while garbage collection takes a growing share (large pages in flight), and backs off past GC_BUSY', () => {
    const limit = new AdaptiveLimit(8, 20);
    const load = (gcShare: number) => ({ utilization: 0.3, gcShare });
    expect([limit.observe(load(GC_SPARE / 2), true), limit.observe(load((GC_SPARE + GC_BUSY) / 2), true), limit.observe(load(GC_BUSY * 1.5), true), limit.observe(load(GC_BUSY * 1.5), true)]).toEqual([10, 10, 8, 8]);
  });

  it('rises from four per core (at least 8) to sixteen per core (at least 32)', () => {
    expect([defaultAdaptiveCeiling(1), defaultAdaptiveCeiling(2), defaultAdaptiveCeiling(4), defaultAdaptiveCeiling(16)]).toEqual([32, 32, 64, 256]);
  });
});
