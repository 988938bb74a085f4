import type { IncomingMessage, ServerResponse } from 'node:http';
import { MALFORMED_BODY, type Fault, type RecordedRequest } from '../faults.js';
import { delay, record, type ServerState } from '../server-state.js';
import { answer, type ApiReply } from './api.js';
import { readBody, recordRequest } from './incoming.js';
import { inbound, outboundBody, outboundPath, platformRoot, type DemoLayout } from './layout.js';
import { awxHeaders, renderReply, renderStatusFault, type Rendered } from './render.js';

/** One HTTP exchange of the demo AWX: record it, read its body, apply faults and latency, answer. */

/** Handles a request: every request is recorded, even when a fault then answers it. */
export async function onRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = performance.now();
  const recorded = recordRequest(req, state.layout);
  record(state, recorded);
  const { text, tooLarge } = await readBody(req);
  if (text !== undefined) recorded.body = text;
  const fault = state.faults.take(recorded);
  if (state.latencyMs > 0) await delay(state, state.latencyMs);
  if (state.closed || fault?.type === 'hang') return; // a hung socket dies with close()
  if (fault?.type === 'reset') return void req.socket.destroy();
  if (fault?.type === 'status') return write(res, renderStatusFault(fault));
  if (fault?.type === 'malformed') {
    return write(res, { status: 200, headers: awxHeaders(true, startedAt), body: MALFORMED_BODY });
  }
  const rendered = tooLarge ? tooLargeReply(startedAt) : safeRender(state, req, recorded, startedAt);
  if (fault?.type === 'slow') return writeSlowly(state, res, rendered, fault);
  write(res, rendered);
}

function safeRender(state: ServerState, req: IncomingMessage, recorded: RecordedRequest, startedAt: number): Rendered {
  try {
    const target = inbound(state.layout, recorded.rawPath);
    if ('answer' in target) return renderReply(outsideController(target.answer), startedAt);
    const reply = answer(state.data, {
      method: recorded.method, url: target.url, authorization: recorded.authorization, body: recorded.body,
      origin: `${state.scheme}://${req.headers.host ?? 'localhost'}`,
    });
    return renderReply(forLayout(state.layout, reply, target.url), startedAt);
  } catch (error) {
    // A bug in the demo must look like an AWX 500, not a dropped connection.
    console.error('demo AWX failed to answer', req.method, req.url, error);
    const body = JSON.stringify({ detail: 'A server error occurred.' });
    return { status: 500, headers: awxHeaders(false, startedAt), body };
  }
}

/** Answers for paths the controller does not own under the AAP layout: the platform's listing, or 404. */
function outsideController(kind: 'platform-root' | 'not-found'): ApiReply {
  const body = kind === 'platform-root' ? platformRoot() : { detail: 'Not found.' };
  return { status: kind === 'platform-root' ? 200 : 404, body, headers: {}, authenticated: false };
}

/**
 * The reply as the layout serves it: links and `Location` carry the API prefix, and the prefixed API
 * root has no `oauth2` entry (`ApiRootView` in `awx/api/views/root.py` omits it for prefixed requests).
 */
function forLayout(layout: DemoLayout, reply: ApiReply, url: string): ApiReply {
  if (layout === 'awx') return reply;
  const pathname = url.split('?', 1)[0];
  const listing = pathname === '/api/' || pathname === '/api/v2/';
  let body = outboundBody(layout, reply.body, listing);
  if (pathname === '/api/' && body && typeof body === 'object') {
    const { oauth2: _notUnderPrefix, ...rest } = body as Record<string, unknown>;
    body = rest;
  }
  const headers = { ...reply.headers };
  if (headers.Location) headers.Location = relocated(layout, headers.Location);
  return { ...reply, body, headers };
}

/** A `Location` (absolute, or a path for redirects) with its path moved below the prefix. */
function relocated(layout: DemoLayout, location: string): string {
  if (location.startsWith('/')) return outboundPath(layout, location);
  const url = new URL(location);
  return `${url.origin}${outboundPath(layout, url.pathname)}${url.search}`;
}

function tooLargeReply(startedAt: number): Rendered {
  const reply = { status: 413, body: { detail: 'Request body too large.' }, headers: {}, authenticated: false };
  return renderReply(reply, startedAt);
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
