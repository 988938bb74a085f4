/** What the gateway tracks about one HTTP request: its id, a logger bound to it, and its accounting. */
import type { Logger } from 'pino';
import type { UpstreamCall } from '../awx/client.js';

/** A client's own request id is kept only when it is short and plain (it goes into logs, headers and AWX). */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The header that carries the request id: read from the client, sent to AWX, returned in the response. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * How a GraphQL request turned out: no errors, data with errors, errors without data, or a query whose client
 * closed its connection before the answer was ready (answered with CLIENT_CLOSED_REQUEST alone).
 */
export type RequestOutcome = 'success' | 'partial' | 'error' | 'canceled';

/** One request as the gateway sees it while serving it. */
export interface RequestScope {
  requestId: string;
  /** The gateway logger bound to this request: every line written through it carries `fields`. */
  readonly log: Logger;
  /** What every line of the request carries: `requestId`, and the trace's ids once tracing bound them. */
  readonly fields: Readonly<Record<string, string>>;
  /** Adds fields to every later line of the request (tracing's trace and span ids). */
  bind(fields: Record<string, string>): void;
  /** `performance.now()` when the request was first seen. */
  started: number;
  upstreamCalls: UpstreamCall[];
  /** The request's path, once the gateway's own hooks see the request (yoga answers `/health` before them). */
  path?: string;
  /** The GraphQL operation's name, once the document is parsed. */
  operationName?: string;
  /** Set once a GraphQL result was produced; unset for non-GraphQL routes (GraphiQL, probes). */
  outcome?: RequestOutcome;
}

/** Finds the scope of a request, making it on first use. */
export type ScopeOf = (request: Request) => RequestScope;

/** The client's request id when it is plain, else a fresh UUID. */
export function requestIdFrom(headers: Headers): string {
  const sent = headers.get(REQUEST_ID_HEADER);
  return sent && REQUEST_ID.test(sent) ? sent : newRequestId();
}

/**
 * A fresh id (a UUID after `prefix`). Node joins `randomUUID()` from 21 pieces, and V8 keeps a joined string as
 * its pieces, about 480 bytes, until something reads it by index. An id lives as long as its request, and a
 * subscriber's or a watch's for hours: it is read once here, so it is kept as the 36 characters it is.
 */
export function newRequestId(prefix = ''): string {
  const id = `${prefix}${crypto.randomUUID()}`;
  id.charCodeAt(0);
  return id;
}

/** A scope whose logger is made when first used: most requests write no line of their own but the request line. */
class Scope implements RequestScope {
  started = performance.now();
  upstreamCalls: UpstreamCall[] = [];
  path?: string;
  operationName?: string;
  outcome?: RequestOutcome;
  fields: Record<string, string>;
  #log?: Logger;

  constructor(
    readonly requestId: string,
    private readonly parent: Logger,
  ) {
    this.fields = { requestId };
  }

  get log(): Logger {
    return (this.#log ??= this.parent.child(this.fields));
  }

  bind(fields: Record<string, string>): void {
    this.fields = { ...this.fields, ...fields };
    this.#log = undefined;
  }
}

/**
 * Scopes keyed by the request object and made on first use, so every hook and the GraphQL context
 * agree on one id, whichever of them runs first (yoga answers `/health` before user hooks run).
 */
export function createRequestScopes(logger: Logger): ScopeOf {
  const scopes = new WeakMap<Request, RequestScope>();
  return (request) => {
    let scope = scopes.get(request);
    if (!scope) {
      scope = new Scope(requestIdFrom(request.headers), logger);
      scopes.set(request, scope);
    }
    return scope;
  };
}
