/** ALLOWED_HOSTS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS and MAX_BODY_BYTES from the environment. */
import { integer, type Env } from '../envParsers.js';
import { parseHost } from './hosts.js';

/** How requests must arrive; `createApp` takes it as its `http` option. */
export interface HttpLimits {
  /** Host names the gateway answers to (`*`: any); undefined: loopback only when it holds ambient authority, else any. */
  allowedHosts?: readonly string[];
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
}

/** Defaults: 10 s for the headers and 10 s for the body, 1 MiB of body. */
export const HTTP_DEFAULTS: HttpLimits = { headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, maxBodyBytes: 1_048_576 };

/**
 * ALLOWED_HOSTS: comma-separated host names (`graphql.example.com`), `.example.com` for a domain and its
 * subdomains, or `*` for any; undefined when unset. Ports are not part of it: the gateway's own port is the one
 * a request reached.
 */
export function allowedHosts(raw: string | undefined, problems: string[]): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
  for (const item of list) {
    const name = item.startsWith('.') ? item.slice(1) : item;
    const host = item === '*' ? { hostname: '*' } : parseHost(name);
    if (!host || (item !== '*' && host.hostname !== name)) {
      problems.push(`ALLOWED_HOSTS entries must be host names like graphql.example.com, .example.com or *, without a port, got "${item}"`);
    }
  }
  return list;
}

/** The HTTP limits, each defaulting to HTTP_DEFAULTS. */
export function httpLimits(env: Env, problems: string[]): HttpLimits {
  return {
    allowedHosts: allowedHosts(env.ALLOWED_HOSTS, problems),
    headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', HTTP_DEFAULTS.headersTimeoutMs, 1_000, 600_000, problems),
    bodyTimeoutMs: integer(env, 'BODY_TIMEOUT_MS', HTTP_DEFAULTS.bodyTimeoutMs, 100, 600_000, problems),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', HTTP_DEFAULTS.maxBodyBytes, 1_024, 100_000_000, problems),
  };
}
