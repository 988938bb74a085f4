/** Request and error log lines, written through each request's own logger so every line carries its id. */
import { useErrorHandler, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isExpectedError } from '../errors.js';
import { callerHasGone } from '../execution/callerGone.js';
import { PROBE_PATHS } from './plugin.js';
import type { ScopeOf } from './requestScope.js';

/**
 * One line per request: operation, status, duration and how many AWX calls it cost; probes only at debug.
 * The line's fields are known and hold no secret (the operation name is cut to its bound like any string), so it
 * is written without the redaction every other line goes through, which costs ten times the rest of the line.
 */
export function useRequestLog(scopeOf: ScopeOf, logger: Logger): Plugin<YogaInitialContext> {
  const lines = logger.child({}, { redact: { paths: [] } });
  return {
    onResponse: ({ request, response }) => {
      const scope = scopeOf(request);
      const path = scope.path ?? new URL(request.url).pathname;
      const status = response.status;
      const durationMs = Math.round((performance.now() - scope.started) * 10) / 10;
      if (PROBE_PATHS.has(path)) return scope.log.debug({ path, status, durationMs }, 'probe request');
      const operationName = scope.operationName ?? null;
      const upstreamCalls = scope.upstreamCalls.length;
      // A literal of known keys unless tracing bound its ids: spreading the scope's fields into the line, then adding
      // the rest, was 2% of a one-job query's busy time under load.
      const line: Record<string, unknown> = scope.fields.traceId === undefined
        ? { requestId: scope.requestId, operationName, status, durationMs, upstreamCalls }
        : { ...scope.fields, operationName, status, durationMs, upstreamCalls };
      // The client closed its connection before the answer (what nginx logs as 499): `status` is what was meant for it.
      if (callerHasGone(request)) line.clientClosed = true;
      lines.info(line, 'graphql request');
    },
  };
}

/** Logs errors that are defects (not bad input or AWX refusals) with their stack, under the request's id. */
export function useErrorLog(scopeOf: ScopeOf, fallback: Logger): Plugin<YogaInitialContext> {
  return useErrorHandler(({ errors, context }) => {
    // In the execution phase envelop passes the execution args, with the GraphQL context inside.
    const inner = (context as { contextValue?: Partial<YogaInitialContext> } | undefined)?.contextValue;
    const request = (inner ?? (context as Partial<YogaInitialContext> | undefined))?.request;
    const log = request ? scopeOf(request).log : fallback;
    for (const error of errors.filter((e) => !isExpectedError(e))) log.error({ err: error }, 'unexpected error');
  });
}
