import type { FaultBook, RecordedRequest } from './faults.js';
import type { DemoLayout } from './http/layout.js';
import type { DemoData } from './types.js';

/** Per-server mutable state: faults, latency and the timers to cancel on close. */
export interface ServerState {
  data: DemoData;
  requests: RecordedRequest[];
  faults: FaultBook;
  latencyMs: number;
  timers: Set<NodeJS.Timeout>;
  closed: boolean;
  scheme: 'http' | 'https';
  /** AWX's own `/api/v2/`, or AAP 2.5+'s `/api/controller/v2/` (see http/layout.ts). */
  layout: DemoLayout;
  /** How many requests `requests` keeps (the oldest go first), so a long-running demo's memory stays bounded. */
  maxRecordedRequests: number;
}

/** Records a request, dropping the oldest ones past the bound (in batches, so each drop is rare). */
export function record(state: ServerState, request: RecordedRequest): void {
  state.requests.push(request);
  const excess = state.requests.length - state.maxRecordedRequests;
  if (excess > 0 && excess >= Math.max(1, state.maxRecordedRequests / 10)) state.requests.splice(0, excess);
}

/** A cancellable sleep: close() clears pending timers, so a closed server never keeps the process alive. */
export function delay(state: ServerState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, ms);
    state.timers.add(timer);
  });
}
