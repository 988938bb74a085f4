/** Admission control: operations beyond the in-flight limit wait in turn; overflow is a 503 (which requests enter it: test/slow-clients.test.ts). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission, defaultMaxInFlight, type AdmissionState } from '../src/admission.js';

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
async function start(maxInFlight: number, maxQueued: number): Promise<Harness> {
  const open: ServerResponse[] = [];
  const started: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    started.push(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? '?');
    open.push(res);
  };
  const { run, state } = createAdmission({ maxInFlight, maxQueued });
  const server = createServer((req, res) => run(req, res, handler));
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
    expect(h.state).toEqual({ inFlight: 0, queued: 0 });
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
