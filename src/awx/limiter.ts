/**
 * The cap on concurrent AWX requests of one upstream, with a bounded queue: AWX is protected from
 * bursts, and when even the queue is full callers get an immediate, clear error instead of a slow one.
 */
import { AwxOverloadedError } from './errors.js';
import type { AbortLike } from './deadline.js';

/** Gives the slot back; calling it more than once is harmless. */
export type ReleaseSlot = () => void;

interface Waiter {
  grant(): void;
}

/** At most `maxConcurrent` requests in flight and `maxQueue` waiting, in arrival order. */
export class ConcurrencyLimiter {
  private running = 0;
  // A Set keeps arrival order and lets an aborted waiter leave from anywhere in the queue at once.
  private readonly waiters = new Set<Waiter>();

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue: number,
  ) {
    if (!(Number.isInteger(maxConcurrent) && maxConcurrent >= 1)) throw new RangeError(`maxConcurrent must be an integer >= 1, got ${maxConcurrent}`);
    if (!(Number.isInteger(maxQueue) && maxQueue >= 0)) throw new RangeError(`maxQueue must be an integer >= 0, got ${maxQueue}`);
  }

  /** Requests holding a slot now. */
  get inFlight(): number {
    return this.running;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiters.size;
  }

  /**
   * Resolves with a slot's release function once one is free. Rejects at once with AwxOverloadedError
   * when the queue is full, and with the signal's reason when it aborts (a waiter then leaves the queue).
   */
  acquire(signal?: AbortLike): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.size >= this.maxQueue) return Promise.reject(new AwxOverloadedError(this.maxConcurrent, this.maxQueue));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiters.delete(waiter);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOff();
    };
  }

  /** A freed slot goes straight to the longest waiter, so `running` never dips below the cap under load. */
  private handOff(): void {
    const next = this.waiters.values().next();
    if (next.done) {
      this.running -= 1;
      return;
    }
    this.waiters.delete(next.value);
    next.value.grant();
  }
}
