/** Tracing over an OpenTelemetry tracer: the SDK's (./sdk.ts) in production, one with an in-memory exporter in tests. */
import { isSpanContextValid, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { RequestScope, ScopeOf } from '../requestScope.js';
import { awxCallTracer } from './awxCalls.js';
import type { GatewayTracing, Tracing } from './index.js';
import { OperationTraces } from './operations.js';
import { useTracing } from './plugin.js';

/** Tracing that makes its spans with `tracer`; `shutdown` flushes and stops whatever exports them. */
export function createTracing(tracer: Tracer, shutdown: () => Promise<void>): Tracing {
  return { gateway: (scopeOf, logger) => gatewayTracing(tracer, scopeOf, logger), shutdown };
}

function gatewayTracing(tracer: Tracer, scopeOf: ScopeOf, logger: Logger): GatewayTracing {
  // Every later line of the request carries the trace: the request log, AWX failures, errors, graphql-ws lines.
  const bind = (scope: RequestScope, ids: { traceId: string; spanId?: string }) => scope.bind(ids.spanId ? { traceId: ids.traceId, spanId: ids.spanId } : { traceId: ids.traceId });
  const traces = new OperationTraces(tracer, (request: Request, span: Span) => {
    const { traceId, spanId } = span.spanContext();
    bind(scopeOf(request), { traceId, spanId });
  });
  const plugin = useTracing(traces, scopeOf);
  return {
    plugin: {
      ...plugin,
      // A request refused before it became an operation still logs the caller's trace id, when it sent one.
      onRequest({ request }) {
        const incoming = trace.getSpanContext(traces.incoming(request));
        if (incoming && isSpanContextValid(incoming)) bind(scopeOf(request), { traceId: incoming.traceId });
      },
    },
    awxCalls: (request) => awxCallTracer(tracer, traces.propagator, () => traces.parentOfCall(request)),
  };
}
