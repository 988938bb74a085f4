import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from '../faults.js';
import { inbound, type DemoLayout } from './layout.js';

/** Reading what a client sent: the request line and headers for the log, then the body. */

/** Bodies larger than this are refused with 413, as the proxy in front of AWX would. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The request as recorded in `DemoAwx.requests` (the body is added once it has been read). */
export function recordRequest(req: IncomingMessage, layout: DemoLayout): RecordedRequest {
  const rawPath = req.url ?? '/';
  const target = inbound(layout, rawPath);
  const path = 'url' in target ? target.url : rawPath;
  const queryAt = path.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path,
    rawPath,
    pathname: queryAt < 0 ? path : path.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : path.slice(queryAt + 1)),
    authorization: req.headers.authorization,
    headers: req.headers,
  };
}

/**
 * The whole body as UTF-8 text (undefined when empty), or `tooLarge` past MAX_BODY_BYTES; the rest
 * is still drained so the connection stays usable. Resolves early if the client goes away.
 */
export function readBody(req: IncomingMessage): Promise<{ text?: string; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ text: text === '' ? undefined : text, tooLarge: size > MAX_BODY_BYTES });
    };
    req.once('end', done);
    req.once('close', done);
    req.once('error', done);
  });
}
