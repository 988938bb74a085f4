/** Settings of live subscriptions (SUBSCRIPTION_*, AWX_WEBSOCKET; REDIS_URL shares watchers between replicas). */
import { integer, type Env } from '../envParsers.js';

/** How jobs are watched for subscribers. */
export interface SubscriptionConfig {
  /** First polling interval, and the interval again after each change (SUBSCRIPTION_POLL_MS). */
  pollMs: number;
  /** Longest polling interval once nothing changes; also the safety poll while on AWX's websocket (SUBSCRIPTION_POLL_MAX_MS). */
  pollMaxMs: number;
  /** At most this many jobs watched at once by this gateway (SUBSCRIPTION_MAX_WATCHERS). */
  maxWatchers: number;
  /** At most this many of them for one credential (SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL). */
  maxWatchersPerCredential: number;
  /** `auto`: learn changes from AWX's websocket when it accepts us, else poll; `off`: always poll (AWX_WEBSOCKET). */
  websocket: 'auto' | 'off';
  /** Redis shared by replicas (REDIS_URL): one replica watches each job and publishes to the others. */
  redisUrl?: string;
  /** HMAC key of credential fingerprints, the same on every replica (CACHE_KEY_SECRET); derived from AWX_URL when unset. */
  keySecret?: string;
  /** Prefix of every Redis key and channel (CACHE_REDIS_PREFIX). */
  redisPrefix?: string;
  /** How long a replica's claim on a job lasts unless renewed (tests shorten it). */
  lockTtlMs?: number;
}

/** Defaults: poll every 2 s backing off to 30 s, 500 watched jobs (50 per credential), AWX's websocket when it works. */
export const SUBSCRIPTION_DEFAULTS: SubscriptionConfig = {
  pollMs: 2_000, pollMaxMs: 30_000, maxWatchers: 500, maxWatchersPerCredential: 50, websocket: 'auto',
};

/** Reads the subscription settings; REDIS_URL, CACHE_KEY_SECRET and CACHE_REDIS_PREFIX are checked with the cache's. */
export function subscriptionConfig(env: Env, problems: string[]): SubscriptionConfig {
  const fallback = SUBSCRIPTION_DEFAULTS;
  const websocket = (env.AWX_WEBSOCKET || fallback.websocket).toLowerCase();
  if (websocket !== 'auto' && websocket !== 'off') problems.push(`AWX_WEBSOCKET must be auto or off, got "${env.AWX_WEBSOCKET}"`);
  const pollMs = integer(env, 'SUBSCRIPTION_POLL_MS', fallback.pollMs, 100, 600_000, problems);
  const pollMaxMs = integer(env, 'SUBSCRIPTION_POLL_MAX_MS', fallback.pollMaxMs, 100, 3_600_000, problems);
  if (pollMaxMs < pollMs) problems.push(`SUBSCRIPTION_POLL_MAX_MS (${pollMaxMs}) must not be below SUBSCRIPTION_POLL_MS (${pollMs})`);
  return {
    pollMs,
    pollMaxMs,
    maxWatchers: integer(env, 'SUBSCRIPTION_MAX_WATCHERS', fallback.maxWatchers, 1, 100_000, problems),
    maxWatchersPerCredential: integer(env, 'SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL', fallback.maxWatchersPerCredential, 1, 100_000, problems),
    websocket: websocket as SubscriptionConfig['websocket'],
    redisUrl: env.REDIS_URL || undefined,
    keySecret: env.CACHE_KEY_SECRET || undefined,
    redisPrefix: env.CACHE_REDIS_PREFIX || 'awx-graphql:',
  };
}
