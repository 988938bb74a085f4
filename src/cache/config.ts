/** CACHE, REDIS_URL and CACHE_* from the environment. */
import { integer, type Env } from '../envParsers.js';
import { CACHE_DEFAULTS, type CacheConfig } from './index.js';

/** The cache settings: CACHE=off|memory|redis (off by default); redis needs a redis:// or rediss:// REDIS_URL. */
export function cache(env: Env, problems: string[]): CacheConfig {
  const mode = (env.CACHE || 'off').toLowerCase();
  if (mode !== 'off' && mode !== 'memory' && mode !== 'redis') problems.push(`CACHE must be off, memory or redis, got "${env.CACHE}"`);
  const redisUrl = env.REDIS_URL || undefined;
  if (mode === 'redis' && !redisUrl) problems.push('CACHE=redis needs REDIS_URL, such as redis://redis:6379/0');
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  const keySecret = env.CACHE_KEY_SECRET || undefined;
  if (keySecret !== undefined && keySecret.length < 16) problems.push('CACHE_KEY_SECRET must be at least 16 characters');
  return {
    mode: mode as CacheConfig['mode'],
    ttlMs: integer(env, 'CACHE_TTL_MS', CACHE_DEFAULTS.ttlMs, 1, 86_400_000, problems),
    activeTtlMs: integer(env, 'CACHE_ACTIVE_TTL_MS', CACHE_DEFAULTS.activeTtlMs, 0, 600_000, problems),
    maxEntries: integer(env, 'CACHE_MAX_ENTRIES', CACHE_DEFAULTS.maxEntries, 1, 10_000_000, problems),
    redisUrl,
    keySecret,
    redisPrefix: env.CACHE_REDIS_PREFIX || CACHE_DEFAULTS.redisPrefix,
  };
}

