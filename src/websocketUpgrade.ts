/** Which WebSocket upgrades the gateway takes: its GraphQL path only, and never from a cross-site page it does not allow. */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { errorBody, hostProblem } from './http/front.js';
import type { HostPolicy } from './http/hosts.js';
import { crossSiteOrigin } from './security.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

/** Answers an upgrade it will not take with an HTTP status and the gateway's JSON error, then closes. */
function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = errorBody(code, message);
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Whether a browser page of another site, not in CORS_ORIGINS, opened this socket (its credentials would be ambient). */
function crossSite(upgrade: IncomingMessage, allowed: readonly string[], hosts: HostPolicy): boolean {
  const headers = new Headers();
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = upgrade.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const url = new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`);
  const origin = crossSiteOrigin(new Request(url, { headers }), hosts);
  return origin !== null && !allowed.includes(origin);
}

/** The upgrade's headers an operation reads: its credential, request id and trace context (src/websocketServer.ts). */
const KEPT_HEADERS = ['authorization', 'x-request-id', 'traceparent', 'tracestate'];

/** What graphql-ws is given as the upgrade (`extra.request`), though its types say IncomingMessage. */
export type KeptUpgrade = Pick<IncomingMessage, 'headers' | 'url'>;

/**
 * What the socket keeps of its upgrade: graphql-ws holds what it is given (its `extra.request`) for the socket's
 * whole life, and the IncomingMessage itself, with its raw headers and stream state, is about 1.3 KB of every
 * subscriber. Only `headers` (those above) and `url` are there: nothing else of it is read.
 */
export function keptUpgrade(request: IncomingMessage): KeptUpgrade {
  const headers: IncomingHttpHeaders = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { headers, url: request.url };
}

/** Takes an upgrade to `path` unless a cross-site page asks, or the `Host` is not one of ours; others get an HTTP refusal. */
export function upgradeHandler(wss: WebSocketServer, path: string, allowedOrigins: readonly string[], hosts: HostPolicy) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let pathname: string;
    let refused: boolean;
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      const problem = hostProblem(request, hosts, pathname);
      if (problem) return refuse(socket, problem.status, problem.code, problem.message);
      refused = crossSite(request, allowedOrigins, hosts);
    } catch {
      return refuse(socket, 400, 'BAD_REQUEST', 'The request target is malformed.');
    }
    if (pathname !== path) return refuse(socket, 404, 'NOT_FOUND', `WebSocket connections are served at ${path} only.`);
    if (refused) return refuse(socket, 403, 'CSRF_REJECTED', 'Cross-site browser requests are refused: this origin is not in CORS_ORIGINS.');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, keptUpgrade(request)));
  };
}
