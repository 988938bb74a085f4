/**
 * Polling with backoff, in rounds: each job is polled often while it changes, less and less often while it does
 * not, and the jobs of one credential whose polls fall due together are polled together (one list call).
 */

/** The next interval: back to the minimum after a change, else twice the last, capped. */
export function nextInterval(lastMs: number, changed: boolean, minMs: number, maxMs: number): number {
  return changed ? minMs : Math.min(lastMs * 2, maxMs);
}

/**
 * When a poll `intervalMs` after `now` happens: on the clock's next multiple of the interval at least half an
 * interval away (so between half and one and a half intervals). Jobs polled at the same interval thus fall
 * due at the same instants, whenever each started, and share a round.
 */
export function alignedDue(now: number, intervalMs: number): number {
  return Math.ceil((now + intervalMs / 2) / intervalMs) * intervalMs;
}

/** Timers fire a little early or late against the wall clock: polls due this close to a round join it. */
const SAME_ROUND_MS = 10;

/** The polls waiting for their round, on one timer: `run` gets every item due when it fires. */
export class PollRounds<T> {
  private readonly due = new Map<T, number>();
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;

  constructor(private readonly run: (due: T[]) => void) {}

  /**
   * Polls `item` `intervalMs` after `from` (aligned, see alignedDue), replacing any poll it was waiting for.
   * Counting from the round a poll belonged to keeps the jobs of that round together however long it took.
   */
  schedule(item: T, intervalMs: number, from = Date.now()): void {
    const now = Date.now();
    let at = alignedDue(from, intervalMs);
    if (at <= now) at = alignedDue(now, intervalMs);
    this.due.set(item, at);
    if (at < this.timerAt) this.arm(at);
  }

  /** Whether `item` waits for a round (it does not while its poll runs). */
  has(item: T): boolean {
    return this.due.has(item);
  }

  cancel(item: T): void {
    this.due.delete(item);
    if (this.due.size === 0) this.stop();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - Date.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now() + SAME_ROUND_MS;
    const due: T[] = [];
    let next = Infinity;
    for (const [item, at] of this.due) {
      if (at <= now) due.push(item);
      else next = Math.min(next, at);
    }
    for (const item of due) this.due.delete(item);
    if (next < Infinity) this.arm(next);
    if (due.length > 0) this.run(due);
  }
}
