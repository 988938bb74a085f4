/** The cross-request cache of finished AWX jobs, per credential fingerprint (CACHE=memory|redis; off by default). */
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { createFingerprinter, type CacheBackend, type CachedResource } from './keys.js';
import { createMemoryBackend } from './memory.js';
import { createRedisBackend } from './redis.js';

export { isTerminal } from '../awx/jobStatus.js';
export { isCachedResource, type CachedResource } from './keys.js';

/** Cache settings (CACHE, REDIS_URL, CACHE_TTL_MS, CACHE_ACTIVE_TTL_MS, CACHE_MAX_ENTRIES, CACHE_KEY_SECRET, CACHE_REDIS_PREFIX). */
export interface CacheConfig {
  mode: 'off' | 'memory' | 'redis';
  /** How long a finished job is kept. */
  ttlMs: number;
  /** How long a job still running is kept; 0 (the default) never caches it. */
  activeTtlMs: number;
  /** Bound of the memory LRU. */
  maxEntries: number;
  redisUrl?: string;
  /** HMAC key of credential fingerprints in Redis, the same on every replica; derived from AWX_URL when unset. */
  keySecret?: string;
  redisPrefix?: string;
  /** How long a Redis command may take before it counts as a miss. */
  commandTimeoutMs?: number;
}

/** Defaults: off; finished jobs for 5 minutes, running ones never. */
export const CACHE_DEFAULTS: CacheConfig = { mode: 'off', ttlMs: 300_000, activeTtlMs: 0, maxEntries: 10_000, redisPrefix: 'awx-graphql:', commandTimeoutMs: 250 };

/** Names of the cache's Prometheus metrics. */
export const CACHE_METRIC_NAMES = { requests: 'awx_graphql_cache_requests_total', evictions: 'awx_graphql_cache_evictions_total' } as const;

/** What a read through one caller's cache found: the hits, and each id's generation to store misses with. */
export interface CachedRead<T> {
  hits: Map<number, T>;
  generations: Map<number, string>;
}

/** One fetched object to store; `terminal` says whether it is finished (full TTL) or still changing. */
export interface CacheStore<T> {
  id: number;
  value: T;
  terminal: boolean;
}

/** The cache as one request's loaders see it: only this caller's entries. Never throws (fails open). */
export interface CallerCache {
  read<T>(resource: CachedResource, ids: readonly number[]): Promise<CachedRead<T>>;
  store<T>(resource: CachedResource, read: CachedRead<T>, items: readonly CacheStore<T>[]): Promise<void>;
}

/** The cache of one gateway. */
export interface GatewayCache {
  /**
   * The view of the caller sending this exact `Authorization` (undefined: none), logging to `log`;
   * `verify` must resolve before any hit is served (it rejects when AWX no longer accepts the caller).
   */
  forCaller(authorization: string | undefined, log: Logger, verify?: () => Promise<void>): CallerCache;
  /** Drops one object for every caller. */
  evict(resource: CachedResource, id: number): Promise<void>;
  /** Drops every entry about a workflow job for every caller (after a write or deletion through the gateway). */
  evictJob(id: number): Promise<void>;
  close(): Promise<void>;
  backend: CacheBackend;
}

/** What the cache reports to: the gateway's logger and metrics registry, and the AWX base URL keys include. */
export interface CacheDeps {
  awxBaseUrl: string;
  logger: Logger;
  registry?: Registry;
}

/** The namespaces holding a workflow job: its list row, its detail and its node list. */
const JOB_NAMESPACES = ['workflow_jobs', 'workflow_job_detail', 'nodes_of_workflow_job'] as const satisfies readonly CachedResource[];

/** Builds the gateway's cache, or undefined when CACHE is off. */
export function createGatewayCache(config: CacheConfig, deps: CacheDeps): GatewayCache | undefined {
  if (config.mode === 'off') return undefined;
  const registers = deps.registry ? [deps.registry] : [];
  const requests = new Counter({ name: CACHE_METRIC_NAMES.requests, help: 'Cache lookups by resource and result (hit or miss).', labelNames: ['resource', 'result'], registers });
  const evictions = new Counter({ name: CACHE_METRIC_NAMES.evictions, help: 'Cache entries dropped: by evict() or for room in the memory LRU.', labelNames: ['reason'], registers });
  const warn = throttledWarning();
  const maxTtlMs = Math.max(config.ttlMs, config.activeTtlMs);
  const backend = config.mode === 'memory'
    ? createMemoryBackend({ maxEntries: config.maxEntries, maxTtlMs, onCapacityEviction: () => evictions.inc({ reason: 'capacity' }) })
    : createRedisBackend({
      url: config.redisUrl ?? 'redis://127.0.0.1:6379', prefix: config.redisPrefix ?? CACHE_DEFAULTS.redisPrefix!, maxTtlMs,
      commandTimeoutMs: config.commandTimeoutMs ?? CACHE_DEFAULTS.commandTimeoutMs!,
      onError: (error) => warn(deps.logger, error, 'connection'),
    });
  const fingerprint = createFingerprinter(deps.awxBaseUrl, config.mode === 'memory' ? 'random' : config.keySecret ?? 'derived');
  const evict = async (resource: CachedResource, id: number) => {
    await backend.evict(resource, id);
    evictions.inc({ reason: 'evict' });
    deps.logger.debug({ resource }, 'cache eviction');
  };
  return {
    backend,
    forCaller: (authorization, log, verify) => callerCache(backend, fingerprint(authorization), { config, log, requests, warn, verify }),
    evict,
    evictJob: async (id) => void (await Promise.all(JOB_NAMESPACES.map((resource) => evict(resource, id)))),
    close: () => backend.close(),
  };
}

interface CallerDeps {
  config: CacheConfig;
  log: Logger;
  requests: Counter<'resource' | 'result'>;
  warn: ReturnType<typeof throttledWarning>;
  verify?: () => Promise<void>;
}

function callerCache(backend: CacheBackend, fingerprint: string, deps: CallerDeps): CallerCache {
  const { config, log, requests } = deps;
  return {
    async read<T>(resource: CachedResource, ids: readonly number[]) {
      const read: CachedRead<T> = { hits: new Map(), generations: new Map() };
      if (ids.length === 0) return read;
      try {
        const found = await backend.read(ids.map((id) => ({ fingerprint, resource, id })));
        ids.forEach((id, i) => {
          read.generations.set(id, found.generations[i]!);
          if (found.values[i] !== undefined) read.hits.set(id, found.values[i] as T);
        });
      } catch (error) {
        deps.warn(log, error, 'read');
      }
      const hits = read.hits.size;
      requests.inc({ resource, result: 'hit' }, hits);
      requests.inc({ resource, result: 'miss' }, ids.length - hits);
      log.debug({ resource, hits, misses: ids.length - hits }, 'cache read');
      // Outside the fail-open try: a caller AWX refuses gets AWX's error, never the cached objects.
      if (hits > 0) await deps.verify?.();
      return read;
    },
    async store<T>(resource: CachedResource, read: CachedRead<T>, items: readonly CacheStore<T>[]) {
      const writes = items.flatMap(({ id, value, terminal }) => {
        const ttlMs = terminal ? config.ttlMs : config.activeTtlMs;
        const generation = read.generations.get(id);
        // No generation means the read failed: storing could resurrect an evicted object.
        return ttlMs > 0 && generation !== undefined && value !== null ? [{ key: { fingerprint, resource, id }, generation, value, ttlMs }] : [];
      });
      if (writes.length === 0) return;
      try {
        await backend.write(writes);
        log.debug({ resource, stored: writes.length }, 'cache store');
      } catch (error) {
        deps.warn(log, error, 'write');
      }
    },
  };
}

/** A warning at most every 30 s per gateway, so a Redis outage logs its cause without flooding. */
function throttledWarning(): (log: Logger, error: unknown, operation: string) => void {
  let last = -Infinity;
  return (log, error, operation) => {
    const now = Date.now();
    if (now - last < 30_000) return;
    last = now;
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ cacheOperation: operation, error: message }, 'cache unavailable, reading AWX instead');
  };
}
