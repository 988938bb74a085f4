/**
 * The connection doctor's first look at the controller: does anything answer HTTP at the base URL? Sends
 * no credentials and does not verify TLS (that is the next check's question), so a certificate problem
 * is not mistaken for an unreachable host.
 */
import { Agent, request } from 'undici';

/** Why a connection failed, in an operator's words. */
export type ConnectionFailure = 'refused' | 'dns' | 'timeout' | 'reset' | 'unreachable' | 'tls-handshake' | 'other';

/** What the base URL did: answered with some HTTP status, or failed to connect and why. */
export type HttpAnswer =
  | { answered: true; status: number; path: string; ms: number }
  | { answered: false; failure: ConnectionFailure; code: string };

const FAILURES: Record<string, ConnectionFailure> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  TimeoutError: 'timeout',
  AbortError: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EPROTO: 'tls-handshake',
};

/** The most telling code of a connection error: its own, its cause's, or the first of several addresses tried. */
export function errorCode(error: unknown): string {
  const candidates = [error, (error as { cause?: unknown })?.cause, (error as { errors?: unknown[] })?.errors?.[0]];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code !== '') return code;
  }
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'unknown';
}

/** The kind of a connection failure, from its error code. */
export function connectionFailure(code: string): ConnectionFailure {
  if (FAILURES[code]) return FAILURES[code];
  return code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') ? 'tls-handshake' : 'other';
}

/** GETs `<base URL>/api/` once, without credentials, and tells whether any HTTP answer came within `timeoutMs`. */
export async function probeHttp(baseUrl: URL, timeoutMs: number): Promise<HttpAnswer> {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/`;
  url.search = '';
  // Trust is not this probe's question: it only asks whether the host speaks HTTP(S) at all.
  const agent = new Agent({ connect: { rejectUnauthorized: false, timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const started = performance.now();
  try {
    const response = await request(url, {
      method: 'GET', dispatcher: agent, signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json', 'user-agent': 'awx-graphql-doctor' },
    });
    await response.body.dump();
    return { answered: true, status: response.statusCode, path: url.pathname, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const code = errorCode(error);
    return { answered: false, failure: connectionFailure(code), code };
  } finally {
    await agent.destroy();
  }
}
