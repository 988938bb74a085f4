/** The shape of a corpus request, and helpers the generators share. */

/** One HTTP request to /graphql, as sent. */
export interface HostileRequest {
  /** `category: detail`; the category (before the colon) groups the summary. */
  name: string;
  method: string;
  /** Raw query string for the URL (no leading `?`), sent as is. */
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** A POST of `{ query, variables, ... }` as JSON, the way ordinary clients send it. */
export function post(name: string, query: unknown, variables?: unknown, extra: Record<string, unknown> = {}): HostileRequest {
  return {
    name,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, ...extra }),
  };
}

/** A raw body with the given content type. */
export function raw(name: string, contentType: string | undefined, body: string | Uint8Array<ArrayBuffer>, method = 'POST'): HostileRequest {
  return { name, method, headers: contentType === undefined ? {} : { 'content-type': contentType }, body };
}

/** A small seeded PRNG (mulberry32), so "random" mutations are the same on every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
