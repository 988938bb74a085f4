import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createDemoData } from './data.js';
import { FaultBook, MALFORMED_BODY, type Fault, type FaultRule, type RecordedRequest } from './faults.js';
import { answer } from './http/api.js';
import { awxHeaders, renderReply, renderStatusFault, type Rendered } from './http/render.js';
import type { DemoData } from './types.js';

export type { Fault, FaultRule, RecordedRequest } from './faults.js';

/** How to start the fake AWX. */
export interface FakeAwxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Delay before every response, in ms. */
  latencyMs?: number;
  /** The AWX state to serve; default `createDemoData()`. */
  data?: DemoData;
  /** Serve HTTPS with this certificate and key (PEM), like an AWX with a self-signed certificate. */
  tls?: { cert: string | Buffer; key: string | Buffer };
}

/** A running fake AWX: its URL, live data, request log and fault controls. */
export interface FakeAwx {
  url: string;
  data: DemoData;
  requests: RecordedRequest[];
  clearRequests(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** Per-server mutable state: faults, latency and the timers to cancel on close. */
interface ServerState {
  data: DemoData;
  requests: RecordedRequest[];
  faults: FaultBook;
  latencyMs: number;
  timers: Set<NodeJS.Timeout>;
  closed: boolean;
}

/** Starts an AWX-compatible HTTP server on loopback, serving `data` (the demo dataset by default). */
export async function startFakeAwx(options: FakeAwxOptions = {}): Promise<FakeAwx> {
  const state: ServerState = {
    data: options.data ?? createDemoData(), requests: [], faults: new FaultBook(),
    latencyMs: options.latencyMs ?? 0, timers: new Set(), closed: false,
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => void onRequest(state, req, res);
  const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    data: state.data,
    requests: state.requests,
    clearRequests: () => void state.requests.splice(0),
    addFault: (rule) => state.faults.add(rule),
    clearFaults: () => state.faults.clear(),
    setLatency: (ms) => void (state.latencyMs = ms),
    close: () => closeServer(state, server),
  };
}

async function onRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = performance.now();
  const recorded = recordRequest(req);
  state.requests.push(recorded);
  req.resume(); // bodies are never read, but must be drained
  const fault = state.faults.take(recorded);
  if (state.latencyMs > 0) await delay(state, state.latencyMs);
  if (state.closed || fault?.type === 'hang') return; // a hung socket dies with close()
  if (fault?.type === 'reset') return void req.socket.destroy();
  if (fault?.type === 'status') return write(res, renderStatusFault(fault));
  if (fault?.type === 'malformed') {
    return write(res, { status: 200, headers: awxHeaders(true, startedAt), body: MALFORMED_BODY });
  }
  const rendered = safeRender(state, req, startedAt);
  if (fault?.type === 'slow') return writeSlowly(state, res, rendered, fault);
  write(res, rendered);
}

function safeRender(state: ServerState, req: IncomingMessage, startedAt: number): Rendered {
  try {
    const reply = answer(state.data, { method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization });
    return renderReply(reply, startedAt);
  } catch (error) {
    // A bug in the fake must look like an AWX 500, not a dropped connection.
    console.error('fake AWX failed to answer', req.method, req.url, error);
    const body = JSON.stringify({ detail: 'A server error occurred.' });
    return { status: 500, headers: awxHeaders(false, startedAt), body };
  }
}

function write(res: ServerResponse, rendered: Rendered): void {
  res.writeHead(rendered.status, rendered.headers);
  res.end(rendered.body);
}

/** Sends status and headers at once, and the body only after the fault's delay. */
function writeSlowly(state: ServerState, res: ServerResponse, rendered: Rendered, fault: Extract<Fault, { type: 'slow' }>): void {
  res.writeHead(rendered.status, rendered.headers);
  res.flushHeaders();
  void delay(state, fault.ms).then(() => {
    if (!res.destroyed) res.end(rendered.body);
  });
}

function recordRequest(req: IncomingMessage): RecordedRequest {
  const path = req.url ?? '/';
  const queryAt = path.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path,
    pathname: queryAt < 0 ? path : path.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : path.slice(queryAt + 1)),
    authorization: req.headers.authorization,
    headers: req.headers,
  };
}

/** A cancellable sleep: close() clears pending timers, so a closed server never keeps the process alive. */
function delay(state: ServerState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, ms);
    state.timers.add(timer);
  });
}

async function closeServer(state: ServerState, server: Server): Promise<void> {
  if (state.closed) return;
  state.closed = true;
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections(); // includes hung and slow responses
  await closed;
}
