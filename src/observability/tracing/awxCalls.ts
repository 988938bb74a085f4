/**
 * A client span for each attempt of an AWX call, child of the operation's execute span, and the W3C
 * `traceparent` that continues it at AWX. Attributes follow OpenTelemetry's HTTP client conventions.
 */
import { defaultTextMapSetter, SpanKind, SpanStatusCode, type Context, type Tracer } from '@opentelemetry/api';
import type { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { UpstreamCall } from '../../awx/client.js';
import type { AwxCallTracer } from '../../awx/tracing.js';
import { resourceLabel } from '../labels.js';
import { withSpan } from './operations.js';

/**
 * Query parameters whose values the gateway makes itself (ids, pages, orderings from enums); the values of
 * others (filters, keyset cursors) can be what a client typed, so they are sent as `REDACTED`.
 */
const GATEWAY_MADE_PARAMETERS = new Set(['id__in', 'workflow_job__in', 'order_by', 'page', 'page_size']);

/** The query as a span may hold it: every value not in GATEWAY_MADE_PARAMETERS replaced by `REDACTED`. */
export function redactedQuery(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [key, value] of search) kept.append(key, GATEWAY_MADE_PARAMETERS.has(key) ? value : 'REDACTED');
  return kept.toString();
}

/** The path with its ids as `{id}`: a low-cardinality span name, the same for every job. */
export function urlTemplate(pathname: string): string {
  return pathname.replace(/\/\d+(?=\/|$)/g, '/{id}');
}

/** Traces the AWX calls whose parent `parentOf` gives at the moment each attempt is sent. */
export function awxCallTracer(tracer: Tracer, propagator: W3CTraceContextPropagator, parentOf: () => Context): AwxCallTracer {
  return {
    start(method, url, attempt) {
      const template = urlTemplate(url.pathname);
      const span = tracer.startSpan(`${method} ${template}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.path': url.pathname,
          'url.template': template,
          ...(url.search ? { 'url.query': redactedQuery(url.searchParams) } : {}),
          'server.address': url.hostname,
          'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
          'awx.resource': resourceLabel(url.pathname),
          ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
        },
      }, parentOf());
      const headers: Record<string, string> = {};
      propagator.inject(withSpan(span), headers, defaultTextMapSetter);
      return { headers, end: (call) => endCall(span, call) };
    },
  };
}

/** Records how an attempt went: AWX's status, or the code of a call that got no answer; a canceled call is no failure. */
function endCall(span: ReturnType<Tracer['startSpan']>, call: UpstreamCall): void {
  if (call.status !== null) span.setAttribute('http.response.status_code', call.status);
  if (call.error) span.setAttribute('awx.error_code', call.error);
  if (call.canceled) {
    span.setAttribute('awx.canceled', true);
  } else if (call.status === null || call.status >= 400) {
    const type = call.status !== null ? String(call.status) : (call.error ?? 'error');
    span.setAttribute('error.type', type);
    span.setStatus({ code: SpanStatusCode.ERROR, message: call.error ?? type });
  }
  span.end();
}
