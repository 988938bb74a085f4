/** The one HTTP client of AWX: builds URLs, forwards the caller's credentials, reads and checks JSON. */
import { request, type Dispatcher } from 'undici';
import { AwxError, AwxResponseError, AwxTimeoutError, AwxUnavailableError, errorFromResponse } from './errors.js';

/** What every caller shares: where AWX is, how to reach it, and how long to wait. */
export interface AwxTransport {
  baseUrl: URL;
  dispatcher: Dispatcher;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** One finished upstream call, reported for logs and request accounting. */
export interface UpstreamCall {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
}

/** What belongs to one GraphQL request: its credentials, its cancellation, its accounting. */
export interface AwxCaller {
  authorization?: string;
  signal?: AbortSignal;
  requestId?: string;
  onCall?: (call: UpstreamCall) => void;
}

/** A path below `/api/v2/`: fixed resource names and integer ids only, so no client text becomes a path. */
export type AwxPath = ReadonlyArray<string | number>;

const SEGMENT = /^[a-z_]+$/;

/** Reads AWX on behalf of one caller. Never shared between callers: it holds their credentials. */
export class AwxClient {
  constructor(
    private readonly transport: AwxTransport,
    private readonly caller: AwxCaller,
  ) {}

  /** GET a JSON document; throws an AwxError for any HTTP error, bad body, timeout or network failure. */
  async getJson<T>(path: AwxPath, query?: URLSearchParams): Promise<T> {
    const url = this.urlFor(path, query);
    const started = performance.now();
    let status: number | null = null;
    try {
      const response = await this.send(url);
      status = response.statusCode;
      return parseResponse<T>(status, response.text);
    } finally {
      this.caller.onCall?.({ method: 'GET', path: url.pathname + url.search, status, durationMs: performance.now() - started });
    }
  }

  private urlFor(path: AwxPath, query?: URLSearchParams): URL {
    for (const segment of path) {
      const ok = typeof segment === 'number' ? Number.isSafeInteger(segment) && segment > 0 : SEGMENT.test(segment);
      if (!ok) throw new Error(`invalid AWX path segment ${JSON.stringify(segment)}`);
    }
    const url = new URL(this.transport.baseUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v2/${path.join('/')}/`;
    url.search = query?.toString() ?? '';
    return url;
  }

  /** Sends and reads the whole body under one deadline; redirects are not followed (they could leak credentials). */
  private async send(url: URL): Promise<{ statusCode: number; text: string }> {
    const timeout = AbortSignal.timeout(this.transport.timeoutMs);
    const signal = this.caller.signal ? AbortSignal.any([this.caller.signal, timeout]) : timeout;
    try {
      const response = await request(url, { method: 'GET', dispatcher: this.transport.dispatcher, headers: this.headers(), signal });
      const text = await readBody(response.body, this.transport.maxBodyBytes);
      return { statusCode: response.statusCode, text };
    } catch (error) {
      throw networkError(error, timeout.aborted, this.transport.timeoutMs);
    }
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'awx-graphql' };
    if (this.caller.authorization) headers.authorization = this.caller.authorization;
    if (this.caller.requestId) headers['x-request-id'] = this.caller.requestId;
    return headers;
  }
}

/** Reads a body to the end (so the connection can be reused), refusing more than `limit` bytes. */
async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new AwxResponseError(`AWX sent a response larger than ${limit} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseResponse<T>(status: number, text: string): T {
  let parsed: unknown;
  let parseFailed = false;
  try {
    parsed = text === '' ? null : JSON.parse(text);
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

/** Undici's failures, as timeouts or an unreachable AWX; the message names no host or credential. */
function networkError(error: unknown, timedOut: boolean, timeoutMs: number): AwxError {
  if (error instanceof AwxError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AwxTimeoutError(timeoutMs);
  }
  if ((error as Error | null)?.name === 'AbortError') return new AwxUnavailableError('request canceled by the caller');
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
    ENOTFOUND: 'host not found',
  };
  return new AwxUnavailableError(reasons[code] ?? (code.startsWith('ERR_TLS') || code.includes('CERT') ? 'TLS failure' : 'network error'));
}
