/**
 * The in-flight limit when MAX_INFLIGHT_REQUESTS is left to the gateway. A query spends most of its time waiting
 * on AWX, and while it waits the event loop is idle: a fixed limit sized for a busy CPU then keeps callers queued
 * behind queries that are only waiting (at 10 connections against an AWX answering in 5 ms, four per core cost a
 * seventh of one-job queries' throughput; bench/RESULTS.md). So the limit rises while callers wait and the event
 * loop has time to spare, and falls back while it is busy: on a saturated CPU, fewer queries at once each finish
 * sooner and hold less memory (under 50 connections of 50-job pages, 16 at once cost 1.4 times the CPU per query
 * of 8, and 11 MB more RSS).
 */

/** What an interval looked like: the event loop's utilization and the share of it spent collecting garbage (0–1). */
export interface Load {
  utilization: number;
  gcShare: number;
}

/** Below this event-loop utilization there is time to spare; above BUSY, none. Between, the limit holds. */
export const SPARE = 0.85;
export const BUSY = 0.95;
/**
 * The same for garbage collection. Queries that hold much while in flight (50-job pages) make the collector work
 * harder the more run at once: under 50 connections of them it took 6–9% of the time at 8 at once and 10–17% at
 * 16, where one-job queries left it at 2–3%. More at once then buys no throughput, only RSS and CPU.
 */
export const GC_SPARE = 0.04;
export const GC_BUSY = 0.08;

/** A limit between `floor` and `ceiling`, moved by each interval's event-loop utilization. */
export class AdaptiveLimit {
  current: number;

  constructor(
    readonly floor: number,
    readonly ceiling: number,
  ) {
    this.current = floor;
  }

  /** The limit for the next interval, from the last one's load and whether callers had to wait. */
  observe({ utilization, gcShare }: Load, waited: boolean): number {
    if (utilization > BUSY || gcShare > GC_BUSY) {
      // Back off faster than it grows: a busy loop makes every query in flight slower.
      this.current = Math.max(this.floor, Math.floor(this.current * 0.75));
    } else if (utilization < SPARE && gcShare < GC_SPARE && waited) {
      this.current = Math.min(this.ceiling, this.current + Math.max(1, Math.floor(this.floor / 4)));
    }
    return this.current;
  }
}
