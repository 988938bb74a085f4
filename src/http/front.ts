/**
 * What every HTTP request meets before the gateway: a well-formed `Host` the gateway answers to, a GraphQL
 * body read whole within its bounds, then admission control for every operation but subscriptions. Refusals
 * are the gateway's own JSON errors, each logged once; nothing here reaches AWX.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Admission } from '../admission.js';
import { readBoundedBody, type BodyLimits } from './body.js';
import { hostAllowed, parseHost, type HostPolicy } from './hosts.js';
import { requestsSubscription, type DocumentOf } from './operation.js';

/** What the front is built from. */
export interface FrontOptions {
  graphqlPath: string;
  hosts: HostPolicy;
  body: BodyLimits;
  logger: Logger;
  admission?: Admission;
  /** Persisted requests' text, so a subscription asked for by `documentId` or APQ hash is told from a query. */
  documentOf?: DocumentOf;
}

/** Liveness, readiness and metrics answer whatever the `Host`: orchestrators probe pods by address. */
const PROBES = new Set(['/health', '/readiness', '/metrics']);

/** A path with nothing to normalize (`/graphql`) is its own pathname: most requests skip building a URL. */
const PLAIN_PATH = /^(?:\/[\w~-][\w.~-]*)+$/;

/** The request target's path and query, as a URL would give them. */
function requestTarget(url = '/'): { pathname: string; searchParams: URLSearchParams } {
  return PLAIN_PATH.test(url) ? { pathname: url, searchParams: new URLSearchParams() } : new URL(url, 'http://gateway');
}

/** A GraphQL-shaped error body with `code`. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Answers with a GraphQL-shaped error; `close` also drops the connection (a body still arriving is not waited for). */
export function refuse(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  if (res.headersSent) return void res.destroy();
  const body = errorBody(code, message);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  res.end(body, () => {
    if (close) res.socket?.destroy();
  });
}

/** Why a request's `Host` is refused (400: malformed, 403: not one of ours), or undefined when it is fine. */
export function hostProblem(req: IncomingMessage, hosts: HostPolicy, path: string): { status: number; code: string; message: string } | undefined {
  const host = parseHost(req.headers.host);
  if (!host) return { status: 400, code: 'BAD_REQUEST', message: 'The Host header is missing or malformed.' };
  if (PROBES.has(path) || hostAllowed(hosts, host.hostname)) return undefined;
  const why = hosts.kind === 'list' ? hosts.why : 'ALLOWED_HOSTS';
  return { status: 403, code: 'HOST_NOT_ALLOWED', message: `This gateway does not answer to host "${host.hostname.slice(0, 100)}" (${why}).` };
}

/**
 * The body already read, as whatwg-node (under Yoga) takes a consumed request's `req.body`: an async iterable
 * with one own key. (A Buffer would do, but whatwg-node first lists its keys: one string per byte.) A class with a
 * plain iterator, not an async generator: a generator's promises and frames were 1.3% of a one-job query's busy time.
 */
class ReplayedBody implements AsyncIterable<Buffer> {
  constructor(readonly bytes: Buffer) {}

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    let sent = this.bytes.length === 0;
    return {
      next: () => {
        if (sent) return Promise.resolve({ done: true, value: undefined });
        sent = true;
        return Promise.resolve({ done: false, value: this.bytes });
      },
    };
  }
}

/** Wraps the gateway's listener with the checks above. */
export function frontListener(handler: RequestListener, options: FrontOptions): RequestListener {
  const { admission, logger } = options;
  return (req, res) => {
    const target = requestTarget(req.url);
    const problem = hostProblem(req, options.hosts, target.pathname);
    if (problem) {
      logger.warn({ status: problem.status, code: problem.code, host: String(req.headers.host ?? '') }, 'request refused before it ran');
      return refuse(res, problem.status, problem.code, problem.message);
    }
    // Yoga would also run GraphQL at `/graphql/`, at any path ending in `/graphql` and for any URL whose query
    // ends so: only the GraphQL path (with or without its slash) and the probes pass, so that no body skips the
    // bounds below and no operation skips admission.
    const graphql = target.pathname === options.graphqlPath || target.pathname === `${options.graphqlPath}/`;
    if (!graphql && !PROBES.has(target.pathname)) return refuse(res, 404, 'NOT_FOUND', `Nothing is served at this path: GraphQL is at ${options.graphqlPath}.`, req.method !== 'GET' && req.method !== 'HEAD');
    if (!graphql || req.method === 'OPTIONS') return handler(req, res);
    const dispatch = (body?: Buffer) => {
      if (!admission || requestsSubscription(body, target.searchParams, options.documentOf)) return handler(req, res);
      admission.run(req, res, handler);
    };
    if (req.method === 'GET' || req.method === 'HEAD') return dispatch();
    void readBoundedBody(req, options.body).then((read) => {
      if (!read.ok) {
        logger.warn({ status: read.status, bodyTimeoutMs: options.body.timeoutMs, maxBodyBytes: options.body.maxBytes }, 'request body refused');
        const message = read.status === 413 ? `The request body is larger than ${options.body.maxBytes} bytes (MAX_BODY_BYTES).` : `The request body did not arrive within ${options.body.timeoutMs} ms (BODY_TIMEOUT_MS).`;
        return refuse(res, read.status, read.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'REQUEST_TIMEOUT', message, true);
      }
      (req as IncomingMessage & { body?: unknown }).body = new ReplayedBody(read.body);
      dispatch(read.body);
    });
  };
}
