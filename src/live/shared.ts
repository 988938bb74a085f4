/**
 * One replica's part in a watch shared through Redis: it either holds the key's lock and reads AWX for
 * every replica (publishing each new reading), or follows the key's channel and takes over when the lock
 * lapses. Without a reachable Redis it reads AWX itself, as a lone gateway would (fails open).
 */
import type { Logger } from 'pino';
import type { SharedWatch } from './pubsub.js';
import { changeKey } from './snapshot.js';
import type { Upstream } from './types.js';
import type { Reading, Report } from './watcher.js';

/** What a shared watch is driven with. */
export interface SharedDeps {
  shared: SharedWatch;
  /** Starts reading AWX, reporting to the given function. */
  lead: (report: Report) => Upstream;
  lockTtlMs: number;
  log: Logger;
}

/** Joins the shared watch: listens, then leads or follows; `report` is the local watcher's. */
export function startShared(report: Report, deps: SharedDeps): Upstream {
  const role = new SharedRole(report, deps);
  void role.join();
  return role;
}

class SharedRole implements Upstream {
  private stopped = false;
  /** Set while this replica leads: it reads AWX for everyone. */
  private upstream?: Upstream;
  private timer?: NodeJS.Timeout;
  /** The change key of the last reading published or received, so a new leader republishes only news. */
  private published?: string;

  constructor(private readonly report: Report, private readonly deps: SharedDeps) {}

  async join(): Promise<void> {
    const { shared } = this.deps;
    try {
      await shared.listen(this.followed);
      if (await shared.claim()) return void (this.stopped || this.lead());
      const latest = await shared.latest();
      if (latest && !this.stopped) this.followed(latest);
    } catch (error) {
      this.warnUnavailable(error);
      if (!this.stopped && !this.upstream) this.lead();
      return;
    }
    if (!this.stopped && !this.upstream) this.follow();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    const leading = this.upstream !== undefined;
    this.upstream?.stop();
    this.upstream = undefined;
    void this.deps.shared.unlisten().catch(() => {});
    if (leading) void this.deps.shared.release().catch(() => {});
  }

  /** Published before the local watcher hears it: a terminal reading ends the watch, which releases the lock. */
  private readonly publishing: Report = (reading) => {
    const key = 'snapshot' in reading ? changeKey(reading.snapshot) : 'error';
    if (key !== this.published) {
      this.published = key;
      this.deps.shared.publish(reading).catch((error: Error) => this.deps.log.warn({ error: error.message }, 'publishing a job reading to Redis failed'));
    }
    return this.report(reading);
  };

  /** A reading from the channel; the leader ignores it (its own messages come back too). */
  private readonly followed = (reading: Reading): void => {
    if (this.upstream) return;
    if ('snapshot' in reading) this.published = changeKey(reading.snapshot);
    this.report(reading);
  };

  private lead(): void {
    this.upstream = this.deps.lead(this.publishing);
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.deps.lockTtlMs / 3)));
  }

  private follow(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.tryClaim(), Math.max(1, Math.floor(this.deps.lockTtlMs / 2)));
  }

  private async renew(): Promise<void> {
    let held: boolean;
    try {
      held = await this.deps.shared.renew();
    } catch (error) {
      // Redis is down: keep reading AWX (the connection error is logged by the registry, throttled).
      return void this.deps.log.debug({ error: (error as Error).message }, 'renewing a watch lock in Redis failed');
    }
    if (held || this.stopped) return;
    this.deps.log.info('another replica took over the watched job: following it');
    this.upstream?.stop();
    this.upstream = undefined;
    this.follow();
  }

  private async tryClaim(): Promise<void> {
    let claimed: boolean;
    try {
      claimed = await this.deps.shared.claim();
    } catch (error) {
      this.warnUnavailable(error);
      claimed = true;
    }
    if (!this.stopped && claimed && !this.upstream) this.lead();
  }

  private warnUnavailable(error: unknown): void {
    this.deps.log.warn({ error: (error as Error).message }, 'Redis is unavailable: reading the watched job from AWX');
  }
}
