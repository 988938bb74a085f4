/**
 * Where registered APQ queries live: an in-process LRU, and Redis when REDIS_URL is set so that a query
 * registered on one replica is found on all. Redis is bounded by a budget: at most `maxEntries` new queries
 * per `ttlMs` window for all replicas together, each living `ttlMs`, so however many distinct queries a caller
 * invents Redis holds at most 2 × maxEntries × MAX_QUERY_BYTES for them. A query over budget stays in this
 * replica's memory only. Redis failures never fail a request: they read as misses (the client then sends
 * the query again) and are logged.
 */
import type { Redis as RedisClient } from 'ioredis';
import type { Logger } from 'pino';
import { connectFailFast } from '../cache/redisClient.js';

/** Registered queries by SHA-256 hex. */
export interface ApqStore {
  /** The query registered under `hash`: from memory, else from Redis (then kept in memory). */
  get(hash: string): Promise<string | undefined>;
  /** The query if this replica holds it in memory (no I/O), for decisions that cannot wait. */
  peek(hash: string): string | undefined;
  /** Registers a query whose hash was checked and which passed validation. Never throws. */
  set(hash: string, query: string): Promise<void>;
  close(): Promise<void>;
  /** The Redis client when there is one (tests wait for it to be ready). */
  client?: RedisClient;
}

/** How the store is bounded and where Redis is. */
export interface ApqStoreOptions {
  maxEntries: number;
  ttlMs: number;
  redis?: { url: string; prefix: string; commandTimeoutMs: number };
  logger: Logger;
}

// KEYS: the query's key, the budget's key. ARGV: query, TTL in ms, budget. Known queries cost no budget.
const REGISTER = `if redis.call('exists', KEYS[1]) == 1 then return 1 end
local used = redis.call('incr', KEYS[2])
if used == 1 then redis.call('pexpire', KEYS[2], ARGV[2]) end
if used > tonumber(ARGV[3]) then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** A Map kept in use order (most recent last), dropping the least recently used past `max`. */
function lru(max: number) {
  const entries = new Map<string, string>();
  return {
    get(key: string): string | undefined {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key: string, value: string): void {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    clear: () => entries.clear(),
  };
}

/** A warning at most every 30 s, so a Redis outage or a spent budget logs its cause without flooding. */
function throttled(logger: Logger): (fields: Record<string, unknown>, message: string) => void {
  const last = new Map<string, number>();
  return (fields, message) => {
    const now = Date.now();
    if (now - (last.get(message) ?? -Infinity) < 30_000) return;
    last.set(message, now);
    logger.warn(fields, message);
  };
}

/** Builds the store; with `redis` it connects at once, so the first lookups need not wait for a connection. */
export function createApqStore(options: ApqStoreOptions): ApqStore {
  const memory = lru(options.maxEntries);
  const warn = throttled(options.logger);
  const client = options.redis && connectFailFast(options.redis.url, options.redis.commandTimeoutMs, (error) => warn({ error: error.message }, 'APQ store: Redis unavailable, using this replica\'s memory'));
  const key = (hash: string) => `${options.redis?.prefix ?? ''}apq:${hash}`;
  const budgetKey = `${options.redis?.prefix ?? ''}apq:budget`;
  return {
    client,
    peek: (hash) => memory.get(hash),
    async get(hash) {
      const local = memory.get(hash);
      if (local !== undefined || !client) return local;
      try {
        const shared = await client.get(key(hash));
        if (shared !== null) memory.set(hash, shared);
        return shared ?? undefined;
      } catch (error) {
        warn({ error: (error as Error).message }, 'APQ store: Redis unavailable, using this replica\'s memory');
        return undefined;
      }
    },
    async set(hash, query) {
      memory.set(hash, query);
      if (!client) return;
      try {
        const stored = await client.eval(REGISTER, 2, key(hash), budgetKey, query, String(options.ttlMs), String(options.maxEntries));
        if (Number(stored) !== 1) warn({ apqMaxEntries: options.maxEntries, apqTtlMs: options.ttlMs }, 'APQ store: the Redis budget for new queries is spent, keeping them in this replica\'s memory');
      } catch (error) {
        warn({ error: (error as Error).message }, 'APQ store: Redis unavailable, using this replica\'s memory');
      }
    },
    async close() {
      memory.clear();
      client?.disconnect();
    },
  };
}
