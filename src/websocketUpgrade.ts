/** Which WebSocket upgrades the gateway takes: its GraphQL path only, and never from a cross-site page it does not allow. */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { crossSiteOrigin } from './security.js';

/** Answers an upgrade it will not take with a plain HTTP status. */
function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Whether a browser page of another site, not in CORS_ORIGINS, opened this socket (its credentials would be ambient). */
function crossSite(upgrade: IncomingMessage, allowed: readonly string[]): boolean {
  const headers = new Headers();
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = upgrade.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const url = new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`);
  const origin = crossSiteOrigin(new Request(url, { headers }));
  return origin !== null && !allowed.includes(origin);
}

/** Takes an upgrade to `path` unless a cross-site page asks; others get a plain HTTP refusal. */
export function upgradeHandler(wss: WebSocketServer, path: string, allowedOrigins: readonly string[]) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let pathname: string;
    let refused: boolean;
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      refused = crossSite(request, allowedOrigins);
    } catch {
      return refuse(socket, 400, 'Bad Request'); // a malformed URL or Host header
    }
    if (pathname !== path) return refuse(socket, 404, 'Not Found');
    if (refused) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
}
