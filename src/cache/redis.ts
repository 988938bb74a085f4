/** The shared cache backend on Redis (CACHE=redis): replicas with the same REDIS_URL and key share entries. */
import { randomUUID } from 'node:crypto';
import type { Redis as RedisClient } from 'ioredis';
import { connectFailFast } from './redisClient.js';
import { entryKey, liveValue, objectKey, type CacheBackend, type CachedResource, type CacheKey, type CacheWrite } from './keys.js';

/** Where Redis is and how long a command may take before it counts as a miss. */
export interface RedisBackendOptions {
  url: string;
  /** Prefix of every key this gateway writes (CACHE_REDIS_PREFIX), so deployments can share a Redis. */
  prefix: string;
  /** The longest TTL any entry gets: how long an eviction's generation must live. */
  maxTtlMs: number;
  commandTimeoutMs: number;
  /** Told of connection errors (the backend's callers treat failed commands as misses). */
  onError?: (error: Error) => void;
}

/** A Redis backend and its client, to wait for readiness where that matters (tests). */
export interface RedisBackend extends CacheBackend {
  client: RedisClient;
}

/**
 * Creates the backend. One MGET per read fetches the entries and their objects' generation keys
 * together; writes are `SET … PX` in one pipeline; an eviction replaces the object's generation
 * with a random token (kept as long as any entry may live), which orphans every caller's copy.
 */
export function createRedisBackend(options: RedisBackendOptions): RedisBackend {
  const client = connectFailFast(options.url, options.commandTimeoutMs, (error) => options.onError?.(error));
  const generationKey = (resource: string, id: number) => `${options.prefix}gen:${objectKey(resource, id)}`;
  const dataKey = (key: CacheKey) => `${options.prefix}obj:${entryKey(key)}`;
  return {
    client,
    async read(keys: readonly CacheKey[]) {
      if (keys.length === 0) return { values: [], generations: [] };
      const names = [...keys.map((key) => generationKey(key.resource, key.id)), ...keys.map(dataKey)];
      const replies = await client.mget(names);
      const generations = keys.map((_, i) => replies[i] ?? '');
      const values = keys.map((_, i) => liveValue(replies[keys.length + i], generations[i]!));
      return { values, generations };
    },
    async write(writes: readonly CacheWrite[]) {
      if (writes.length === 0) return;
      const pipeline = client.pipeline();
      for (const { key, generation, value, ttlMs } of writes) {
        pipeline.set(dataKey(key), JSON.stringify({ g: generation, v: value }), 'PX', ttlMs);
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    },
    async evict(resource: CachedResource, id: number) {
      await client.set(generationKey(resource, id), randomUUID(), 'PX', options.maxTtlMs);
    },
    async close() {
      client.disconnect();
    },
  };
}
