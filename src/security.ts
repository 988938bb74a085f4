/** Browser safety: a CORS allowlist, and CSRF prevention for cross-site browser requests. */
import type { CORSOptions, Plugin } from 'graphql-yoga';
import { hostAllowed, parseHost, type HostPolicy } from './http/hosts.js';

/** Which browser origins may call the gateway from their pages (CORS_ORIGINS), and the hosts it answers to. */
export interface BrowserPolicy {
  allowedOrigins: readonly string[];
  /** ALLOWED_HOSTS (or loopback only with ambient authority): a same-origin page must be served from one of them. */
  hosts?: HostPolicy;
}

/**
 * CORS answers only for allowlisted origins; any other origin gets no CORS headers, so browsers keep
 * its pages from reading responses. (Yoga's default would reflect every origin, with credentials.)
 */
export function corsFor(policy: BrowserPolicy): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !policy.allowedOrigins.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'graphql-require-preflight'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * The origin a request was sent from, when a browser says (`Origin`, or `Sec-Fetch-Site` for same-origin GETs);
 * null for a same-origin request. Same origin is not taken from `Host` alone: under DNS rebinding a hostile page
 * sends its own name as both `Host` and `Origin`, so the name must also be one the gateway answers to.
 */
export function crossSiteOrigin(request: Request, hosts: HostPolicy = { kind: 'any' }): string | null {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (origin) return sameOrigin(request, origin, hosts) ? null : origin;
  if (site === 'same-origin' || site === 'none') return null;
  return site === 'cross-site' || site === 'same-site' ? 'unknown' : null;
}

function sameOrigin(request: Request, origin: string, hosts: HostPolicy): boolean {
  if (new URL(request.url).origin !== origin) return false;
  const host = parseHost(new URL(origin).host);
  return host !== undefined && hostAllowed(hosts, host.hostname);
}

/**
 * CSRF prevention: a browser request from another site, not on the allowlist, is refused with 403
 * before anything runs, whatever its method or content type (a "simple" GET or form POST needs no
 * preflight, so CORS alone would not stop it from acting with ambient credentials such as AWX_TOKEN).
 * Requests without browser headers (curl, servers, the GraphQL-over-HTTP audit) are not affected.
 */
export function useCsrfPrevention(policy: BrowserPolicy): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const origin = crossSiteOrigin(request, policy.hosts);
      if (origin === null || policy.allowedOrigins.includes(origin)) return;
      const body = { errors: [{ message: 'Cross-site browser requests are refused: this origin is not in CORS_ORIGINS.', extensions: { code: 'CSRF_REJECTED' } }] };
      endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    },
  };
}
