import { STATUS_CODES } from 'node:http';
import type { Fault } from '../faults.js';
import type { ApiReply } from './api.js';
import { ACTIVE_NODE, AWX_VERSION } from './public-views.js';

/** Serializes replies into status, headers and body bytes, with the headers AWX adds to every response. */

/** A response ready to write. */
export interface Rendered {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** AWX's own headers; the product version only goes to authenticated callers. */
export function awxHeaders(authenticated: boolean, startedAt: number): Record<string, string> {
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    'Content-Type': 'application/json',
    Vary: 'Accept',
    'X-API-Product-Name': 'AWX',
    ...(authenticated ? { 'X-API-Product-Version': AWX_VERSION } : {}),
    'X-API-Node': ACTIVE_NODE,
    'X-API-Time': `${seconds.toFixed(3)}s`,
  };
}

/** A normal answer: compact JSON like DRF's renderer; redirects, 202 and 204 have an empty body. */
export function renderReply(reply: ApiReply, startedAt: number): Rendered {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers = { ...awxHeaders(reply.authenticated, startedAt), ...reply.headers };
  // Django's redirects are HTML; DRF drops the content type of an empty answer (202, 204).
  if (reply.body === undefined && reply.status >= 300) headers['Content-Type'] = 'text/html; charset=utf-8';
  else if (reply.body === undefined) delete headers['Content-Type'];
  return { status: reply.status, headers: withLength(headers, body), body };
}

/** An injected status: the given body (a string is sent raw, e.g. a proxy's HTML) or `{"detail": reason}`. */
export function renderStatusFault(fault: Extract<Fault, { type: 'status' }>): Rendered {
  const raw = typeof fault.body === 'string';
  const body = raw ? (fault.body as string) : JSON.stringify(fault.body ?? { detail: STATUS_CODES[fault.status] ?? 'Error' });
  const headers = { 'Content-Type': raw ? 'text/html; charset=utf-8' : 'application/json', ...fault.headers };
  return { status: fault.status, headers: withLength(headers, body), body };
}

function withLength(headers: Record<string, string>, body: string): Record<string, string> {
  return { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
}
