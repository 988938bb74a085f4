/**
 * Live subscriptions: the gateway's registry of watched jobs. Subscribers of one job who send the same
 * credential share one watcher (keyed by the credential's fingerprint, never the credential itself); a
 * watcher reads AWX with that credential, and stops when its last subscriber leaves. The watchers of one
 * credential read through one channel: one AWX websocket and batched reads for all their jobs.
 */
import type { Logger } from 'pino';
import { createFingerprinter } from '../cache/keys.js';
import { SUBSCRIPTION_DEFAULTS, type SubscriptionConfig } from './config.js';
import { createLiveRedis } from './pubsub.js';
import type { LiveDeps, LiveRegistry } from './types.js';
import { follow, type Registry } from './watchers.js';

export { SUBSCRIPTION_DEFAULTS, subscriptionConfig, type SubscriptionConfig } from './config.js';
export type { CallerLive, LiveCaller, LiveDeps, LiveRegistry } from './types.js';
export type { LiveEvent } from './feed.js';
export type { JobSnapshot } from './snapshot.js';

/** Builds the registry; with `config.redisUrl`, replicas sharing that Redis share watchers. */
export function createLiveRegistry(deps: LiveDeps): LiveRegistry {
  const config: SubscriptionConfig = { ...SUBSCRIPTION_DEFAULTS, ...definedOnly(deps.config ?? {}) };
  const lockTtlMs = config.lockTtlMs ?? 10_000;
  const registry: Registry = {
    deps,
    config,
    // Without Redis nothing leaves the process, so the fingerprint key can be random; replicas must agree on theirs.
    fingerprint: createFingerprinter(deps.transport.baseUrl.toString(), config.redisUrl ? config.keySecret ?? 'derived' : 'random'),
    redis: config.redisUrl
      ? createLiveRedis({ url: config.redisUrl, prefix: config.redisPrefix ?? 'awx-graphql:', lockTtlMs, onError: throttled(deps.logger) })
      : undefined,
    lockTtlMs,
    watchers: new Map(),
    perCredential: new Map(),
    channels: new Map(),
    closing: false,
  };
  const endAll = () => {
    registry.closing = true;
    for (const watcher of [...registry.watchers.values()]) watcher.finish();
  };
  return {
    forCaller: (caller) => ({
      followWorkflowJob: (id) => follow(registry, caller, id),
      loadersFor(snapshot) {
        // Fresh loaders that hold the snapshot: fields it answers (the job, its node graph) cost no AWX call,
        // and nothing read for an earlier event is reused.
        const loaders = caller.newLoaders();
        loaders.remember(snapshot.job, snapshot.nodes);
        return loaders;
      },
    }),
    get watching() {
      return registry.watchers.size;
    },
    get awxSockets() {
      return [...registry.channels.values()].filter((channel) => channel.socketOpen).length;
    },
    endAll,
    async close() {
      endAll();
      await registry.redis?.close();
    },
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A warning at most every 30 s, so a Redis outage logs its cause without flooding. */
function throttled(logger: Logger): (error: Error) => void {
  let last = -Infinity;
  return (error) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    logger.warn({ error: error.message }, 'Redis for shared subscriptions is unavailable');
  };
}
