/** Reading a request body within bounds before anything else is spent on it (an admission slot above all). */
import type { IncomingMessage } from 'node:http';

/** The body, or why it was not read: too slow (408) or too large (413). */
export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 408 | 413 };

/** Bounds of one body: MAX_BODY_BYTES and BODY_TIMEOUT_MS. */
export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Reads the whole body, refusing one longer than `maxBytes` (as declared, or as it arrives) and one that has
 * not arrived within `timeoutMs` of the headers: a client sending a byte every few seconds then holds a
 * socket, but never a slot nor memory past the bound.
 */
export function readBoundedBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) return finish({ ok: false, status: 413 });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 408 });
    const timer = setTimeout(() => finish({ ok: false, status: 408 }), limits.timeoutMs);
    req.on('data', onData).once('end', onEnd).once('error', onError);
  });
}
