/** Observability of one gateway: request ids and loggers, metrics, readiness, and the plugins serving them. */
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AwxTransport, UpstreamCall } from '../awx/client.js';
import type { AwxCallTracer } from '../awx/tracing.js';
import { pingAwx } from '../awx/ping.js';
import { upstreamStatus } from '../awx/transport.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics.js';
import { useObservability } from './plugin.js';
import { createReadinessCheck, DEFAULT_READINESS, type ReadinessOptions } from './readiness.js';
import { useErrorLog, useRequestLog } from './requestLog.js';
import { createRequestScopes, type RequestScope, type ScopeOf } from './requestScope.js';
import type { Tracing } from './tracing/index.js';

export { METRIC_NAMES, type GatewayMetrics } from './metrics.js';
export { DEFAULT_READINESS, type ReadinessOptions } from './readiness.js';
export type { RequestScope, ScopeOf } from './requestScope.js';
export { startTracing, type Tracing, type TracingConfig } from './tracing/index.js';

/** What observability is built from. */
export interface ObservabilityOptions {
  logger: Logger;
  transport: AwxTransport;
  graphqlEndpoint: string;
  /** Serve `/metrics` and measure (default true). */
  metrics?: boolean;
  readiness?: Partial<ReadinessOptions>;
  /** OpenTelemetry tracing, when on (OTEL_*). */
  tracing?: Tracing;
  /** One log line per request (default true; off only to measure its cost). */
  requestLog?: boolean;
}

/** The parts the rest of the gateway uses. */
export interface Observability {
  /** Finds a request's scope: its id, its logger, its AWX calls. */
  scopeOf: ScopeOf;
  /** Told of each finished AWX call: records it and logs it when AWX failed. */
  upstreamCall(scope: RequestScope, call: UpstreamCall): void;
  /** Told of each loader batch and its size. */
  loaderBatch(loader: string, size: number): void;
  /** Undefined when metrics are off. */
  metrics?: GatewayMetrics;
  /** Traces a request's AWX calls and passes its trace on to AWX; undefined when tracing is off. */
  awxCalls?: (request: Request) => AwxCallTracer;
  /** The yoga plugins: tracing, probes, request-id header, request metrics, request and error log lines. */
  plugins: Plugin<YogaInitialContext>[];
}

/** Builds the observability of one gateway. */
export function createObservability(options: ObservabilityOptions): Observability {
  const scopeOf = createRequestScopes(options.logger);
  const tracing = options.tracing?.gateway(scopeOf, options.logger);
  const metrics = options.metrics === false ? undefined : createGatewayMetrics();
  metrics?.watchUpstream(() => upstreamStatus(options.transport));
  const readinessOptions = { ...DEFAULT_READINESS, ...options.readiness };
  const readiness = createReadinessCheck(
    (signal) => pingAwx(options.transport, signal, (call) => metrics?.upstreamCall(call)),
    readinessOptions,
  );
  return {
    scopeOf,
    metrics,
    upstreamCall(scope, call) {
      metrics?.upstreamCall(call);
      // Only failures of AWX itself: 4xx answers are the caller's business and show in the GraphQL errors,
      // and a call the caller abandoned (disconnect) is theirs too.
      if (call.canceled) scope.log.debug({ upstream: call }, 'AWX call canceled by the caller');
      else if (call.status === null || call.status >= 500 || call.status === 429) scope.log.warn({ upstream: call }, 'AWX call failed');
    },
    loaderBatch: (loader, size) => metrics?.loaderBatch(loader, size),
    awxCalls: tracing?.awxCalls,
    plugins: [
      // First, so its spans hold every other plugin's work on the operation.
      ...(tracing ? [tracing.plugin] : []),
      useObservability({ scopeOf, metrics, readiness, graphqlEndpoint: options.graphqlEndpoint }),
      ...(options.requestLog === false ? [] : [useRequestLog(scopeOf, options.logger)]),
      useErrorLog(scopeOf, options.logger),
    ],
  };
}
