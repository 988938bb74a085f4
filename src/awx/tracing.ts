/**
 * How AWX calls are traced, as the AWX client sees it: the gateway's tracing (src/observability/tracing) gives
 * a request's client a tracer, and the client knows nothing of OpenTelemetry. Without one nothing is traced
 * and no trace header is sent to AWX.
 */
import type { UpstreamCall } from './client.js';

/** One attempt's span while AWX answers. */
export interface AwxCallSpan {
  /** Headers that carry the trace to AWX (W3C `traceparent`, `tracestate`). */
  headers: Record<string, string>;
  /** Ends the span with how the attempt went (status, error code, attempt number). */
  end(call: UpstreamCall): void;
}

/** Starts a span for each attempt of an AWX call, as it is sent. */
export interface AwxCallTracer {
  start(method: string, url: URL, attempt: number): AwxCallSpan;
}
