/**
 * OpenTelemetry tracing of GraphQL operations and their AWX calls, off by default. Nothing of the SDK is
 * loaded unless tracing is switched on (see ./config.ts): `startTracing` imports it then.
 */
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AwxCallTracer } from '../../awx/tracing.js';
import type { ScopeOf } from '../requestScope.js';
import type { TracingConfig } from './config.js';

export { tracingConfig, type TracingConfig } from './config.js';

/** Tracing switched on: where spans are made, and how to stop. */
export interface Tracing {
  /** Traces one gateway's operations; `logger` is the gateway's, re-bound per request with its trace id. */
  gateway(scopeOf: ScopeOf, logger: Logger): GatewayTracing;
  /** Exports the spans not sent yet and stops (at shutdown, once requests have drained). */
  shutdown(): Promise<void>;
}

/** The tracing of one gateway. */
export interface GatewayTracing {
  /** The yoga plugin making each operation's spans. */
  plugin: Plugin<YogaInitialContext>;
  /** Traces the AWX calls made for `request`, as children of its operation, and passes the trace on to AWX. */
  awxCalls(request: Request): AwxCallTracer;
}

/** Starts the SDK with its exporters as configured (OTEL_*); the SDK's own warnings go to `logger`. */
export async function startTracing(config: TracingConfig, logger: Logger): Promise<Tracing> {
  const { startSdk } = await import('./sdk.js');
  return startSdk(config, logger);
}
