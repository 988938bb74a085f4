/** SIGTERM drains: src/main.ts stops accepting, finishes in-flight requests (within a bound), then exits 0. */
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoAwx, type DemoAwx } from '@awx-graphql/demo-awx';
import { startMain as startMainProcess } from './processes.js';

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

/** Starts src/main.ts against the demo, ready once it also found AWX's API path (so the tests' faults cannot catch that look). */
const startMain = (env: Record<string, string>) =>
  startMainProcess({ AWX_URL: demo.url, AWX_TOKEN: 'demo-admin-token', ...env }, (output) => output.includes('found the AWX API'));

const query = (port: number) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ workflowJob(id: 1) { id name status } }' }),
  });

/** Resolves with the error code of a fresh TCP connection attempt, or 'connected'. */
const tryConnect = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('connected')));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

/** Waits until the demo has seen `count` API reads (the gateway's look for the API path at start not counted). */
const untilUpstreamSees = async (count: number) => {
  const reads = () => demo.requests.filter((r) => r.rawPath !== '/api/').length;
  await expect.poll(reads, { timeout: 2_000, interval: 10 }).toBeGreaterThanOrEqual(count);
};

describe('SIGTERM', () => {
  it('finishes the in-flight request, refuses new connections, and exits 0', async () => {
    const { child, port, exited, output } = await startMain({});
    expect(await tryConnect(port)).toBe('connected');
    demo.setLatency(1_500);
    const slow = query(port);
    await untilUpstreamSees(1);
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    const response = await slow;
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ data: { workflowJob: { id: '1', name: expect.any(String), status: expect.any(String) } } });
    expect(await exited).toBe(0);
    expect(output()).toContain('shutting down');
  }, 30_000);

  it('cuts requests still running after SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const { child, port, exited } = await startMain({ SHUTDOWN_TIMEOUT_MS: '300', AWX_TIMEOUT_MS: '30000' });
    demo.addFault({ fault: { type: 'hang' } });
    const stuck = query(port).then((r) => r.text()).catch((error: Error) => error);
    await untilUpstreamSees(1);
    const started = performance.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await stuck).toBeInstanceOf(Error);
  }, 30_000);
});
