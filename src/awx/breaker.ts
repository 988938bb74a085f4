/**
 * The circuit breaker of one AWX upstream: when AWX is down (most recent calls fail) the gateway stops calling it
 * for a cool-down and fails fast, so a down AWX is not hammered and callers are not kept waiting for timeouts.
 * It opens on a failure *rate* over a window, never on a run of failures alone: an AWX failing one call in three
 * is up, and its callers are better served by retries than by an outage of the breaker's making.
 */
import { AwxCircuitOpenError } from './errors.js';
import { FailureWindow } from './failureWindow.js';
import type { AbortLike } from './deadline.js';

/** `closed`: calls go through; `open`: they fail fast; `half-open`: one probe call decides which comes next. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** How one admitted call ended, as the breaker counts it. */
export type BreakerOutcome =
  /** AWX answered (4xx included: those are the caller's problem, not AWX's). */
  | 'success'
  /** AWX failed: 5xx after retries, a timeout, or no connection. */
  | 'failure'
  /** Says nothing about AWX (the caller went away, or the gateway was at capacity). */
  | 'neutral';

/** Settles an admitted call; call it exactly once. */
export type BreakerSettle = (outcome: BreakerOutcome) => void;

/** When the breaker opens and for how long. */
export interface BreakerOptions {
  /** Failures within the window needed before it may open (AWX_BREAKER_FAILURES); 0 disables the breaker. */
  failureThreshold: number;
  /** Share of the window's calls that must have failed, 0–1 (AWX_BREAKER_FAILURE_RATE as a fraction); default 0.5. */
  failureRate?: number;
  /** How far back calls count (AWX_BREAKER_WINDOW_MS); default 10 s. */
  windowMs?: number;
  /** How long it stays open before letting a probe through. */
  cooldownMs: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
}

/** Listens to state changes, e.g. to export them as a metric or log them. */
export type BreakerListener = (state: BreakerState, previous: BreakerState) => void;

/** One breaker per transport (per AWX), shared by every caller: AWX's health is the same for all of them. */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private openedAt = 0;
  /** The probe in flight while half-open; calls arriving meanwhile wait for its verdict. */
  private probe?: Promise<void>;
  private endProbe = () => {};
  private readonly window: FailureWindow;
  private readonly listeners = new Set<BreakerListener>();
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
    this.window = new FailureWindow(options.windowMs ?? 10_000, this.now);
  }

  /** The current state; an open breaker whose cool-down has passed reads (and becomes) `half-open`. */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) this.moveTo('half-open');
    return this.current;
  }

  /** Calls `listener` on every state change; returns the function that unsubscribes it. */
  onStateChange(listener: BreakerListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Admits a call or throws AwxCircuitOpenError; while half-open, only one probe is in flight at a time. */
  admit(): BreakerSettle {
    if (this.options.failureThreshold <= 0) return () => {};
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probe)) {
      throw new AwxCircuitOpenError(this.openedAt + this.options.cooldownMs - this.now());
    }
    const probe = state === 'half-open';
    if (probe) this.probe = new Promise((resolve) => (this.endProbe = resolve));
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      this.settle(outcome, probe);
    };
  }

  /**
   * Admits a call like `admit`, but a call arriving while a probe is in flight waits for the probe's verdict
   * (within `signal`) instead of failing: when AWX has healed, the calls queued behind the probe succeed too.
   */
  async enter(signal?: AbortLike): Promise<BreakerSettle> {
    while (this.probe && this.current === 'half-open' && !signal?.aborted) {
      await Promise.race([this.probe, abortOf(signal)]);
    }
    return this.admit();
  }

  private settle(outcome: BreakerOutcome, probe: boolean): void {
    if (probe) {
      this.probe = undefined;
      this.endProbe();
      if (outcome === 'success') this.close();
      else if (outcome === 'failure') this.open();
      return; // a probe whose caller left decides nothing: the next call probes again
    }
    // Calls admitted before the breaker opened may still end while it is open: they change nothing.
    if (outcome === 'neutral' || this.current !== 'closed') return;
    this.window.record(outcome === 'failure');
    const { calls, failures } = this.window.totals();
    if (failures >= this.options.failureThreshold && failures >= calls * (this.options.failureRate ?? 0.5)) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.window.reset();
    this.moveTo('open');
  }

  private close(): void {
    this.window.reset();
    this.moveTo('closed');
  }

  private moveTo(state: BreakerState): void {
    const previous = this.current;
    if (previous === state) return;
    this.current = state;
    for (const listener of this.listeners) listener(state, previous);
  }
}

/** A promise that resolves when `signal` aborts (never, without one). */
function abortOf(signal?: AbortLike): Promise<void> {
  return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
}
