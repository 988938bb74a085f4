/** One subscriber's stream of job readings: what GraphQL's subscription execution iterates. */
import type { JobSnapshot } from './snapshot.js';

/** What a subscriber is told: a new reading of the job, or the error that ends its stream. */
export type LiveEvent = { snapshot: JobSnapshot } | { error: Error };

/** The side of a subscriber a watcher talks to. */
export interface Subscriber {
  push(event: LiveEvent): void;
  /** No more events: the stream completes once the ones already pushed are read. */
  end(): void;
}

/**
 * An async iterator fed by a watcher. Each reading is the job's whole state, so a reader that falls
 * behind gets the newest reading in place of the unread older one; an error is the stream's last event. Returning
 * (client gone, stream cancelled) calls `onReturn` once, which takes the subscriber off its watcher.
 */
export class Feed implements AsyncIterableIterator<LiveEvent>, Subscriber {
  private readonly queue: LiveEvent[] = [];
  private ended = false;
  private returned = false;
  private waiting?: (result: IteratorResult<LiveEvent>) => void;

  constructor(private readonly onReturn: () => void) {}

  push(event: LiveEvent): void {
    if (this.ended) return;
    if ('error' in event) this.ended = true; // an error is the last event
    if (this.waiting) return this.deliver({ value: event, done: false });
    const last = this.queue.at(-1);
    if (last && 'snapshot' in last && 'snapshot' in event) this.queue[this.queue.length - 1] = event;
    else this.queue.push(event);
  }

  end(): void {
    this.ended = true;
    if (this.waiting && this.queue.length === 0) this.deliver({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.ended || this.returned) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.queue.length = 0;
    this.ended = true;
    if (this.waiting) this.deliver({ value: undefined, done: true });
    if (!this.returned) {
      this.returned = true;
      this.onReturn();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LiveEvent> {
    return this;
  }

  private deliver(result: IteratorResult<LiveEvent>): void {
    const resolve = this.waiting!;
    this.waiting = undefined;
    resolve(result);
  }
}
