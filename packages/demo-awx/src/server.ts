import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createDemoData } from './data.js';
import { FaultBook, type FaultRule, type RecordedRequest } from './faults.js';
import { onRequest } from './http/handler.js';
import type { DemoLayout } from './http/layout.js';
import { engineOf } from './engine/engine.js';
import { startMotion } from './engine/motion.js';
import type { ServerState } from './server-state.js';
import type { DemoData } from './types.js';
import { attachWebsocket } from './ws/upgrade.js';

export type { Fault, FaultRule, RecordedRequest } from './faults.js';

/** How to start the demo AWX. */
export interface DemoAwxOptions {
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
  /** Move every unfinished workflow job one step each `stepMs` (see advanceJob). Default: jobs move only when told. */
  motion?: { stepMs: number };
  /** Serve AWX's websocket at /websocket/ and /api/websocket/ (default true); false answers upgrades with 404. */
  websocket?: boolean;
  /**
   * `awx` (default): AWX's own `/api/v2/`. `aap`: Ansible Automation Platform 2.5+, the controller below
   * `/api/controller/v2/` (links, `Location` and the websocket included) and the platform's listing at `/api/`.
   */
  layout?: DemoLayout;
  /** How many requests `requests` keeps, the oldest dropped first (default 10,000): a long-running demo stays bounded. */
  maxRecordedRequests?: number;
}

/** A running demo AWX: its URL, live data, request log and fault controls. */
export interface DemoAwx {
  url: string;
  /** The API layout served. */
  layout: DemoLayout;
  /** The versioned API path: `/api/v2/`, or `/api/controller/v2/` under `aap`. */
  apiRoot: string;
  data: DemoData;
  /** The requests received, oldest first: at most `maxRecordedRequests` (plus a tenth, dropped in batches). */
  requests: RecordedRequest[];
  clearRequests(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /**
   * Moves a workflow job one step and returns its new status: new → pending → waiting → running, then
   * its nodes spawn and run their jobs, and it ends `successful` (or `failed` now, with `outcome: 'failed'`).
   * A finished job stays as it is. Throws for an unknown id.
   */
  advanceJob(id: number, options?: { outcome?: 'successful' | 'failed' }): string;
  /** Cuts every websocket connection, as a restarting proxy would (clients may reconnect). */
  disconnectWebsockets(): void;
  /** Stops the server, its motion timer and its websocket clients. */
  close(): Promise<void>;
}

/** Starts an AWX-compatible HTTP server on loopback, serving `data` (the demo dataset by default). */
export async function startDemoAwx(options: DemoAwxOptions = {}): Promise<DemoAwx> {
  const state: ServerState = {
    data: options.data ?? createDemoData(), requests: [], faults: new FaultBook(),
    latencyMs: options.latencyMs ?? 0, timers: new Set(), closed: false, scheme: options.tls ? 'https' : 'http',
    layout: options.layout ?? 'awx',
    maxRecordedRequests: options.maxRecordedRequests ?? 10_000,
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => void onRequest(state, req, res);
  const server: Server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const engine = engineOf(state.data);
  const websocket = attachWebsocket(server, state, options.websocket ?? true);
  const stopMotion = options.motion ? startMotion(engine, options.motion.stepMs) : () => {};
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    layout: state.layout,
    apiRoot: state.layout === 'aap' ? '/api/controller/v2/' : '/api/v2/',
    data: state.data,
    requests: state.requests,
    clearRequests: () => void state.requests.splice(0),
    addFault: (rule) => state.faults.add(rule),
    clearFaults: () => state.faults.clear(),
    setLatency: (ms) => void (state.latencyMs = ms),
    advanceJob: (id, advance = {}) => {
      const status = engine.advance(id, advance.outcome);
      if (status === undefined) throw new Error(`advanceJob: the demo AWX has no workflow job ${id}`);
      return status;
    },
    disconnectWebsockets: () => websocket.disconnectAll(),
    close: () => {
      stopMotion();
      websocket.close();
      return closeServer(state, server);
    },
  };
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
