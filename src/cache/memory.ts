/** The in-process cache backend: a bounded LRU with per-entry expiry (CACHE=memory). */
import { randomUUID } from 'node:crypto';
import { entryKey, liveValue, objectKey, type CacheBackend, type CachedResource, type CacheKey, type CacheWrite } from './keys.js';

interface Slot {
  json: string;
  expires: number;
}

/** How the memory backend is bounded. */
export interface MemoryBackendOptions {
  maxEntries: number;
  /** The longest TTL any entry gets: how long an eviction's generation must be remembered. */
  maxTtlMs: number;
  /** Told when the LRU drops an entry for room. */
  onCapacityEviction?: () => void;
}

/**
 * Creates the backend. Entries are stored as JSON, so a cached object is a fresh copy per request
 * and no resolver can alter what another request will read.
 */
export function createMemoryBackend(options: MemoryBackendOptions): CacheBackend {
  const entries = new Map<string, Slot>();
  const generations = new Map<string, { token: string; expires: number }>();
  const generationOf = (resource: string, id: number, now: number): string => {
    const current = generations.get(objectKey(resource, id));
    return current && current.expires > now ? current.token : '';
  };
  const get = (key: string, now: number): string | undefined => {
    const slot = entries.get(key);
    if (!slot) return undefined;
    entries.delete(key);
    if (slot.expires <= now) return undefined;
    entries.set(key, slot); // most recently used last
    return slot.json;
  };
  return {
    async read(keys: readonly CacheKey[]) {
      const now = Date.now();
      const generationsRead = keys.map((key) => generationOf(key.resource, key.id, now));
      const values = keys.map((key, i) => liveValue(get(entryKey(key), now), generationsRead[i]!));
      return { values, generations: generationsRead };
    },
    async write(writes: readonly CacheWrite[]) {
      const now = Date.now();
      for (const { key, generation, value, ttlMs } of writes) {
        const name = entryKey(key);
        entries.delete(name);
        entries.set(name, { json: JSON.stringify({ g: generation, v: value }), expires: now + ttlMs });
      }
      while (entries.size > options.maxEntries) {
        entries.delete(entries.keys().next().value as string);
        options.onCapacityEviction?.();
      }
    },
    async evict(resource: CachedResource, id: number) {
      const now = Date.now();
      for (const [name, generation] of generations) if (generation.expires <= now) generations.delete(name);
      generations.set(objectKey(resource, id), { token: randomUUID(), expires: now + options.maxTtlMs });
      const suffix = `:${objectKey(resource, id)}`;
      for (const name of [...entries.keys()]) if (name.endsWith(suffix)) entries.delete(name);
    },
    async close() {
      entries.clear();
      generations.clear();
    },
  };
}
