/** One watched job of one credential: its latest reading, fanned out to every subscriber that shares it. */
import type { LiveEvent, Subscriber } from './feed.js';
import { internStrings } from './intern.js';
import { changeKey, isFinished, type JobSnapshot } from './snapshot.js';

/** A reading of the job, from AWX or from the replica that watches it: a snapshot, or the error that ends the watch. */
export type Reading = { snapshot: JobSnapshot } | { error: Error };

/** Told a reading; answers whether it was news (a change, or an error). */
export type Report = (reading: Reading) => boolean;

/** Why subscribers waiting for a first reading got none: the last of them left first. */
export class WatchEndedError extends Error {
  override name = 'WatchEndedError';
}

/**
 * The subscribers of one job with one credential and the job's latest reading. A subscriber gets the
 * latest reading when it joins, then every reading that changes what subscribers are told about (see
 * `changeKey`). The watch ends at a terminal status, on an error, or when its last subscriber leaves;
 * `onEnd` then stops whatever feeds it.
 */
export class JobWatcher {
  private readonly subscribers = new Set<Subscriber>();
  private latest?: JobSnapshot;
  private latestKey?: string;
  /**
   * Every state told so far. A job never returns to an earlier state in AWX (its status only moves on; a node,
   * once given a job, keeps it), so a reading equal to any earlier one is stale: the read of a replica that led
   * until a moment ago, published after the newer reading of the replica that took over.
   */
  private readonly told = new Set<string>();
  private failure?: Error;
  private ended = false;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  /** Settles with the first reading: resolved by a snapshot, rejected by an error (or if everyone left first). */
  readonly first = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(private readonly onEnd: () => void) {
    this.first.catch(() => {}); // awaited by each subscriber; unobserved when none is left
  }

  /** Whether the watch has ended (it takes no more subscribers then). */
  get done(): boolean {
    return this.ended;
  }

  /** The change key of the latest reading, so a replica taking over does not republish what everyone has. */
  get latestChangeKey(): string | undefined {
    return this.latestKey;
  }

  readonly report: Report = (reading) => {
    if (this.ended) return false;
    if ('error' in reading) {
      this.finish(reading.error);
      return true;
    }
    const key = changeKey(reading.snapshot);
    if (this.told.has(key)) return false;
    this.told.add(key);
    // Held until the next change, by however many subscribers: its repeated values shared with the other jobs'.
    this.latest = internStrings(reading.snapshot);
    this.latestKey = key;
    this.settle.resolve();
    this.broadcast({ snapshot: reading.snapshot });
    if (isFinished(reading.snapshot)) this.finish();
    return true;
  };

  /** Adds a subscriber; it is told the latest reading at once, if there is one. */
  add(subscriber: Subscriber): void {
    if (this.latest) subscriber.push({ snapshot: this.latest });
    if (this.ended) {
      if (this.failure) subscriber.push({ error: this.failure });
      return subscriber.end();
    }
    this.subscribers.add(subscriber);
  }

  /** Removes a subscriber; the last one leaving ends the watch. */
  remove(subscriber: Subscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    this.finish(undefined, new WatchEndedError('every subscriber left'));
  }

  /** Ends every subscriber's stream (after what they were already told) and the watch itself. */
  finish(error?: Error, unsettled: Error | undefined = error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    if (unsettled) this.settle.reject(unsettled);
    else this.settle.resolve();
    if (error) this.broadcast({ error });
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
    this.onEnd();
  }

  private broadcast(event: LiveEvent): void {
    for (const subscriber of this.subscribers) subscriber.push(event);
  }
}
