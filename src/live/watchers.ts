/** The watchers of one gateway by key, and how a subscriber joins one (or starts it, within the limit). */
import { newRequestId } from '../observability/requestScope.js';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { SubscriptionConfig } from './config.js';
import { Feed, type LiveEvent } from './feed.js';
import { CredentialChannel } from './channel.js';
import type { LiveCaller, LiveDeps, Upstream } from './types.js';
import type { LiveRedis } from './pubsub.js';
import { startShared } from './shared.js';
import { JobWatcher, type Report } from './watcher.js';

/** A refusal of a new subscription; `code` is its `extensions.code`. */
function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The registry's state: its settings, fingerprinter, Redis and the watchers by key. */
export interface Registry {
  deps: LiveDeps;
  config: SubscriptionConfig;
  fingerprint: (authorization: string | undefined) => string;
  redis?: LiveRedis;
  lockTtlMs: number;
  watchers: Map<string, JobWatcher>;
  /** How many of the watchers each credential fingerprint holds (SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL). */
  perCredential: Map<string, number>;
  /** The channel reading AWX for each credential fingerprint whose jobs this gateway reads (not those it follows through Redis). */
  channels: Map<string, CredentialChannel>;
  closing: boolean;
}

/** The credential's channel, opened with this caller's `Authorization` if it has none yet. */
function channelOf(registry: Registry, fingerprint: string, caller: LiveCaller): CredentialChannel {
  const open = registry.channels.get(fingerprint);
  if (open) return open;
  const { deps, config } = registry;
  const channel: CredentialChannel = new CredentialChannel(
    { transport: deps.transport, authorization: caller.authorization, config, log: deps.logger, onCall: deps.onCall },
    () => {
      if (registry.channels.get(fingerprint) === channel) registry.channels.delete(fingerprint);
    },
  );
  registry.channels.set(fingerprint, channel);
  if (deps.logger.isLevelEnabled('debug')) caller.log.debug({ channelRequestId: channel.requestId }, 'reading this credential\'s watched jobs');
  return channel;
}

/** Starts watching a job for `caller`'s credential: reading AWX, or, with Redis, sharing the watch with the other replicas. */
function startWatcher(registry: Registry, key: string, fingerprint: string, id: number, caller: LiveCaller): JobWatcher {
  const { deps, redis, lockTtlMs, perCredential } = registry;
  const requestId = newRequestId('watch-');
  // The watch's logger is made when it first writes a line (a failed read, Redis trouble): most watches write none.
  let log: Logger | undefined;
  const meta = {
    requestId,
    get log() {
      return (log ??= deps.logger.child({ requestId, watchedJob: id }));
    },
  };
  const debug = deps.logger.isLevelEnabled('debug');
  let upstream: Upstream | undefined;
  perCredential.set(fingerprint, (perCredential.get(fingerprint) ?? 0) + 1);
  const watcher = new JobWatcher(() => {
    registry.watchers.delete(key);
    const held = (perCredential.get(fingerprint) ?? 1) - 1;
    if (held > 0) perCredential.set(fingerprint, held);
    else perCredential.delete(fingerprint);
    upstream?.stop();
    if (debug) meta.log.debug('watch ended');
  });
  // Reading AWX goes through the credential's channel, opened (or kept open) for as long as this reads.
  const lead = (report: Report) => channelOf(registry, fingerprint, caller).watch(id, report, meta);
  upstream = redis ? startShared(watcher.report, { shared: redis.watch(key), lead, lockTtlMs, get log() { return meta.log; } }) : lead(watcher.report);
  if (debug) caller.log.debug({ watchRequestId: requestId }, 'watch started');
  return watcher;
}

/**
 * Refuses a new watcher past the gateway's limit, or past one credential's share of it, so that one user
 * (however they spell their `Authorization`: one credential, one fingerprint) cannot take every slot.
 */
function checkRoom(registry: Registry, fingerprint: string): void {
  const { config } = registry;
  if (registry.watchers.size >= config.maxWatchers) {
    throw refusal('TOO_MANY_SUBSCRIPTIONS', `The gateway already watches ${config.maxWatchers} jobs (SUBSCRIPTION_MAX_WATCHERS); retry later.`, { limit: config.maxWatchers });
  }
  const held = registry.perCredential.get(fingerprint) ?? 0;
  if (held >= config.maxWatchersPerCredential) {
    throw refusal('TOO_MANY_SUBSCRIPTIONS', `This credential already has ${held} jobs watched (SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL); end some subscriptions first.`, {
      limit: config.maxWatchersPerCredential, scope: 'credential',
    });
  }
}

/** Subscribes `caller` to a job: joins its watcher (or starts one, within the limit) and waits for the first reading. */
export async function follow(registry: Registry, caller: LiveCaller, id: number): Promise<AsyncIterableIterator<LiveEvent>> {
  if (registry.closing) throw refusal('SHUTTING_DOWN', 'The gateway is shutting down; subscribe again to another instance.');
  const { watchers } = registry;
  const fingerprint = registry.fingerprint(caller.authorization);
  const key = `${fingerprint}:workflow_job:${id}`;
  let watcher = watchers.get(key);
  if (!watcher) {
    checkRoom(registry, fingerprint);
    watcher = startWatcher(registry, key, fingerprint, id, caller);
    watchers.set(key, watcher);
  }
  const joined = watcher;
  const feed = new Feed(() => joined.remove(feed));
  caller.signal?.addEventListener('abort', () => void feed.return(), { once: true });
  joined.add(feed);
  try {
    await joined.first;
  } catch (error) {
    void feed.return();
    if (caller.signal?.aborted) return feed; // the subscriber left first: its stream just ends
    throw error;
  }
  return feed;
}

