/** One AWX read as the client makes it: its own abort signal, and a body read whole within its bound. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwxClient } from '../src/awx/client.js';
import { ReadSignal } from '../src/awx/deadline.js';
import { AwxResponseError } from '../src/awx/errors.js';
import { readBody } from '../src/awx/response.js';
import { createAwxTransport } from '../src/awx/transport.js';

type Body = Parameters<typeof readBody>[0];
const body = (chunks: Buffer[]) => Readable.from(chunks) as unknown as Body;

describe("a read's abort signal", () => {
  it('calls each listener once when it aborts, and none it no longer has', () => {
    const signal = new ReadSignal();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const b = () => calls.push('b');
    signal.addEventListener('abort', a);
    signal.addEventListener('abort', a); // added twice, called once, as an EventTarget does
    signal.addEventListener('abort', b);
    signal.removeEventListener('abort', b);
    signal.abort(new Error('gone'));
    signal.abort(new Error('again'));
    expect([calls, signal.aborted, (signal.reason as Error).message]).toEqual([['a'], true, 'gone']);
    signal.addEventListener('abort', b); // after the abort: never called
    expect(calls).toEqual(['a']);
  });

  it('is a signal undici accepts: a request waiting on AWX ends when it aborts', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createAwxTransport({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiPath: '/api/', timeoutMs: 60_000 });
    const caller = new AbortController();
    const read = new AwxClient(transport, { signal: caller.signal }).getJson(['ping']);
    setTimeout(() => caller.abort(new Error('client gone')), 50);
    await expect(read).rejects.toMatchObject({ code: expect.stringMatching(/^UPSTREAM_/) });
    await transport.dispatcher.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
});

describe("reading AWX's body", () => {
  it('joins its chunks before decoding, so a character split between two stays whole', async () => {
    const text = Buffer.from('{"name":"déploiement ✓"}');
    await expect(readBody(body([text.subarray(0, 11), text.subarray(11, 23), text.subarray(23)]), 1_000)).resolves.toBe('{"name":"déploiement ✓"}');
    await expect(readBody(body([]), 1_000)).resolves.toBe('');
  });

  it('refuses a body over its bound', async () => {
    const read = readBody(body([Buffer.alloc(600, 'a'), Buffer.alloc(600, 'a')]), 1_000);
    await expect(read).rejects.toBeInstanceOf(AwxResponseError);
    await expect(read).rejects.toThrow('AWX sent a response larger than 1000 bytes.');
  });

  it('fails on a body cut off without an error of its own', async () => {
    const stream = new Readable({ read() {} });
    const read = readBody(stream as unknown as Body, 1_000);
    stream.push('{"count":');
    stream.destroy();
    await expect(read).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});

describe('the AWX client against a server sending too much or too little', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/api/v2/big/')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(`{"x":"${'a'.repeat(5_000)}"}`);
      // Announces 1,000 bytes, sends 12, then hangs up.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"count": 1,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers UPSTREAM_ERROR for a body over the transport's bound, and an AWX failure for a body cut short", async () => {
    const transport = createAwxTransport({ url, apiPath: '/api/', timeoutMs: 5_000, maxBodyBytes: 1_000, retries: 0 });
    const client = new AwxClient(transport, {});
    await expect(client.getJson(['big'])).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'AWX sent a response larger than 1000 bytes.' });
    await expect(client.getJson(['cut'])).rejects.toMatchObject({ code: expect.stringMatching(/^UPSTREAM_/) });
    await transport.dispatcher.close();
  });
});
