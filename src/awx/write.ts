/** The shapes of one AWX exchange, and how a write's answer is read (AWX acknowledges some writes with no body). */
import type { IncomingHttpHeaders } from 'node:http';
import { errorFromResponse, type AwxAction } from './errors.js';
import { parseBody } from './repeatAnswers.js';
import { parseResponse } from './response.js';

/** The methods of AWX's actions this gateway sends; reads are GET. */
export type WriteMethod = 'POST' | 'DELETE';

/** Where a request goes: AWX's origin (`https://awx.example.com`) and the path with its query. */
export interface Target {
  origin: string;
  path: string;
}

/** A request as sent: its method, where it goes and any JSON body text. */
export interface Outgoing extends Target {
  method: 'GET' | WriteMethod;
  body?: string;
  /** A read's last answer, when kept: an answer equal to it is not copied again (src/awx/answerReader.ts). */
  lastAnswer?: Buffer;
}

/** An answer read in full: AWX's status, headers (for Retry-After) and body bytes. */
export interface Answer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a write sends besides its path: a JSON body, and the action its refusals should name. */
export interface WriteOptions {
  body?: unknown;
  action?: AwxAction;
}

/**
 * A write's result: null for a 2xx with no body (cancel's 202, delete's 204), AWX's JSON object for one
 * with a body (relaunch's and launch's 201), and for any other status the typed refusal naming `action`.
 */
export function parseWriteAnswer<T>(status: number, body: Buffer, action?: AwxAction): T | null {
  const ok = status >= 200 && status < 300;
  if (ok && body.toString('utf8').trim() === '') return null;
  if (ok) return parseResponse<T>(status, body);
  throw errorFromResponse(status, jsonOrUndefined(body), action);
}

/** AWX's error body, when it is JSON (a proxy's HTML error page is not). */
function jsonOrUndefined(body: Buffer): unknown {
  try {
    return parseBody(body);
  } catch {
    return undefined;
  }
}
