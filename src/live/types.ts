/** The shapes of the subscription registry and its callers, shared by its modules (no module cycle). */
import type { Logger } from 'pino';
import type { AwxTransport, UpstreamCall } from '../awx/client.js';
import type { Loaders } from '../loaders/index.js';
import type { SubscriptionConfig } from './config.js';
import type { LiveEvent } from './feed.js';
import type { JobSnapshot } from './snapshot.js';

/** What the registry is built from: the AWX pool and the gateway's logger and metrics. */
export interface LiveDeps {
  transport: AwxTransport;
  logger: Logger;
  config?: Partial<SubscriptionConfig>;
  onCall?: (call: UpstreamCall) => void;
}

/** What a credential's channel reads AWX with: the pool, the credential (as its first watcher sent it), settings, logs and metrics. */
export interface ChannelDeps {
  transport: AwxTransport;
  authorization?: string;
  config: SubscriptionConfig;
  log: Logger;
  onCall?: (call: UpstreamCall) => void;
}

/** A running read of one watched job from AWX (or from Redis): stopped when its watcher ends. */
export interface Upstream {
  stop(): void;
}

/** One request's view: subscriptions made with its credential. */
export interface CallerLive {
  /** The job's readings, once the first is known; throws the first read's error (or a limit's) instead. */
  followWorkflowJob(id: number): Promise<AsyncIterableIterator<LiveEvent>>;
  /** A fresh set of this request's loaders, primed with a reading, to resolve one event with. */
  loadersFor(snapshot: JobSnapshot): Loaders;
}

/** Who subscribes: their credential, request id, logger and cancellation, and how to make their loaders. */
export interface LiveCaller {
  authorization?: string;
  requestId: string;
  log: Logger;
  signal?: AbortSignal;
  newLoaders: () => Loaders;
}

/** The gateway's watched jobs. */
export interface LiveRegistry {
  forCaller(caller: LiveCaller): CallerLive;
  /** How many jobs this gateway watches now. */
  readonly watching: number;
  /** How many AWX websockets it holds now: at most one per credential whose jobs it reads. */
  readonly awxSockets: number;
  /** Ends every subscription (on SIGTERM, so their requests can finish) and refuses new ones. */
  endAll(): void;
  close(): Promise<void>;
}
