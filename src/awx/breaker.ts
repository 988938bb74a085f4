/**
 * The circuit breaker of one AWX upstream: after repeated failures the gateway stops calling AWX for a
 * cool-down and fails fast, so a down AWX is not hammered and callers are not kept waiting for timeouts.
 */
import { AwxCircuitOpenError } from './errors.js';

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
  /** Consecutive failures that open it; 0 disables the breaker. */
  failureThreshold: number;
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
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly listeners = new Set<BreakerListener>();
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
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
    if (state === 'open' || (state === 'half-open' && this.probing)) {
      throw new AwxCircuitOpenError(this.openedAt + this.options.cooldownMs - this.now());
    }
    const probe = state === 'half-open';
    if (probe) this.probing = true;
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      this.settle(outcome, probe);
    };
  }

  private settle(outcome: BreakerOutcome, probe: boolean): void {
    if (probe) this.probing = false;
    if (outcome === 'success') {
      if (probe) this.moveTo('closed');
      if (this.current === 'closed') this.failures = 0;
    } else if (outcome === 'failure') {
      if (probe) return this.open();
      // Calls admitted before the breaker opened may still fail while it is open: they change nothing.
      if (this.current === 'closed' && ++this.failures >= this.options.failureThreshold) this.open();
    }
  }

  private open(): void {
    this.openedAt = this.now();
    this.failures = 0;
    this.moveTo('open');
  }

  private moveTo(state: BreakerState): void {
    const previous = this.current;
    if (previous === state) return;
    this.current = state;
    for (const listener of this.listeners) listener(state, previous);
  }
}
