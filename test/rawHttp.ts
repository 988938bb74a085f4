/** Raw HTTP over a socket: requests fetch will not send (a malformed Host, a broken request line, a slow body). */
import { connect, type Socket } from 'node:net';

/** A response as read off the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first response on `text` (a Content-Length body, or what arrived until the socket closed). */
export function parseResponse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split < 0 ? text.length : split).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = split < 0 ? '' : text.slice(split + 4);
  const length = headers['content-length'] === undefined ? rest.length : Number(headers['content-length']);
  return { status, headers, body: rest.slice(0, length) };
}

/** Opens a socket to the gateway at `url`'s port. */
export function open(url: string): Promise<Socket> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** What a socket received until the server closed it (or `timeoutMs` passed: then what arrived so far). */
export function received(socket: Socket, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = () => {
      clearTimeout(timer);
      resolve(text);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('close', done);
    socket.once('error', done);
  });
}

/** Sends `text` as it is on a fresh connection and reads the response the server closes it with. */
export async function rawRequest(url: string, text: string): Promise<RawResponse> {
  const socket = await open(url);
  const answer = received(socket);
  socket.write(text);
  return parseResponse(await answer);
}

/** A `POST /graphql` request with `host` and `body`, asking the server to close after answering. */
export function postText(host: string, body: string, headers: Record<string, string> = {}): string {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;
}
