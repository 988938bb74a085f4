/** Failures of AWX calls, one class per kind, each with a stable `code` (translated in src/errors.ts). */

/** Stable codes of upstream failures, as clients see them in `extensions.code`. */
export type AwxErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_OVERLOADED'
  | 'TOO_MANY_AWX_CALLS';

/** Base of every AWX failure; `message` is safe to show (no credentials, no upstream URL). */
export class AwxError extends Error {
  override name = 'AwxError';
  constructor(
    readonly code: AwxErrorCode,
    message: string,
    readonly status?: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** AWX answered with an HTTP error status. */
export class AwxHttpError extends AwxError {
  override name = 'AwxHttpError';
}

/** AWX answered 2xx with a body that is not the JSON it should be. */
export class AwxResponseError extends AwxError {
  override name = 'AwxResponseError';
  constructor(message: string, status?: number) {
    super('UPSTREAM_ERROR', message, status);
  }
}

/** AWX did not answer within the request's deadline. */
export class AwxTimeoutError extends AwxError {
  override name = 'AwxTimeoutError';
  /** `operationMs`: the GraphQL operation's whole AWX budget (OPERATION_TIMEOUT_MS) ran out, not one call's. */
  constructor(timeoutMs: number, operationMs?: number) {
    super('UPSTREAM_TIMEOUT', operationMs === undefined
      ? `AWX did not answer within ${timeoutMs} ms.`
      : `AWX did not answer within the operation's deadline: ${operationMs} ms for all its AWX calls (OPERATION_TIMEOUT_MS).`);
  }
}

/** AWX could not be reached: connection refused, reset, DNS or TLS failure. */
export class AwxUnavailableError extends AwxError {
  override name = 'AwxUnavailableError';
  constructor(reason: string) {
    super('UPSTREAM_UNAVAILABLE', `AWX is unreachable (${reason}).`);
  }
}

/** AWX failed repeatedly, so the circuit breaker fails calls fast until its cool-down ends. */
export class AwxCircuitOpenError extends AwxError {
  override name = 'AwxCircuitOpenError';
  constructor(retryInMs: number) {
    super('UPSTREAM_UNAVAILABLE', `AWX is unavailable: too many recent failures; retrying in ${Math.max(1, Math.ceil(retryInMs / 1000))}s.`);
  }
}

/** The gateway already has as many AWX requests running and waiting as it allows. */
export class AwxOverloadedError extends AwxError {
  override name = 'AwxOverloadedError';
  constructor(maxConcurrent: number, maxQueue: number) {
    super('UPSTREAM_OVERLOADED', `The gateway is at capacity (${maxConcurrent} AWX requests running, ${maxQueue} waiting); retry shortly.`);
  }
}

const STATUS_CODES: Record<number, AwxErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  // AWX answers 405 to an action the object's state no longer allows (e.g. cancel of a finished job).
  405: 'CONFLICT',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

const STATUS_MESSAGES: Partial<Record<AwxErrorCode, string>> = {
  UNAUTHENTICATED: 'AWX did not accept the credentials: send an Authorization header with a valid AWX Bearer token or Basic user.',
  FORBIDDEN: 'AWX refused the request: the caller lacks permission.',
  NOT_FOUND: 'AWX has no such resource, or the caller may not see it.',
  RATE_LIMITED: 'AWX is rate-limiting this caller; retry later.',
};

/** What a write asked AWX to do, so its refusals can say so in the caller's terms. */
export interface AwxAction {
  /** The request as a verb phrase, e.g. `cancel workflow job 5`. */
  what: string;
  /** The message of a 405: AWX's own text names only the HTTP method, not why the object's state forbids it. */
  notAllowed?: string;
  /** Added to a 403's message where AWX also answers 403 for a state conflict (a finished job's cancel). */
  forbiddenHint?: string;
  /** AWX body field → the client's input name, for the `fieldErrors` of a 400. */
  fieldNames?: Readonly<Record<string, string>>;
}

/** Maps an AWX error response (status and parsed body, and the write it answered) onto a typed error; the one place that does. */
export function errorFromResponse(status: number, body: unknown, action?: AwxAction): AwxHttpError {
  const code = STATUS_CODES[status] ?? 'UPSTREAM_ERROR';
  if (status === 405 && action?.notAllowed) return new AwxHttpError(code, action.notAllowed, status);
  const fieldErrors = code === 'BAD_USER_INPUT' ? renamed(fieldErrorsOf(body), action?.fieldNames) : undefined;
  const detail = detailOf(body, fieldErrors);
  let message: string;
  if (code === 'BAD_USER_INPUT') message = `AWX rejected the request: ${detail ?? 'bad request'}`;
  else if (code === 'FORBIDDEN' && detail) message = `AWX refused the request: ${detail}`;
  else if (code === 'CONFLICT') message = `AWX reported a conflict: ${detail ?? 'conflict'}`;
  else message = STATUS_MESSAGES[code] ?? `AWX failed with HTTP ${status}.`;
  if (action) {
    const hint = code === 'FORBIDDEN' && action.forbiddenHint ? ` ${action.forbiddenHint}` : '';
    message = `Could not ${action.what}: ${message}${hint}`;
  }
  return new AwxHttpError(code, message, status, fieldErrors && { fieldErrors });
}

/** Field errors under the client's names where the action knows them (AWX's own name otherwise). */
function renamed(fields: Record<string, unknown> | undefined, names: Readonly<Record<string, string>> | undefined): Record<string, unknown> | undefined {
  if (!fields || !names) return fields;
  const out: Record<string, unknown> = {};
  for (const [field, errors] of Object.entries(fields)) {
    const name = names[field] ?? field;
    out[name] = out[name] === undefined ? errors : [out[name], errors].flat();
  }
  return out;
}

/** AWX's DRF bodies carry `detail` (or `error` for 409 conflicts); keep it short and plain. */
function detailOf(body: unknown, fields = fieldErrorsOf(body)): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const text = record.detail ?? record.error;
  if (typeof text === 'string') return text.slice(0, 500);
  return fields ? Object.entries(fields).map(([k, v]) => `${k}: ${[v].flat().join(' ')}`).join('; ').slice(0, 500) : undefined;
}

/**
 * DRF validation bodies are `{field: ["message", …]}`; `__all__` holds non-field errors. AWX's launch
 * validation also sends a bare string per field (`{"inventory": "The provided inventory is being deleted."}`).
 */
function fieldErrorsOf(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body as Record<string, unknown>).filter(([k]) => k !== 'detail' && k !== 'error');
  const lists = entries.flatMap(([k, v]) => (Array.isArray(v) ? [[k, v]] : typeof v === 'string' ? [[k, [v]]] : []));
  return lists.length > 0 ? Object.fromEntries(lists) : undefined;
}

/** The operation has made as many AWX calls as MAX_AWX_CALLS allows; the rest of its fields are not read. */
export class AwxCallLimitError extends AwxError {
  override name = 'AwxCallLimitError';
  constructor(limit: number) {
    super('TOO_MANY_AWX_CALLS', `This operation has made ${limit} AWX calls, the limit (MAX_AWX_CALLS): select fields AWX leaves out of list rows on fewer items, or split the query.`, undefined, { limit });
  }
}
