/**
 * Calls and failures over the last `windowMs`, in ten buckets: the circuit breaker's memory of how AWX has been
 * doing lately. Old buckets age out as time passes, so a burst of failures long ago weighs nothing now.
 */
const BUCKETS = 10;

/** Counts of one bucket, and which slice of time it counts (its index since the epoch). */
interface Bucket {
  slice: number;
  calls: number;
  failures: number;
}

/** A sliding window of call outcomes. */
export class FailureWindow {
  private readonly buckets: Bucket[] = Array.from({ length: BUCKETS }, () => ({ slice: -1, calls: 0, failures: 0 }));
  private readonly sliceMs: number;

  constructor(windowMs: number, private readonly now: () => number) {
    this.sliceMs = Math.max(1, windowMs / BUCKETS);
  }

  /** Counts one call that said something about AWX's health. */
  record(failed: boolean): void {
    const slice = Math.floor(this.now() / this.sliceMs);
    const bucket = this.buckets[slice % BUCKETS]!;
    if (bucket.slice !== slice) Object.assign(bucket, { slice, calls: 0, failures: 0 });
    bucket.calls++;
    if (failed) bucket.failures++;
  }

  /** Calls and failures within the window. */
  totals(): { calls: number; failures: number } {
    const oldest = Math.floor(this.now() / this.sliceMs) - BUCKETS + 1;
    let calls = 0;
    let failures = 0;
    for (const bucket of this.buckets) {
      if (bucket.slice < oldest) continue;
      calls += bucket.calls;
      failures += bucket.failures;
    }
    return { calls, failures };
  }

  /** Forgets everything (the breaker just closed or opened: a new period starts). */
  reset(): void {
    for (const bucket of this.buckets) Object.assign(bucket, { slice: -1, calls: 0, failures: 0 });
  }
}
