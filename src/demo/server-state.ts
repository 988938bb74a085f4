import type { FaultBook, RecordedRequest } from './faults.js';
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
