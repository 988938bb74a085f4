/**
 * Admission control in front of the GraphQL endpoint: at most `maxInFlight` operations execute at once and
 * the rest wait in a bounded FIFO queue. An operation's memory (AWX bodies, parsed rows, the result) lives
 * while it executes, so under a burst this bounds the heap, and on a busy CPU it serves operations in turn
 * instead of interleaving them all (each then finishes sooner). Every query and mutation goes through it,
 * however it asks for its answer (JSON or event stream); subscriptions, which live as long as their
 * subscriber, probes and metrics do not (src/http/front.ts decides).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** MAX_INFLIGHT_REQUESTS and MAX_QUEUED_REQUESTS. */
export interface AdmissionOptions {
  /** Operations executing at once; 0 turns admission control off. */
  maxInFlight: number;
  /** Operations waiting for a slot; beyond it new ones get 503 OVERLOADED at once. */
  maxQueued: number;
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

const OVERLOADED_BODY = JSON.stringify({
  errors: [{ message: 'The gateway is at capacity; retry shortly.', extensions: { code: 'OVERLOADED' } }],
});

/** Admission control of one server: `run` starts a request's handler now, queues it, or answers 503 OVERLOADED. */
export interface Admission {
  run(req: IncomingMessage, res: ServerResponse, handler: RequestListener): void;
  state: AdmissionState;
}

/** Builds admission control; which requests go through it is the caller's choice (src/http/front.ts). */
export function createAdmission(options: AdmissionOptions): Admission {
  const state: AdmissionState = { inFlight: 0, queued: 0 };
  const queue: [IncomingMessage, ServerResponse, RequestListener][] = [];
  const start = (req: IncomingMessage, res: ServerResponse, handler: RequestListener): void => {
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
      const [req, res, handler] = queue.shift()!;
      state.queued--;
      // A caller who gave up while waiting costs nothing more. (Not `req.destroyed`: a request whose body was
      // read whole before admission is already destroyed, its socket still waiting for the answer.)
      if (!res.destroyed && !res.socket?.destroyed) start(req, res, handler);
    }
  };
  const run = (req: IncomingMessage, res: ServerResponse, handler: RequestListener): void => {
    if (options.maxInFlight <= 0) return void handler(req, res);
    if (state.inFlight < options.maxInFlight) return start(req, res, handler);
    if (state.queued >= options.maxQueued) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
      return void res.end(OVERLOADED_BODY);
    }
    state.queued++;
    queue.push([req, res, handler]);
  };
  return { run, state };
}
