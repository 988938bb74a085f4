/** A caller who disconnects cancels their AWX requests instead of leaving them to the timeout. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway.js';

/** An upstream that accepts requests and never answers, noting when each one is abandoned. */
const pending: { request: IncomingMessage; closedAt?: number }[] = [];
const silent = createServer((request) => {
  const entry: { request: IncomingMessage; closedAt?: number } = { request };
  pending.push(entry);
  request.socket.on('close', () => (entry.closedAt = Date.now()));
});

let gw: TestGateway;
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  // The API path is given: a look for it would hang on this upstream too.
  gw = await startTestGateway({ awxUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, apiPath: '/api/', timeoutMs: 30_000 });
});
afterAll(async () => {
  silent.closeAllConnections();
  silent.close();
  await gw.close();
});

describe('caller disconnect', () => {
  it('aborts the in-flight AWX request when the client goes away', async () => {
    const controller = new AbortController();
    const sent = fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ query: '{ workflowJob(id: 1) { id } }' }),
      signal: controller.signal,
    }).catch((error: Error) => error);
    await expect.poll(() => pending.length, { timeout: 5_000, interval: 20 }).toBe(1);
    const abortedAt = Date.now();
    controller.abort();
    expect(await sent).toBeInstanceOf(Error);
    await expect.poll(() => pending[0]!.closedAt, { timeout: 5_000, interval: 20 }).toBeDefined();
    expect(pending[0]!.closedAt! - abortedAt).toBeLessThan(2_000);
  });
});
