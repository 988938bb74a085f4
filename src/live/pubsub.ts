/**
 * Watches shared by replicas through Redis (REDIS_URL): per watch key, a lock naming the replica that
 * reads AWX, a channel where it publishes each new reading, and the latest reading for replicas joining.
 */
import { randomUUID } from 'node:crypto';
import { redisClass } from '../cache/redisClient.js';
import { AwxError, type AwxErrorCode } from '../awx/errors.js';
import type { JobSnapshot } from './snapshot.js';
import type { Reading } from './watcher.js';

/** One watch key's shared state. */
export interface SharedWatch {
  /** Takes the lock if nobody holds it; true when this replica now reads AWX for everyone. */
  claim(): Promise<boolean>;
  /** Extends the lock (and the latest reading) while held; false when another replica holds it now. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
  /** Stores the reading as the latest and publishes it to the other replicas. */
  publish(reading: Reading): Promise<void>;
  latest(): Promise<Reading | undefined>;
  /** Calls `onReading` with each reading published on the key's channel (this replica's own included). */
  listen(onReading: (reading: Reading) => void): Promise<void>;
  unlisten(): Promise<void>;
}

/** The Redis side of live subscriptions. */
export interface LiveRedis {
  watch(key: string): SharedWatch;
  close(): Promise<void>;
}

/** Where Redis is, the key prefix, and how long a claim lasts unless renewed. */
export interface LiveRedisOptions {
  url: string;
  prefix: string;
  lockTtlMs: number;
  onError?: (error: Error) => void;
}

// Both act only while the lock still holds this replica's token, so a replica that lost it changes nothing.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('pexpire', KEYS[2], ARGV[2]); return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[2]); return redis.call('del', KEYS[1]) end return 0`;

/** A reading as JSON: the snapshot, or the error's stable code and safe message (never a stack). */
export function encodeReading(reading: Reading): string {
  if ('snapshot' in reading) return JSON.stringify({ snapshot: reading.snapshot });
  const error = reading.error instanceof AwxError ? reading.error : new AwxError('UPSTREAM_ERROR', 'Reading the job failed.');
  return JSON.stringify({ error: { code: error.code, message: error.message, status: error.status, details: error.details } });
}

/** The reading in a published message, or undefined when it is not one. */
export function decodeReading(text: string | null | undefined): Reading | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { snapshot?: JobSnapshot; error?: { code: AwxErrorCode; message: string; status?: number; details?: Record<string, unknown> } };
    if (value.snapshot && typeof value.snapshot.job?.id === 'number') return { snapshot: value.snapshot };
    if (value.error) return { error: new AwxError(value.error.code, value.error.message, value.error.status, value.error.details) };
  } catch {
    // not ours: ignored
  }
  return undefined;
}

/** Connects a command client and a subscriber client (Redis needs a connection of its own for SUBSCRIBE). */
export function createLiveRedis(options: LiveRedisOptions): LiveRedis {
  const connect = () => {
    const Redis = redisClass();
    const client = new Redis(options.url, { maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(attempt * 200, 5_000) });
    client.on('error', (error: Error) => options.onError?.(error));
    return client;
  };
  const commands = connect();
  const listener = connect();
  const handlers = new Map<string, (reading: Reading) => void>();
  listener.on('message', (channel: string, message: string) => {
    const reading = decodeReading(message);
    if (reading) handlers.get(channel)?.(reading);
  });
  return {
    watch(key) {
      const lockKey = `${options.prefix}live:lock:${key}`;
      const latestKey = `${options.prefix}live:latest:${key}`;
      const channel = `${options.prefix}live:${key}`;
      const ttl = String(options.lockTtlMs);
      const token = randomUUID();
      return {
        claim: async () => (await commands.set(lockKey, token, 'PX', options.lockTtlMs, 'NX')) === 'OK',
        renew: async () => Number(await commands.eval(RENEW, 2, lockKey, latestKey, token, ttl)) === 1,
        release: async () => void (await commands.eval(RELEASE, 2, lockKey, latestKey, token)),
        async publish(reading) {
          const text = encodeReading(reading);
          await commands.multi().set(latestKey, text, 'PX', options.lockTtlMs).publish(channel, text).exec();
        },
        latest: async () => decodeReading(await commands.get(latestKey)),
        async listen(onReading) {
          handlers.set(channel, onReading);
          await listener.subscribe(channel);
        },
        async unlisten() {
          handlers.delete(channel);
          await listener.unsubscribe(channel);
        },
      };
    },
    async close() {
      commands.disconnect();
      listener.disconnect();
    },
  };
}
