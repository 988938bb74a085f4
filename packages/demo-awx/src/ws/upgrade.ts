import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { authenticate } from '../http/auth.js';
import { recordRequest } from '../http/incoming.js';
import { statusMessages } from '../engine/events.js';
import { engineOf } from '../engine/engine.js';
import { delay, record, type ServerState } from '../server-state.js';
import { EventSession } from './session.js';

/**
 * AWX's websocket (`/websocket/` and `/api/websocket/`) on the demo's HTTP server. Handshakes are
 * recorded like requests and go through the same faults and latency; without valid credentials they are
 * refused with 403. With `enabled: false` every upgrade gets 404, like an AWX whose proxy does not
 * pass websockets.
 */

const PATHS = new Set(['/websocket/', '/api/websocket/']);
// Under AAP's prefix the consumer is routed at `api/<prefix>/v2/websocket/` (awx/main/routing.py); the
// platform gateway does not pass the unprefixed paths to the controller.
const AAP_PATHS = new Set(['/api/controller/v2/websocket/']);

/** The running websocket endpoint: close it with the server; drop its clients to simulate a broken proxy. */
export interface WebsocketEndpoint {
  /** Cuts every client connection (and pending handshake) at once. */
  disconnectAll(): void;
  close(): void;
}

/** Serves the websocket on `server`'s upgrade requests and forwards every job status change to its clients. */
export function attachWebsocket(server: Server, state: ServerState, enabled: boolean): WebsocketEndpoint {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Set<EventSession>();
  const pending = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    pending.add(socket);
    socket.once('close', () => pending.delete(socket));
    socket.on('error', () => socket.destroy());
    void handshake({ state, wss, enabled, req, socket, head, sessions });
  });
  const unsubscribe = engineOf(state.data).onStatusChanged((ids) => {
    for (const id of ids) {
      const messages = statusMessages(state.data, id);
      for (const session of sessions) session.deliver(messages);
    }
  });
  const disconnectAll = () => {
    for (const client of wss.clients) client.terminate();
    for (const socket of pending) socket.destroy();
  };
  return {
    disconnectAll,
    close: () => {
      unsubscribe();
      disconnectAll();
      wss.close();
    },
  };
}

interface Handshake {
  state: ServerState;
  wss: WebSocketServer;
  enabled: boolean;
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  sessions: Set<EventSession>;
}

async function handshake({ state, wss, enabled, req, socket, head, sessions }: Handshake): Promise<void> {
  const recorded = recordRequest(req, state.layout);
  record(state, recorded);
  const fault = state.faults.take(recorded);
  if (state.latencyMs > 0) await delay(state, state.latencyMs);
  if (fault?.type === 'slow') await delay(state, fault.ms);
  if (state.closed || fault?.type === 'hang') return; // a hung handshake dies with close()
  if (fault?.type === 'reset') return void socket.destroy();
  if (fault?.type === 'status') {
    return refuse(socket, fault.status, fault.body ?? { detail: STATUS_CODES[fault.status] }, fault.headers);
  }
  const paths = state.layout === 'aap' ? AAP_PATHS : PATHS;
  if (!enabled || !paths.has(recorded.rawPath.split('?', 1)[0]!)) return refuse(socket, 404, { detail: 'Not found.' });
  const caller = authenticate(state.data, recorded.authorization);
  if (!caller) return deny(socket);
  wss.handleUpgrade(req, socket, head, (client) => {
    const session = new EventSession(client, state.data, caller, cookie(req, 'csrftoken'));
    sessions.add(session);
    client.once('close', () => sessions.delete(session));
  });
}

/**
 * DAB's DrfAuthMiddleware (ansible_base/lib/channels/middleware.py) hands a handshake without a valid
 * user to channels' WebsocketDenier, which closes it before accepting; Daphne turns that into
 * `ConnectionDeny(code=403, reason="Access denied")`, a bare status line with no body. The consumer's
 * own `{"close": true}` branch for anonymous users is never reached.
 */
function deny(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Access denied\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
}

/** Answers the upgrade request with a plain HTTP error and closes the connection. */
function refuse(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, `Content-Type: ${type}`,
    `Content-Length: ${Buffer.byteLength(text)}`, 'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return value.join('=');
    }
  }
  return undefined;
}
