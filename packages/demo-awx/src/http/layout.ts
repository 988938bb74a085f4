/**
 * The demo's two API layouts. `awx`: AWX's own `/api/` and `/api/v2/`. `aap`: Ansible Automation Platform
 * 2.5+, where the platform gateway owns `/api/` and the controller answers below `/api/controller/` —
 * AWX's OPTIONAL_API_URLPATTERN_PREFIX (`awx/urls.py` get_urlpatterns(prefix), `awx/main/middleware.py`
 * OptionalURLPrefixPath): the same views, and every URL they return carries the prefix
 * (`awx/api/versioning.py` reverses through the prefixed URLconf).
 */

/** Which layout a demo serves. */
export type DemoLayout = 'awx' | 'aap';

/** AAP's controller prefix. */
export const AAP_PREFIX = '/api/controller';

/** What a raw request path reaches: an AWX view (at the path AWX's own URLconf would see), or another answer. */
export type Inbound = { url: string } | { answer: 'platform-root' | 'not-found' };

/** Maps a raw request target onto the AWX views; under `aap` only `/api/controller/…` reaches them. */
export function inbound(layout: DemoLayout, rawUrl: string): Inbound {
  if (layout === 'awx' || rawUrl.startsWith('/_demo/')) return { url: rawUrl };
  const queryAt = rawUrl.indexOf('?');
  const pathname = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  if (pathname === AAP_PREFIX || pathname.startsWith(`${AAP_PREFIX}/`)) return { url: `/api${rawUrl.slice(AAP_PREFIX.length)}` };
  if (pathname === '/api/' || pathname === '/api') return { answer: 'platform-root' };
  return { answer: 'not-found' };
}

/**
 * The platform gateway's own API root, standing in for AAP's: it is not the controller's listing (its
 * current version is not `…/v2/`), which is what a client looking for the controller must notice.
 */
export function platformRoot(): Record<string, unknown> {
  return { description: 'Ansible Automation Platform gateway API', current_version: '/api/gateway/v1/', available_versions: { v1: '/api/gateway/v1/' } };
}

const LINK_KEYS = new Set(['url', 'next', 'previous', 'current_version']);
const LINK_MAPS = new Set(['related', 'available_versions']);

/** An AWX path as AWX reverses it for a prefixed request: `/api/…` → `/api/controller/…`. */
export function outboundPath(layout: DemoLayout, path: string): string {
  if (layout === 'awx' || !path.startsWith('/api/')) return path;
  return `${AAP_PREFIX}${path.slice('/api'.length)}`;
}

/**
 * Rewrites the links in a JSON answer for the layout: `url`, `next`, `previous`, `current_version`, every
 * `related` and `available_versions` entry, and (for `/api/` and `/api/v2/` listings, `listing`) every value.
 * Other strings — names, descriptions, extra vars — are left alone, as AWX leaves them.
 */
export function outboundBody(layout: DemoLayout, body: unknown, listing = false): unknown {
  if (layout === 'awx') return body;
  return rewrite(body, listing, (path) => outboundPath(layout, path));
}

function rewrite(value: unknown, allStrings: boolean, map: (path: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, false, map));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') out[key] = allStrings || LINK_KEYS.has(key) ? map(item) : item;
    else out[key] = rewrite(item, LINK_MAPS.has(key), map);
  }
  return out;
}
