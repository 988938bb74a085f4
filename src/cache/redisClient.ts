/** Loading ioredis, and the fail-fast client the cache and the APQ store share. */
import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';

/** ioredis (CommonJS) is loaded on first use: gateways without Redis never pay its ~10 MB. */
export function redisClass(): typeof RedisClient {
  return (createRequire(import.meta.url)('ioredis') as typeof import('ioredis')).Redis;
}

/**
 * A client whose commands fail at once while Redis is away (no offline queue, no retries per command), so
 * callers read a miss instead of waiting; it reconnects in the background, at most every 5 s.
 */
export function connectFailFast(url: string, commandTimeoutMs: number, onError: (error: Error) => void): RedisClient {
  const Redis = redisClass();
  const client = new Redis(url, {
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(1_000, commandTimeoutMs),
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  client.on('error', onError);
  return client;
}
