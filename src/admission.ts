/**
 * Admission control in front of the GraphQL endpoint: at most `maxInFlight` operations execute at once and
 * the rest wait in a bounded FIFO queue. An operation's memory (AWX bodies, parsed rows, the result) lives
 * while it executes, so under a burst this bounds the heap, and on a busy CPU it serves operations in turn
 * instead of interleaving them all (each then finishes sooner). Every query and mutation goes through it,
 * however it asks for its answer (JSON or event stream); subscriptions, which live as long as their
 * subscriber, probes and metrics do not (src/http/front.ts decides).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { AdaptiveLimit, type Load } from './adaptiveLimit.js';

/** MAX_INFLIGHT_REQUESTS and MAX_QUEUED_REQUESTS. */
export interface AdmissionOptions {
  /** Operations executing at once; 0 turns admission control off. */
  maxInFlight: number;
  /** Operations waiting for a slot; beyond it new ones get 503 OVERLOADED at once. */
  maxQueued: number;
  /**
   * When MAX_INFLIGHT_REQUESTS is unset: the limit starts at `maxInFlight` and rises up to this while callers
   * wait and the event loop has time to spare (src/adaptiveLimit.ts).
   */
  adaptiveCeiling?: number;
  /** How often the adaptive limit is reconsidered (ms), and the load since the last time (tests). */
  sampleMs?: number;
  load?: () => Load;
}

/** Defaults: four queries per core in flight (at least 8), 1024 waiting. */
export function defaultMaxInFlight(cores: number): number {
  return Math.max(8, 4 * cores);
}

/** How high the default limit may rise while the event loop has time to spare: 16 per core, at least 32. */
export function defaultAdaptiveCeiling(cores: number): number {
  return Math.max(32, 16 * cores);
}

const SAMPLE_MS = 100;

/** What the listener reports, for metrics and tests. */
export interface AdmissionState {
  inFlight: number;
  queued: number;
  /** Operations that may execute at once now: MAX_INFLIGHT_REQUESTS, or the adaptive limit. */
  limit: number;
}

/** The event loop's load since the previous call; `stop` ends the watch on garbage collection. */
function loadSampler(): { sample: () => Load; stop: () => void } {
  let last = performance.eventLoopUtilization();
  let lastAt = performance.now();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const sample = () => {
    const now = performance.eventLoopUtilization();
    const at = performance.now();
    const load = { utilization: performance.eventLoopUtilization(now, last).utilization, gcShare: gcMs / Math.max(1, at - lastAt) };
    [last, lastAt, gcMs] = [now, at, 0];
    return load;
  };
  return { sample, stop: () => gc.disconnect() };
}

const OVERLOADED_BODY = JSON.stringify({
  errors: [{ message: 'The gateway is at capacity; retry shortly.', extensions: { code: 'OVERLOADED' } }],
});

/** Admission control of one server: `run` starts a request's handler now, queues it, or answers 503 OVERLOADED. */
export interface Admission {
  run(req: IncomingMessage, res: ServerResponse, handler: RequestListener): void;
  state: AdmissionState;
  /** Stops reconsidering the adaptive limit. */
  close(): void;
}

/** Builds admission control; which requests go through it is the caller's choice (src/http/front.ts). */
export function createAdmission(options: AdmissionOptions): Admission {
  const state: AdmissionState = { inFlight: 0, queued: 0, limit: options.maxInFlight };
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
    while (state.inFlight < state.limit && queue.length > 0) {
      const [req, res, handler] = queue.shift()!;
      state.queued--;
      // A caller who gave up while waiting costs nothing more. (Not `req.destroyed`: a request whose body was
      // read whole before admission is already destroyed, its socket still waiting for the answer.)
      if (!res.destroyed && !res.socket?.destroyed) start(req, res, handler);
    }
  };
  const run = (req: IncomingMessage, res: ServerResponse, handler: RequestListener): void => {
    if (options.maxInFlight <= 0) return void handler(req, res);
    if (state.inFlight < state.limit) return start(req, res, handler);
    waited = true;
    if (state.queued >= options.maxQueued) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
      return void res.end(OVERLOADED_BODY);
    }
    state.queued++;
    queue.push([req, res, handler]);
  };
  let waited = false;
  const adaptive = options.maxInFlight > 0 && (options.adaptiveCeiling ?? 0) > options.maxInFlight
    ? new AdaptiveLimit(options.maxInFlight, options.adaptiveCeiling!) : undefined;
  const sampler = adaptive && (options.load ? { sample: options.load, stop: () => {} } : loadSampler());
  const timer = adaptive && sampler && setInterval(() => {
    state.limit = adaptive.observe(sampler.sample(), waited || state.queued > 0);
    waited = false;
    next();
  }, options.sampleMs ?? SAMPLE_MS).unref();
  const close = () => {
    if (timer) clearInterval(timer);
    if (sampler) sampler.stop();
  };
  return { run, state, close };
}
