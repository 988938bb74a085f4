/** Reading through the cross-request cache: cached ids are served, only the misses are fetched, finished results stored. */
import type { CachedResource, CallerCache } from '../cache/index.js';

/**
 * The objects with these ids: hits from `cache`, the rest from `fetch` (called only when some miss,
 * with just the misses). Fetched objects are stored when `terminal` says they are finished, or
 * briefly when CACHE_ACTIVE_TTL_MS allows. Absent ids (null, 404) and failures are never stored.
 */
export async function readThrough<T>(
  cache: CallerCache | undefined,
  resource: CachedResource,
  ids: readonly number[],
  fetch: (misses: readonly number[]) => Promise<Map<number, T>>,
  terminal: (found: Map<number, T>) => Promise<(id: number) => boolean> | ((id: number) => boolean),
): Promise<Map<number, T>> {
  if (!cache) return fetch(ids);
  const unique = [...new Set(ids)];
  const read = await cache.read<T>(resource, unique);
  const misses = unique.filter((id) => !read.hits.has(id));
  if (misses.length === 0) return read.hits;
  const fetched = await fetch(misses);
  const isTerminal = await terminal(fetched);
  const items = [...fetched].map(([id, value]) => ({ id, value, terminal: isTerminal(id) }));
  await cache.store(resource, read, items);
  return new Map([...read.hits, ...fetched]);
}
