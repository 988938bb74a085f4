/**
 * The span of each GraphQL operation, found by its request: it continues the caller's W3C trace context
 * (`traceparent`, `tracestate`; for graphql-ws those of the upgrade request) and is the parent of the
 * operation's phases and, through them, of its AWX calls.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The spans of one operation while it runs. */
export interface OperationTrace {
  span: Span;
  /** Context of the operation span: the parent of its phases. */
  context: Context;
  /** Parent of the AWX calls made now: the execute (or subscribe) span while it runs, else the operation span. */
  current: Context;
  /** Over HTTP, yoga's operation wrapper ends the span; over graphql-ws, the phase that finishes the operation does. */
  ownedByRequest: boolean;
  /** The codes of the GraphQL errors that refused it (validation) or came with its result, once known. */
  failed?: string[];
  ended: boolean;
}

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/** Operation spans of one gateway, keyed by request (one operation per request: yoga's batching is off). */
export class OperationTraces {
  readonly propagator = new W3CTraceContextPropagator();
  private readonly traces = new WeakMap<Request, OperationTrace>();

  constructor(
    private readonly tracer: Tracer,
    /** Told of each new operation span, to bind its trace id to the request's log lines. */
    private readonly onStart: (request: Request, span: Span) => void,
  ) {}

  /** The caller's trace context from the request's headers; the root context when it sent none (or a malformed one). */
  incoming(request: Request): Context {
    return this.propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
  }

  /** The operation's trace, if it has one. */
  get(request: Request): OperationTrace | undefined {
    return this.traces.get(request);
  }

  /** Parent of an AWX call made for `request` now. */
  parentOfCall(request: Request): Context {
    return this.traces.get(request)?.current ?? this.incoming(request);
  }

  /** The operation's trace, started (as `GraphQL Operation`, renamed once parsed) if it has none yet. */
  start(request: Request, ownedByRequest: boolean): OperationTrace {
    const existing = this.traces.get(request);
    if (existing) return existing;
    const span = this.tracer.startSpan('GraphQL Operation', { kind: SpanKind.SERVER }, this.incoming(request));
    const context = withSpan(span);
    const started: OperationTrace = { span, context, current: context, ownedByRequest, ended: false };
    this.traces.set(request, started);
    this.onStart(request, span);
    return started;
  }

  /** Starts a phase (parse, validate, execute, subscribe) as a child of the operation. */
  phase(operation: OperationTrace, name: string): Span {
    return this.tracer.startSpan(name, { kind: SpanKind.INTERNAL }, operation.context);
  }

  /** Ends the operation span once; `error` marks it failed (a thrown error, or the codes of its GraphQL errors). */
  end(operation: OperationTrace, attributes: Record<string, number | string> = {}, error?: unknown): void {
    if (operation.ended) return;
    operation.ended = true;
    if (error !== undefined) fail(operation.span, error);
    operation.span.setAttributes(attributes);
    operation.span.end();
  }
}

/** A context whose current span is `span`: the parent of what runs under it. */
export function withSpan(span: Span): Context {
  return trace.setSpan(ROOT_CONTEXT, span);
}

/**
 * Marks a span failed with a stable error type: a thrown error's code or class, or the first of a list of
 * GraphQL error codes (the status message lists them all); never an error message, which may quote client text.
 */
export function fail(span: Span, error: unknown): void {
  const types = Array.isArray(error) ? error.map(errorType) : [errorType(error)];
  span.setAttribute('error.type', types[0] ?? 'Error');
  span.setStatus({ code: SpanStatusCode.ERROR, message: types.join(', ') });
}

/** `extensions.code` of a GraphQL error, `code` of a Node or AWX error, else the error's class name (a plain code string as it is). */
export function errorType(error: unknown): string {
  const { extensions, code, name } = (typeof error === 'object' && error !== null ? error : {}) as { extensions?: { code?: unknown }; code?: unknown; name?: unknown };
  const found = typeof error === 'string' ? error : (extensions?.code ?? code ?? name);
  return typeof found === 'string' && /^[\w.-]{1,64}$/.test(found) ? found : 'Error';
}
