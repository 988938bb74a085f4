/** Polling with backoff: often while a job changes, less and less often while it does not. */

/** One poll: resolves whether it saw a change (a failed poll counts as no change). */
export type Poll = () => Promise<boolean>;

/** A running poller. */
export interface Poller {
  /** Polls every `minMs`, doubling after each poll without change up to `maxMs`, back to `minMs` on a change. */
  setRange(minMs: number, maxMs: number): void;
  stop(): void;
}

/** The next interval: back to the minimum after a change, else twice the last, capped. */
export function nextInterval(lastMs: number, changed: boolean, minMs: number, maxMs: number): number {
  return changed ? minMs : Math.min(lastMs * 2, maxMs);
}

/** Starts polling after `minMs`; polls never overlap (the next is scheduled when one ends). */
export function startPoller(poll: Poll, minMs: number, maxMs: number): Poller {
  let range = { minMs, maxMs };
  let interval = minMs;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  const run = async () => {
    timer = undefined;
    let changed = false;
    try {
      changed = await poll();
    } catch {
      changed = false; // the poll reports its own failures; here it only slows down
    }
    if (stopped) return;
    interval = nextInterval(interval, changed, range.minMs, range.maxMs);
    schedule(interval);
  };
  schedule(interval);
  return {
    setRange(min, max) {
      range = { minMs: min, maxMs: max };
      interval = min;
      if (timer && !stopped) schedule(interval);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
