/**
 * What a request's AWX reads follow to stop when its client goes (src/http/callerSignal.ts): over Node's HTTP,
 * the response closing before its answer was written; elsewhere, the request's own signal.
 */
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YogaInitialContext } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbortLike } from '../src/awx/deadline.js';
import { callerSignal } from '../src/http/callerSignal.js';

/** Each request's signal, and how the server treats it: `answer` answers at once, `hold` never does. */
const seen = new Map<string, AbortLike>();
const server = createServer((req, res: ServerResponse) => {
  const name = req.url!.slice(1);
  seen.set(name, callerSignal({ request: new Request('http://gateway/graphql'), res } as unknown as YogaInitialContext));
  if (name.startsWith('answer')) res.end('{}');
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Sends GET /name; `hangUp` destroys the connection once the server has the request. */
function send(name: string, hangUp = false): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: `/${name}`, agent: false }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', () => resolve());
    req.end();
    if (hangUp) void waitFor(() => seen.has(name)).then(() => req.destroy());
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the caller signal over HTTP', () => {
  it('stays quiet for an answered request, also once its connection closes', async () => {
    await send('answered');
    const signal = seen.get('answered')!;
    server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signal.aborted).toBe(false);
  });

  it('aborts, with an AbortError, when the client hangs up before the answer', async () => {
    await send('held', true);
    const signal = seen.get('held')!;
    await waitFor(() => signal.aborted);
    expect((signal.reason as Error).name).toBe('AbortError');
    const late: string[] = [];
    signal.addEventListener('abort', () => late.push('called'));
    expect(late).toEqual([]);
  });

  it('is the request\'s own signal where there is no Node response', () => {
    const controller = new AbortController();
    const request = new Request('http://gateway/graphql', { signal: controller.signal });
    const signal = callerSignal({ request } as YogaInitialContext);
    expect(signal.aborted).toBe(false);
    controller.abort();
    expect(signal.aborted).toBe(true);
  });
});
