/**
 * Retries of idempotent AWX reads: which failures are worth another attempt, and how long to wait first.
 *
 * A loop of our own rather than undici's `interceptors.retry`: that interceptor's backoff has no jitter, its
 * waits (Retry-After included) are capped by `maxTimeout` but know nothing of the request's deadline, its
 * attempts are invisible to the per-request accounting, and it hides the final 5xx body behind a
 * `RequestRetryError`. Here every attempt is a full `request()` under the one deadline signal, reported on
 * its own, and a wait that would end past the deadline is not started: the last failure is returned instead.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AbortLike } from './deadline.js';

/** How many times, and how patiently, a failed read is tried again. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retrying). */
  retries: number;
  /** Backoff before the first retry; doubled for each further one, then jittered. */
  baseDelayMs: number;
  /** Longest backoff (a Retry-After hint is honoured as sent, the deadline permitting). */
  maxDelayMs: number;
  /** Source of jitter, in [0, 1); replaceable in tests. */
  random?: () => number;
}

/** The defaults: two retries after roughly 100 ms and 200 ms (one for a 500). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 2_000 };

/** Methods safe to send twice; writes are never retried, since AWX may have acted on the first one. */
export const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);
/** Answers of a proxy or an AWX that is restarting, retried as often as the policy allows. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
/**
 * AWX's own 500, retried once. A 500 from AWX is often transient — a database connection dropped, a worker
 * recycled or killed mid-request under load — and a read is safe to repeat; a 500 that is a bug for one object
 * fails again, and then costs one more call, not a loop.
 */
export const RETRIED_ONCE_STATUSES: ReadonlySet<number> = new Set([500]);
/** A connection that broke under the request, often a keep-alive socket AWX's proxy had just closed. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);

/** A retry is not started unless at least this much of the deadline would remain for it. */
export const MIN_ATTEMPT_MS = 50;

/** How one attempt ended: AWX's status and headers, or the error it was thrown with. */
export type AttemptOutcome = { status: number; headers: IncomingHttpHeaders } | { error: unknown };

/** Reads a Retry-After value (delay seconds or an HTTP date) as milliseconds from `now`; undefined if unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so retries spread out. */
export function backoffMs(retry: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return step / 2 + (policy.random ?? Math.random)() * (step / 2);
}

/**
 * The wait before retry number `retry` (0-based), or undefined when the outcome must stand: a write, a
 * success or a non-transient failure, no retries left, or a wait that would not leave MIN_ATTEMPT_MS
 * of the `remainingMs` deadline for the next attempt.
 */
export function retryDelay(method: string, outcome: AttemptOutcome, retry: number, policy: RetryPolicy, remainingMs: number): number | undefined {
  if (!RETRYABLE_METHODS.has(method.toUpperCase()) || retry >= policy.retries) return undefined;
  let hinted: number | undefined;
  if ('error' in outcome) {
    const code = (outcome.error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !RETRYABLE_ERROR_CODES.has(code)) return undefined;
  } else {
    const once = RETRIED_ONCE_STATUSES.has(outcome.status) && retry === 0;
    if (!RETRYABLE_STATUSES.has(outcome.status) && !once) return undefined;
    hinted = parseRetryAfter(outcome.headers['retry-after']);
  }
  const delay = hinted ?? backoffMs(retry, policy);
  return delay + MIN_ATTEMPT_MS <= remainingMs ? delay : undefined;
}

/** What `withRetries` needs to know about the request it repeats. */
export interface RetryScope {
  method: string;
  policy: RetryPolicy;
  /** Ends the waits between attempts (the caller's disconnect or the deadline). */
  signal: AbortLike;
  /** Milliseconds left before the request's deadline. */
  remainingMs: () => number;
}

/**
 * Runs `attempt` until its outcome is not worth retrying, waiting as `retryDelay` says in between.
 * Resolves with the last result or rejects with the last error; `outcomeOf` tells a result's status.
 */
export async function withRetries<R>(scope: RetryScope, attempt: (retry: number) => Promise<R>, outcomeOf: (result: R) => AttemptOutcome): Promise<R> {
  for (let retry = 0; ; retry++) {
    let result: { value: R } | undefined;
    let outcome: AttemptOutcome;
    try {
      result = { value: await attempt(retry) };
      outcome = outcomeOf(result.value);
    } catch (error) {
      outcome = { error };
    }
    const delay = retryDelay(scope.method, outcome, retry, scope.policy, scope.remainingMs());
    if (delay === undefined) {
      if (result) return result.value;
      throw (outcome as { error: unknown }).error;
    }
    await sleep(delay, scope.signal);
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortLike): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
