/**
 * Admission control in front of the GraphQL endpoint: at most `maxInFlight` queries execute at once and
 * the rest wait in a bounded FIFO queue. A query's memory (AWX bodies, parsed rows, the result) lives
 * while it executes, so under a burst this bounds the heap, and on a busy CPU it serves queries in turn
 * instead of interleaving them all (each then finishes sooner). Long-lived answers (SSE subscriptions),
 * probes and metrics never wait: they bypass the queue.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** MAX_INFLIGHT_REQUESTS and MAX_QUEUED_REQUESTS. */
export interface AdmissionOptions {
  /** Queries executing at once; 0 turns admission control off. */
  maxInFlight: number;
  /** Queries waiting for a slot; beyond it new ones get 503 OVERLOADED at once. */
  maxQueued: number;
  /** The GraphQL endpoint's path: only requests to it are admitted. */
  endpoint: string;
}

/** Defaults: four queries per core in flight (at least 8), 1024 waiting. */
export function defaultMaxInFlight(cores: number): number {
  return Math.max(8, 4 * cores);
}

/** What the listener reports, for metrics and tests. */
export interface AdmissionState {
  inFlight: number;
  queued: number;
}

type Pending = [IncomingMessage, ServerResponse];

const OVERLOADED_BODY = JSON.stringify({
  errors: [{ message: 'The gateway is at capacity; retry shortly.', extensions: { code: 'OVERLOADED' } }],
});

/** Whether a request must not wait: not the GraphQL endpoint, an SSE subscription, or a CORS preflight. */
function bypasses(req: IncomingMessage, endpoint: string): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== endpoint || req.method === 'OPTIONS') return true;
  return (req.headers.accept ?? '').includes('text/event-stream');
}

/** Wraps `handler` so GraphQL queries beyond the limit wait their turn; returns the listener and its state. */
export function admitted(handler: RequestListener, options: AdmissionOptions): { listener: RequestListener; state: AdmissionState } {
  const state: AdmissionState = { inFlight: 0, queued: 0 };
  const queue: Pending[] = [];
  const run = (req: IncomingMessage, res: ServerResponse): void => {
    state.inFlight++;
    // 'close' fires for every response, finished or aborted, so a slot is never lost.
    res.once('close', () => {
      state.inFlight--;
      next();
    });
    handler(req, res);
  };
  const next = (): void => {
    while (state.inFlight < options.maxInFlight && queue.length > 0) {
      const [req, res] = queue.shift()!;
      state.queued--;
      // A caller who gave up while waiting costs nothing more.
      if (!res.destroyed && !req.destroyed) run(req, res);
    }
  };
  const listener: RequestListener = (req, res) => {
    if (options.maxInFlight <= 0 || bypasses(req, options.endpoint)) return handler(req, res);
    if (state.inFlight < options.maxInFlight) return run(req, res);
    if (state.queued >= options.maxQueued) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
      return void res.end(OVERLOADED_BODY);
    }
    state.queued++;
    queue.push([req, res]);
  };
  return { listener, state };
}
