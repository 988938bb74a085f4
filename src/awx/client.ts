/** The one HTTP client of AWX: builds URLs, forwards the caller's credentials, reads and checks JSON, sends writes once. */
import * as crypto from 'node:crypto';
import type { Dispatcher } from 'undici';
import { versionedPath, type ApiLocator } from './apiLayout.js';
import type { CircuitBreaker } from './breaker.js';
import { AwxError, AwxTimeoutError, errorFromResponse } from './errors.js';
import type { ConcurrencyLimiter } from './limiter.js';
import { breakerOutcome, networkError, parseResponse } from './response.js';
import { takeCall, type OperationBudget } from './operationBudget.js';
import { startDeadline, type AbortLike, type Deadline } from './deadline.js';
import { readAnswer } from './answerReader.js';
import type { RepeatAnswers } from './repeatAnswers.js';
import { withRetries, type RetryPolicy } from './retry.js';
import type { AwxCallTracer } from './tracing.js';
import { parseWriteAnswer, type Answer, type Outgoing, type Target, type WriteMethod, type WriteOptions } from './write.js';

/** What every caller shares: where AWX is, how to reach it, how long to wait, and how to spare it. */
export interface AwxTransport {
  /** The controller's URL as configured (AWX_URL / CONTROLLER_HOST), possibly with a path of its own. */
  baseUrl: URL;
  /** Where below `baseUrl` the API lives: `/api/` (AWX) or `/api/controller/` (AAP 2.5+), configured or discovered. */
  api: ApiLocator;
  dispatcher: Dispatcher;
  /** Deadline of one read, its retries and any wait for a slot included. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** Retries of transient failures (502/503/504, connection resets). */
  retry: RetryPolicy;
  /** Fails calls fast while AWX keeps failing. */
  breaker: CircuitBreaker;
  /** Caps the AWX requests in flight, with a bounded queue. */
  limiter: ConcurrencyLimiter;
  /** The TLS settings of the pool (AWX_CA_FILE, AWX_INSECURE_TLS), for AWX's websocket, which does not go through it. */
  tls?: { ca?: Buffer; rejectUnauthorized?: boolean };
  /** The last answers of recent reads, per credential, so an answer repeated byte for byte is not parsed again. */
  answers?: RepeatAnswers;
}

/** One finished upstream call (one attempt: each retry is a call of its own), reported for logs and request accounting. */
export interface UpstreamCall {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  /** The AwxError code when the call failed (e.g. UPSTREAM_TIMEOUT when AWX never answered). */
  error?: string;
  /** 1 for the first attempt of a read, 2 and up for its retries. */
  attempt?: number;
  /** True when the caller went away (or its deadline passed) before AWX answered: not AWX's fault. */
  canceled?: boolean;
}

/** What belongs to one GraphQL request: its credentials, its cancellation, its accounting. */
export interface AwxCaller {
  authorization?: string;
  /** The caller's disconnect (src/http/callerSignal.ts): its reads stop when it aborts. */
  signal?: AbortLike;
  requestId?: string;
  onCall?: (call: UpstreamCall) => void;
  /** At most this many retries for this caller (e.g. 0 for a health probe); the transport's policy caps it. */
  retries?: number;
  /** What the GraphQL operation may spend on AWX, all its calls together (OPERATION_TIMEOUT_MS, MAX_AWX_CALLS). */
  operation?: OperationBudget;
  /** Traces each attempt and passes the trace on to AWX; unset when tracing is off. */
  tracer?: AwxCallTracer;
}


/** A path below the versioned API (`/api/v2/` or `/api/controller/v2/`): fixed resource names and integer ids only, so no client text becomes a path. */
export type AwxPath = ReadonlyArray<string | number>;

const SEGMENT = /^[a-z_]+$/;
/** `/api/`, `/api/controller/`, `/custom/prefix/`: slash-separated plain segments, none of them `.` or `..`. */
const API_PATH = /^(\/(?!\.\.?\/)[A-Za-z0-9._~-]+)+\/$/;

/**
 * SHA-256 in base64, by Node's one-shot `hash` (20.12 and later) where there is one: making a hash object for each
 * request's credential was 2.7% of a one-job query's CPU under load, the one-shot digest 1.5% (bench/analysis.ts).
 */
const sha256 = (text: string): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', text, 'base64') : crypto.createHash('sha256').update(text).digest('base64');

/** Reads AWX on behalf of one caller. Never shared between callers: it holds their credentials. */
export class AwxClient {
  /** The caller's credential as a key of `transport.answers`: a digest, so no credential is kept after the request. */
  private fingerprint?: string;

  constructor(
    private readonly transport: AwxTransport,
    private readonly caller: AwxCaller,
  ) {}

  /**
   * GET a JSON document; throws an AwxError for any HTTP error, bad body, timeout or network failure.
   * Transient failures are retried within the deadline; the breaker and the concurrency cap may refuse it.
   */
  async getJson<T>(path: AwxPath, query?: URLSearchParams): Promise<T> {
    const retries = Math.min(this.caller.retries ?? Infinity, this.transport.retry.retries);
    const { answers } = this.transport;
    const key = answers && `${this.credentialFingerprint()} ${path.join('/')}?${query?.toString() ?? ''}`;
    const answer = await this.exchange('GET', (signal) => this.urlFor(signal, path, query), undefined, retries, key === undefined ? undefined : answers?.lastAnswer(key));
    if (!answers || key === undefined) return parseResponse<T>(answer.statusCode, answer.body);
    return parseResponse<T>(answer.statusCode, answer.body, (body) => answers.parse(key, body));
  }

  private credentialFingerprint(): string {
    return (this.fingerprint ??= sha256(this.caller.authorization ?? ''));
  }

  /**
   * GET an API root listing below the base URL: one discovery tries (`/api/`, `/api/controller/`) or the
   * configured one (CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX); plain path segments only, never client text.
   */
  async getListing<T>(apiPath: string): Promise<T> {
    if (!API_PATH.test(apiPath)) throw new Error(`invalid AWX API path ${JSON.stringify(apiPath)}`);
    const { baseUrl } = this.transport;
    const target = { origin: baseUrl.origin, path: `${baseUrl.pathname.replace(/\/+$/, '')}${apiPath}` };
    const answer = await this.exchange('GET', async () => target, undefined, Math.min(this.caller.retries ?? Infinity, this.transport.retry.retries));
    return parseResponse<T>(answer.statusCode, answer.body);
  }

  /**
   * POST (with an optional JSON body) or DELETE, sent exactly once: AWX may have acted on a write whose
   * answer was lost, so writes are never retried. The breaker, the concurrency cap and the deadline apply
   * as to reads. Resolves with AWX's JSON answer, or null for a 2xx with no body (202, 204).
   */
  async write<T>(method: WriteMethod, path: AwxPath, options: WriteOptions = {}): Promise<T | null> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const answer = await this.exchange(method, (signal) => this.urlFor(signal, path), body, 0);
    return parseWriteAnswer<T>(answer.statusCode, answer.body, options.action);
  }

  /**
   * Sends one request (and its retries, for reads) under one deadline, and tells the breaker how AWX did.
   * The URL is built once the API path is known: waiting for discovery counts against the deadline.
   */
  private async exchange(method: Outgoing['method'], target: (signal: AbortLike) => Promise<Target>, body: string | undefined, retries: number, lastAnswer?: Buffer): Promise<Answer> {
    const { timeoutMs, shortened } = takeCall(this.transport.timeoutMs, this.caller.operation);
    const deadline = startDeadline(timeoutMs, this.caller.signal);
    try {
      return await this.exchangeWithin(deadline, { timeoutMs, shortened }, method, target, { body, lastAnswer }, retries);
    } finally {
      deadline.end();
    }
  }

  /** The exchange under its deadline (`budget`: the time this call was given, and whether the operation's budget cut it). */
  private async exchangeWithin(deadline: Deadline, budget: { timeoutMs: number; shortened: boolean }, method: Outgoing['method'], target: (signal: AbortLike) => Promise<Target>, request: Pick<Outgoing, 'body' | 'lastAnswer'>, retries: number): Promise<Answer> {
    const outgoing: Outgoing = { method, ...(await target(deadline.signal)), ...request };
    const settle = await this.transport.breaker.enter(deadline.signal);
    let answer: Answer;
    try {
      answer = await withRetries(
        { method: outgoing.method, policy: { ...this.transport.retry, retries }, signal: deadline.signal, remainingMs: deadline.remainingMs },
        (retry) => this.attempt(outgoing, deadline, retry + 1),
        (sent) => ({ status: sent.statusCode, headers: sent.headers }),
      );
    } catch (error) {
      const failure = networkError(error, deadline, this.transport.timeoutMs);
      // A call cut short by the operation's budget timed out for that reason: it says nothing of AWX's health.
      if (budget.shortened && failure instanceof AwxTimeoutError) {
        settle('neutral');
        throw new AwxTimeoutError(budget.timeoutMs, this.caller.operation!.timeoutMs);
      }
      settle(breakerOutcome(failure, deadline));
      throw failure;
    }
    settle(answer.statusCode >= 500 ? 'failure' : 'success');
    return answer;
  }

  /**
   * Where `path` is below the versioned API (`/api/v2/` or `/api/controller/v2/`), once its layout is known. Built
   * as text: the base URL's path is already in its written form and the segments are checked plain names and ids.
   */
  private async urlFor(signal: AbortLike, path: AwxPath, query?: URLSearchParams): Promise<Target> {
    for (const segment of path) {
      const ok = typeof segment === 'number' ? Number.isSafeInteger(segment) && segment > 0 : SEGMENT.test(segment);
      if (!ok) throw new Error(`invalid AWX path segment ${JSON.stringify(segment)}`);
    }
    const layout = await this.transport.api.require(signal);
    const search = query?.toString() ?? '';
    const { baseUrl } = this.transport;
    return { origin: baseUrl.origin, path: `${versionedPath(baseUrl, layout)}${path.join('/')}/${search === '' ? '' : `?${search}`}` };
  }

  /** One attempt: waits for a slot (not reported: AWX saw nothing), sends, reads, and reports the call. */
  private async attempt(outgoing: Outgoing, deadline: Deadline, attempt: number): Promise<Answer> {
    const { method, origin, path } = outgoing;
    const release = await this.transport.limiter.acquire(deadline.signal);
    const started = performance.now();
    const span = this.caller.tracer?.start(method, new URL(path, origin), attempt);
    let status: number | null = null;
    let error: string | undefined;
    try {
      const answer = await this.send(outgoing, deadline.signal, span?.headers);
      status = answer.statusCode;
      if (status >= 300) error = errorFromResponse(status, null).code;
      return answer;
    } catch (failure) {
      error = failure instanceof AwxError ? failure.code : networkError(failure, deadline, this.transport.timeoutMs).code;
      throw failure;
    } finally {
      release();
      const canceled = status === null && deadline.canceled ? true : undefined;
      const call: UpstreamCall = { method, path, status, durationMs: performance.now() - started, error, attempt, canceled };
      span?.end(call);
      this.caller.onCall?.(call);
    }
  }

  /** Sends and reads the whole body; redirects are not followed (they could leak credentials). */
  private send({ method, origin, path, body, lastAnswer }: Outgoing, signal: AbortLike, trace?: Record<string, string>): Promise<Answer> {
    const headers: Record<string, string> = { ...trace, accept: 'application/json', 'user-agent': 'awx-graphql' };
    if (this.caller.authorization) headers.authorization = this.caller.authorization;
    if (this.caller.requestId) headers['x-request-id'] = this.caller.requestId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return readAnswer(this.transport.dispatcher, { origin, path, method, body, headers }, this.transport.maxBodyBytes, signal, lastAnswer);
  }
}
