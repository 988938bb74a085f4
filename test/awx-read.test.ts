/** One AWX read as the client makes it: its own abort signal, and a body read whole within its bound. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerReader } from '../src/awx/answerReader.js';
import { AwxClient } from '../src/awx/client.js';
import { ReadSignal } from '../src/awx/deadline.js';
import { AwxResponseError } from '../src/awx/errors.js';
import { createAwxTransport } from '../src/awx/transport.js';
import type { Answer } from '../src/awx/write.js';

/** A reader as undici drives it, and what it settled with (and how often), and the aborts it asked for. */
function reader(limit: number, signal?: ReadSignal, lastAnswer?: Buffer) {
  const settled: { answer?: Answer; error?: unknown }[] = [];
  const aborts: Error[] = [];
  const handler = new AnswerReader(limit, signal, (answer) => settled.push({ answer }), (error) => settled.push({ error }), lastAnswer);
  const connect = () => handler.onConnect((reason) => {
    aborts.push(reason);
    handler.onError(reason); // what undici does with an abort: the handler hears it as the request's error
  });
  return { handler, settled, aborts, connect };
}
const raw = (headers: Record<string, string>) => Object.entries(headers).flatMap(([k, v]) => [Buffer.from(k), Buffer.from(v)]);

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

describe("reading AWX's answer", () => {
  it('joins its chunks into one body, so a character split between two decodes whole, and keeps status and headers', () => {
    const { handler, settled, connect } = reader(1_000);
    connect();
    const text = Buffer.from('{"name":"déploiement ✓"}');
    handler.onHeaders(100, raw({}));
    handler.onHeaders(200, raw({ 'Content-Type': 'application/json', 'Retry-After': '3' }));
    for (const chunk of [text.subarray(0, 11), text.subarray(11, 23), text.subarray(23)]) expect(handler.onData(chunk)).toBe(true);
    handler.onComplete();
    const decoded = settled.map(({ answer }) => ({ ...answer, body: answer?.body.toString('utf8') }));
    expect(decoded).toEqual([{ statusCode: 200, headers: { 'content-type': 'application/json', 'retry-after': '3' }, body: '{"name":"déploiement ✓"}' }]);
  });

  it('reads an empty body as no bytes', () => {
    const { handler, settled, connect } = reader(1_000);
    connect();
    handler.onHeaders(204, raw({}));
    handler.onComplete();
    expect(settled).toEqual([{ answer: { statusCode: 204, headers: {}, body: Buffer.alloc(0) } }]);
  });

  it('refuses a body over its bound: it ends the request and settles once, with the refusal', () => {
    const { handler, settled, aborts, connect } = reader(1_000);
    connect();
    handler.onHeaders(200, raw({}));
    expect(handler.onData(Buffer.alloc(600, 'a'))).toBe(true);
    expect(handler.onData(Buffer.alloc(600, 'a'))).toBe(false);
    handler.onError(new Error('the socket closed after the abort')); // a late report from undici changes nothing
    expect(aborts).toHaveLength(1);
    expect(settled).toHaveLength(1);
    expect(settled[0]!.error).toBeInstanceOf(AwxResponseError);
    expect((settled[0]!.error as Error).message).toBe('AWX sent a response larger than 1000 bytes.');
  });

  it("fails with undici's error on a body cut off, and stops listening to the signal", () => {
    const signal = new ReadSignal();
    const { handler, settled, aborts, connect } = reader(1_000, signal);
    connect();
    handler.onHeaders(200, raw({}));
    handler.onData(Buffer.from('{"count":'));
    const cut = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    handler.onError(cut);
    signal.abort(new Error('deadline'));
    expect([settled, aborts]).toEqual([[{ error: cut }], []]);
  });

  it('ends the request with the signal\'s reason, whether it aborts before the connection or after', () => {
    const before = new ReadSignal();
    before.abort(new Error('caller gone'));
    const early = reader(1_000, before);
    early.connect();
    expect(early.aborts.map((e) => e.message)).toEqual(['caller gone']);
    expect(early.settled).toEqual([{ error: before.reason }]);

    const during = new ReadSignal();
    const late = reader(1_000, during);
    late.connect();
    late.handler.onHeaders(200, raw({}));
    during.abort(new Error('deadline'));
    expect(late.settled).toEqual([{ error: during.reason }]);
  });

  it('ends the request with an AbortError when the signal gives no reason', () => {
    const signal = { aborted: true, reason: undefined, addEventListener() {}, removeEventListener() {} };
    const { settled, connect } = reader(1_000, signal as unknown as ReadSignal);
    connect();
    expect((settled[0]!.error as Error).name).toBe('AbortError');
  });
});

describe("an answer compared with the read's last one as it arrives", () => {
  const last = Buffer.from(`{"count":2,"results":[${'{"id":1,"name":"nightly"},'.repeat(40)}{"id":2}]}`);
  /** What the reader settles with when `body` arrives in chunks of `size` bytes, the last answer kept being `last`. */
  const read = (body: Buffer, size: number) => {
    const { handler, settled, connect } = reader(100_000, undefined, last);
    connect();
    handler.onHeaders(200, raw({}));
    for (let at = 0; at < body.length; at += size) handler.onData(body.subarray(at, at + size));
    handler.onComplete();
    return settled[0]!.answer!.body;
  };

  it('hands back the kept bytes themselves when every chunk repeats them: no copy', () => {
    for (const size of [7, 64, last.length]) expect(read(Buffer.from(last), size)).toBe(last);
  });

  it('joins the bytes that arrived when any of them differ: in the last chunk, longer, shorter or empty', () => {
    const lastByteChanged = Buffer.from(last);
    lastByteChanged[last.length - 1] = 0x20;
    const cases = [lastByteChanged, Buffer.concat([last, Buffer.from(' ')]), last.subarray(0, last.length - 1), Buffer.alloc(0)];
    for (const body of cases) {
      const answer = read(body, 64);
      expect(answer).not.toBe(last);
      expect(answer.equals(body)).toBe(true);
    }
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

  it('reads every answer to its end, so a few kept-alive connections serve reads one after another, even after a refusal', async () => {
    let connections = 0;
    const counted = createServer((req, res) => {
      const size = req.url?.startsWith('/api/v2/big/') ? 5_000 : 10;
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"x":"${'a'.repeat(size)}"}`);
    });
    counted.on('connection', () => connections++);
    await new Promise<void>((resolve) => counted.listen(0, '127.0.0.1', resolve));
    const transport = createAwxTransport({ url: `http://127.0.0.1:${(counted.address() as AddressInfo).port}`, apiPath: '/api/', timeoutMs: 5_000, maxBodyBytes: 1_000, retries: 0 });
    const client = new AwxClient(transport, {});
    for (let i = 0; i < 20; i++) await expect(client.getJson(['small'])).resolves.toEqual({ x: 'a'.repeat(10) });
    // undici lets a socket rest one turn of the event loop before its next request: two take turns, never one per read.
    expect(connections).toBeLessThanOrEqual(2);
    await expect(client.getJson(['big'])).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    await expect(client.getJson(['small'])).resolves.toEqual({ x: 'a'.repeat(10) });
    await transport.dispatcher.close();
    counted.closeAllConnections();
    await new Promise((resolve) => counted.close(resolve));
  });
});
