/**
 * The yoga plugin that traces GraphQL operations: a span per operation, named `query OperationName`, with
 * children `graphql.parse`, `graphql.validate` and `graphql.execute` (or `graphql.subscribe`). Attributes
 * follow OpenTelemetry's GraphQL conventions, type and name only: never the document, its variables or a
 * credential. Errors are recorded by their stable code, never by their message (which can quote client text).
 */
import { getOperationAST, type DocumentNode } from 'graphql';
import { handleStreamOrSingleExecutionResult, isPromise, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { ScopeOf } from '../requestScope.js';
import { errorType, fail, withSpan, type OperationTrace, type OperationTraces } from './operations.js';

/** Longest operation name kept on a span (GraphQL names have no length limit). */
const MAX_NAME_LENGTH = 128;

type Phase = 'graphql.parse' | 'graphql.validate' | 'graphql.context' | 'graphql.execute' | 'graphql.subscribe';

/** Runs `run`, then `done` with the error it threw or rejected with, if any; returns or rethrows as `run` did. */
function around<T>(run: () => T, done: (error?: unknown) => void): T {
  let result: T;
  try {
    result = run();
  } catch (error) {
    done(error);
    throw error;
  }
  if (!isPromise(result)) {
    done();
    return result;
  }
  return result.then((value) => (done(), value), (error: unknown) => (done(error), Promise.reject(error))) as T;
}

/**
 * The distinct codes of a result's errors, as clients get them in `extensions.code` (read before masking: an
 * AWX failure's code is still on its original error); `fallback` for an error without one.
 */
function errorCodes(errors: readonly unknown[] | undefined, fallback = 'GRAPHQL_ERROR'): string[] {
  const codeOf = (error: unknown) => {
    const { extensions, originalError } = error as { extensions?: { code?: unknown }; originalError?: { code?: unknown } };
    const code = extensions?.code ?? originalError?.code;
    return typeof code === 'string' ? errorType(code) : fallback;
  };
  return [...new Set((errors ?? []).map(codeOf))];
}

/** The plugin over `traces`; `scopeOf` gives the number of AWX calls an operation made. */
export function useTracing(traces: OperationTraces, scopeOf: ScopeOf): Plugin<YogaInitialContext> {
  const requestOf = (context: unknown) => (context as Partial<YogaInitialContext> | undefined)?.request;
  const finish = (request: Request, operation: OperationTrace, error?: unknown) =>
    traces.end(operation, { 'awx.calls': scopeOf(request).upstreamCalls.length }, error ?? operation.failed);

  /** Wraps a phase in its span; over graphql-ws a failed phase, or the last one, also ends the operation. */
  const phase = (name: Phase, last = false) => ({ context }: { context: unknown }, wrapped: () => unknown): any => {
    const request = requestOf(context);
    if (!request) return wrapped();
    const operation = traces.start(request, false);
    const span = name === 'graphql.context' ? undefined : traces.phase(operation, name);
    if (span && last) operation.current = withSpan(span);
    return around(wrapped, (error) => {
      const failure = error ?? operation.failed;
      if (span && failure !== undefined) fail(span, failure);
      span?.end();
      if (last) operation.current = operation.context;
      if (!operation.ownedByRequest && (last || error !== undefined || operation.failed)) finish(request, operation, error);
    });
  };

  return {
    instrumentation: {
      operation: ({ request }, wrapped) => {
        const operation = traces.start(request, true);
        return around(wrapped, (error) => finish(request, operation, error)) as ReturnType<typeof wrapped>;
      },
      parse: phase('graphql.parse'),
      validate: phase('graphql.validate'),
      context: phase('graphql.context'),
      execute: phase('graphql.execute', true),
      subscribe: phase('graphql.subscribe', true),
    },
    onParse: ({ context }) => ({ result }) => {
      const request = requestOf(context);
      const operation = request && traces.get(request);
      if (!operation || !result || result instanceof Error) return;
      const ast = getOperationAST(result as DocumentNode, context.params?.operationName);
      if (!ast) return;
      const name = ast.name?.value.slice(0, MAX_NAME_LENGTH);
      operation.span.setAttribute('graphql.operation.type', ast.operation);
      if (name) operation.span.setAttribute('graphql.operation.name', name);
      operation.span.updateName(name ? `${ast.operation} ${name}` : ast.operation);
    },
    onValidate: ({ context }) => ({ valid, result }) => {
      const request = requestOf(context);
      const operation = request && traces.get(request);
      if (operation && !valid) operation.failed = errorCodes(result, 'GRAPHQL_VALIDATION_FAILED');
    },
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, ({ result }) => {
        const request = requestOf(args.contextValue);
        const operation = request && traces.get(request);
        const codes = errorCodes(result.errors);
        if (operation && codes.length > 0) operation.failed = codes;
      }),
    }),
  };
}
