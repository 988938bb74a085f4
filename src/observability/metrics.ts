/** The gateway's Prometheus metrics, in a registry of its own so several gateways in one process never clash. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamCall } from '../awx/client.js';
import { createOperationLabeler, resourceLabel, upstreamStatusLabel } from './labels.js';
import type { RequestOutcome } from './requestScope.js';

/** States a circuit breaker reports; anything else is not exported (it would be a new series). */
const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;

/**
 * How often the event loop's delay is sampled for `nodejs_eventloop_lag_*`, in ms. prom-client's 10 ms woke an idle
 * gateway 100 times a second, each wake-up a timer turn of its own: at 100 ms an idle gateway used 2.5 ms of CPU a
 * second instead of 4.5 (bench/analysis.ts); a 15 s scrape still reads 150 samples, and `nodejs_eventloop_lag_seconds`
 * is measured at each scrape as before.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

/** Names of every metric the gateway exports besides Node's default process metrics. */
export const METRIC_NAMES = {
  requests: 'awx_graphql_requests_total',
  requestDuration: 'awx_graphql_request_duration_seconds',
  upstreamRequests: 'awx_graphql_upstream_requests_total',
  upstreamDuration: 'awx_graphql_upstream_request_duration_seconds',
  loaderBatchSize: 'awx_graphql_loader_batch_size',
  breakerState: 'awx_graphql_circuit_breaker_state',
  upstreamInFlight: 'awx_graphql_upstream_in_flight',
  upstreamQueued: 'awx_graphql_upstream_queued',
} as const;

/** The AWX transport's resilience state, read at each scrape (see `upstreamStatus` in src/awx/transport.ts). */
export interface UpstreamSnapshot {
  breaker?: string;
  inFlight?: number;
  queued?: number;
}

/** Where the gateway reports what it measures. */
export interface GatewayMetrics {
  registry: Registry;
  /** One GraphQL request: its operation (a client-chosen name, capped), outcome and duration. */
  request(operationName: string | undefined, outcome: RequestOutcome, seconds: number): void;
  /** One finished AWX call, labelled by collection and status (or error code), never by id. */
  upstreamCall(call: UpstreamCall): void;
  /** How many keys one loader batch carried. */
  loaderBatch(loader: string, size: number): void;
  /** Records the AWX circuit breaker's state (`closed`, `open`, `half_open`). */
  setBreakerState(state: string): void;
  /** Reads the breaker state and the in-flight and queued AWX requests at each scrape, from the transport. */
  watchUpstream(read: () => UpstreamSnapshot): void;
}

/** Creates the metrics of one gateway, with Node's default process metrics, in a fresh registry. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  const registers = [registry];
  const labels = ['operation', 'outcome'] as const;
  const requests = new Counter({ name: METRIC_NAMES.requests, help: 'GraphQL requests by operation name and outcome.', labelNames: labels, registers });
  const requestDuration = new Histogram({
    name: METRIC_NAMES.requestDuration, help: 'Time to answer a GraphQL request, in seconds.', labelNames: labels, registers,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  const upstreamLabels = ['resource', 'status'] as const;
  const upstream = new Counter({ name: METRIC_NAMES.upstreamRequests, help: 'AWX calls by collection and HTTP status or error code.', labelNames: upstreamLabels, registers });
  const upstreamDuration = new Histogram({
    name: METRIC_NAMES.upstreamDuration, help: 'Duration of AWX calls, in seconds.', labelNames: upstreamLabels, registers,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const batches = new Histogram({
    name: METRIC_NAMES.loaderBatchSize, help: 'Keys per DataLoader batch (one AWX read each), by loader.', labelNames: ['loader'], registers,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
  });
  const operationLabel = createOperationLabeler();
  return {
    registry,
    request(name, outcome, seconds) {
      const labelValues = { operation: operationLabel(name), outcome };
      requests.inc(labelValues);
      requestDuration.observe(labelValues, seconds);
    },
    upstreamCall(call) {
      const labelValues = { resource: resourceLabel(call.path), status: upstreamStatusLabel(call) };
      upstream.inc(labelValues);
      upstreamDuration.observe(labelValues, call.durationMs / 1000);
    },
    loaderBatch: (loader, size) => batches.observe({ loader }, size),
    ...upstreamGauges(registry),
  };
}

/**
 * The gauges read from the transport at scrape time: the breaker (one series per state, 1 for the
 * current one, none until a state is known) and the limiter's in-flight and queued AWX requests.
 */
function upstreamGauges(registry: Registry): Pick<GatewayMetrics, 'setBreakerState' | 'watchUpstream'> {
  let pushed: string | undefined;
  let read: () => UpstreamSnapshot = () => ({});
  const registers = [registry];
  new Gauge({
    name: METRIC_NAMES.breakerState, labelNames: ['state'], registers,
    help: 'State of the AWX circuit breaker: 1 for the current state (closed, open or half_open), 0 for the others.',
    collect() {
      const state = (read().breaker ?? pushed)?.toLowerCase().replace(/[-\s]/g, '_');
      this.reset();
      if (!BREAKER_STATES.some((known) => known === state)) return;
      for (const known of BREAKER_STATES) this.set({ state: known }, known === state ? 1 : 0);
    },
  });
  const count = (name: string, help: string, pick: (s: UpstreamSnapshot) => number | undefined) =>
    new Gauge({ name, help, registers, collect() { const value = pick(read()); if (value !== undefined) this.set(value); } });
  count(METRIC_NAMES.upstreamInFlight, 'AWX requests in flight now.', (s) => s.inFlight);
  count(METRIC_NAMES.upstreamQueued, 'AWX requests waiting for a slot now (AWX_MAX_CONCURRENCY).', (s) => s.queued);
  return {
    setBreakerState: (state) => void (pushed = state),
    watchUpstream: (reader) => void (read = reader),
  };
}
