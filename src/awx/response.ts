/** How AWX's answers and undici's failures become results or typed errors (the client's reading half). */
import type { BreakerOutcome } from './breaker.js';
import {
  AwxError,
  AwxHttpError,
  AwxResponseError,
  AwxTimeoutError,
  AwxUnavailableError,
  errorFromResponse,
} from './errors.js';
import { parseBody } from './repeatAnswers.js';

/**
 * The JSON document of a 2xx answer, read by `read` (a repeated answer's kept document, or a fresh parse); any
 * other answer, or a body that is not a JSON object, throws.
 */
export function parseResponse<T>(status: number, body: Buffer, read: (body: Buffer) => unknown = parseBody): T {
  let parsed: unknown;
  let parseFailed = false;
  try {
    parsed = body.length === 0 ? null : status >= 200 && status < 300 ? read(body) : parseBody(body);
  } catch {
    parseFailed = true;
  }
  if (status >= 200 && status < 300) {
    if (parseFailed || parsed === null || typeof parsed !== 'object') {
      throw new AwxResponseError('AWX sent a response that is not valid JSON.', status);
    }
    return parsed as T;
  }
  throw errorFromResponse(status, parsed);
}

/** How the request's deadline signal ended, if it did. */
export interface AbortCause {
  /** The per-request deadline passed. */
  timedOut: boolean;
  /** The caller went away (the GraphQL request was aborted). */
  canceled: boolean;
}

/** Undici's failures, as timeouts or an unreachable AWX; the message names no host or credential. */
export function networkError(error: unknown, cause: AbortCause, timeoutMs: number): AwxError {
  if (error instanceof AwxError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (cause.timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AwxTimeoutError(timeoutMs);
  }
  if (cause.canceled || (error as Error | null)?.name === 'AbortError') return new AwxUnavailableError('request canceled by the caller');
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
    ENOTFOUND: 'host not found',
  };
  return new AwxUnavailableError(reasons[code] ?? (code.startsWith('ERR_TLS') || code.includes('CERT') ? 'TLS failure' : 'network error'));
}

/** What a failed call tells the circuit breaker: only AWX's own failures count against it. */
export function breakerOutcome(error: AwxError, cause: AbortCause): BreakerOutcome {
  if (cause.canceled && !cause.timedOut) return 'neutral';
  if (error instanceof AwxTimeoutError || error instanceof AwxUnavailableError) return 'failure';
  if (error instanceof AwxHttpError) return (error.status ?? 0) >= 500 ? 'failure' : 'success';
  // The gateway at capacity, or a 2xx body too large or not JSON (AWX did answer): nothing about AWX's health.
  return 'neutral';
}
