/** The yoga plugin that serves `/readiness` and `/metrics`, returns request ids and measures GraphQL requests. */
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import { isCallerGoneAnswer } from '../execution/callerGone.js';
import type { GatewayMetrics } from './metrics.js';
import { readinessAnswer, type Readiness } from './readiness.js';
import { REQUEST_ID_HEADER, type RequestOutcome, type ScopeOf } from './requestScope.js';

/** Paths of the gateway's own probes, answered before any GraphQL handling and kept out of request logs. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/readiness', '/metrics']);

/** What the plugin serves and measures with. */
export interface ObservabilityPluginOptions {
  scopeOf: ScopeOf;
  graphqlEndpoint: string;
  readiness: () => Promise<Readiness>;
  /** Undefined when metrics are off: `/metrics` is then not served (404). */
  metrics?: GatewayMetrics;
}

/** Serves the probes, tags every response with its request id and records each GraphQL request's outcome. */
export function useObservability(options: ObservabilityPluginOptions): Plugin<YogaInitialContext> {
  const { scopeOf, metrics } = options;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      // Yoga's own routing has parsed the URL by now: kept for the request line, so it is not parsed again there.
      scopeOf(request).path = url.pathname;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/readiness') {
        const { status, body } = readinessAnswer(await options.readiness());
        endResponse(fetchAPI.Response.json(body, { status, headers: { 'cache-control': 'no-store' } }));
      } else if (url.pathname === '/metrics' && metrics) {
        const text = await metrics.registry.metrics();
        endResponse(new fetchAPI.Response(text, { headers: { 'content-type': metrics.registry.contentType } }));
      }
    },
    onParams({ request, params }) {
      scopeOf(request).operationName = params.operationName ?? undefined;
    },
    onParse: ({ context }) => ({ result }) => {
      const document = result instanceof Error || !result ? undefined : (result as DocumentNode);
      const name = document && getOperationAST(document, context.params?.operationName)?.name?.value;
      if (name) scopeOf(context.request).operationName = name;
    },
    onResultProcess({ request, result }) {
      scopeOf(request).outcome = outcomeOf(result);
    },
    onResponse({ request, response }) {
      const scope = scopeOf(request);
      response.headers.set(REQUEST_ID_HEADER, scope.requestId);
      if (!scope.outcome && response.status >= 400 && new URL(request.url).pathname === options.graphqlEndpoint) scope.outcome = 'error';
      if (metrics && scope.outcome) metrics.request(scope.operationName, scope.outcome, (performance.now() - scope.started) / 1000);
    },
  };
}

/** Success when no result has errors; partial when some data came with errors; canceled when the client left; else error. */
function outcomeOf(result: unknown): RequestOutcome {
  let errors = false;
  let data = false;
  for (const item of Array.isArray(result) ? result : [result]) {
    const { errors: list, data: value } = (item ?? {}) as { errors?: unknown[]; data?: unknown };
    if (list && isCallerGoneAnswer({ errors: list })) return 'canceled';
    if (list && list.length > 0) errors = true;
    if (value !== null && value !== undefined) data = true;
  }
  if (!errors) return 'success';
  return data ? 'partial' : 'error';
}
