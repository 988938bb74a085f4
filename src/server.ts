/** Builds the gateway (a Yoga instance) from configuration; listening is start.ts's job. */
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { mapSchema } from '@graphql-tools/utils';
import { createYoga, type GraphiQLOptions, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AwxTransport } from './awx/client.js';
import { authorizationFor } from './awx/credentials.js';
import { startApiDiscovery } from './awx/discovery.js';
import { createGatewayCache, type CacheConfig, type GatewayCache } from './cache/index.js';
import { createContext, OPERATION_TIMEOUT_DEFAULT_MS, type GatewayContext } from './context.js';
import { maskError } from './errors.js';
import { parseCaches } from './execution/documentCache.js';
import { useValidationCache } from './execution/validationCache.js';
import { EXAMPLE_QUERY } from './example-query.js';
import { DEFAULT_QUERY_LIMITS, queryLimitPlugins, type QueryLimits } from './limits/index.js';
import { createLiveRegistry, type LiveRegistry, type SubscriptionConfig } from './live/index.js';
import { useJsonRefusals } from './refusals.js';
import type { HostPolicy } from './http/hosts.js';
import { createPersistedOperations, type PersistedConfig, type PersistedOperations } from './persisted/index.js';
import { createObservability, type ReadinessOptions, type Tracing } from './observability/index.js';
import { buildSchema } from './schema.js';
import { corsFor, useCsrfPrevention } from './security.js';
import { subgraphPlugins, useUntracedExecution } from './subgraph.js';

/** What a gateway is built from. */
export interface GatewayOptions {
  transport: AwxTransport;
  logger: Logger;
  detailConcurrency: number;
  /** Service token for callers who send no `Authorization` (AWX_TOKEN, CONTROLLER_OAUTH_TOKEN); docs/configuration.md says why it is a risk. */
  awxToken?: string;
  /** Service user for callers who send no `Authorization` when no token is set (CONTROLLER_USERNAME/PASSWORD), sent as Basic. */
  awxBasic?: { username: string; password: string };
  /** Browser origins allowed to call the gateway (CORS_ORIGINS); others are refused (CSRF) and get no CORS headers. */
  allowedOrigins?: readonly string[];
  /** The host names the gateway answers to (src/http/hosts.ts); a same-origin page must come from one of them. */
  hosts?: HostPolicy;
  /** Serve GraphiQL to browsers (default true). */
  graphiql?: boolean;
  /** Answer `__schema`/`__type` introspection (default true); `_service { sdl }` stays for supergraphs. */
  introspection?: boolean;
  /** Query limits (MAX_DEPTH, MAX_COST, …), enforced before any AWX call; unset ones take their defaults. */
  limits?: Partial<QueryLimits>;
  /** How long one query or mutation may wait on AWX in all (OPERATION_TIMEOUT_MS); default OPERATION_TIMEOUT_DEFAULT_MS. */
  operationTimeoutMs?: number;
  /** Serve Prometheus metrics at /metrics (METRICS, default true). */
  metrics?: boolean;
  /** How /readiness pings AWX (READINESS_CACHE_MS, READINESS_TIMEOUT_MS; 2 s each by default). */
  readiness?: Partial<ReadinessOptions>;
  /** Cross-request cache of finished jobs (CACHE, default off); closed when the gateway is disposed. */
  cache?: CacheConfig;
  /** How subscriptions watch jobs (SUBSCRIPTION_*, AWX_WEBSOCKET, REDIS_URL); unset ones take their defaults. */
  subscriptions?: Partial<SubscriptionConfig>;
  /** Automatic persisted queries and trusted documents (APQ*, PERSISTED_DOCUMENTS_*, REDIS_URL); APQ in memory when unset. */
  persisted?: Partial<PersistedConfig>;
  /** OpenTelemetry tracing (OTEL_*), off when not given; shut down by its owner (src/app.ts releases it). */
  tracing?: Tracing;
  /**
   * Features left out, for measuring what each costs (`npm run bench`'s feature-cost table); no setting reads
   * this, and every feature is on in any gateway started from configuration.
   */
  without?: ReadonlySet<MeasuredFeature>;
}

/** The features the benchmark switches off one at a time (metrics have METRICS, admission MAX_INFLIGHT_REQUESTS). */
export type MeasuredFeature = 'limits' | 'requestLog' | 'csrf' | 'federationTrace' | 'persisted';

/** The gateway: a Yoga server whose `fetch`/request listener serves /graphql and /health. */
export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

/** The gateway and what it holds that its owner must reach: watched jobs (to end them) and the cache. */
export interface GatewayParts {
  gateway: Gateway;
  /** The jobs subscriptions watch, to end every subscription when the gateway stops. */
  live: LiveRegistry;
  /** The cross-request cache of finished jobs; undefined when CACHE is off. */
  cache?: GatewayCache;
  /** APQ and trusted documents, which graphql-ws and admission control resolve too. */
  persisted: PersistedOperations;
}

/**
 * GraphiQL's page inlines its whole bundle so it works offline (no CDN); that module takes ~45 MB, so it is
 * loaded on the first page view rather than at start (production often turns GraphiQL off).
 */
async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  return (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options);
}

/** Refuses `__schema` and `__type` queries (a validation error, before any AWX call); `__typename` still works. */
function useNoIntrospection(): Plugin<GatewayContext> {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}

/**
 * Builds the gateway, and starts looking for the controller's API path (unless configured): requests wait for
 * that first search, and while it finds nothing it is retried in the background. Nothing here holds a
 * caller's credentials: those live in each request's context.
 */
export function createGateway(options: GatewayOptions): GatewayParts {
  const discovery = startApiDiscovery(options.transport, options.logger);
  const on = (feature: MeasuredFeature) => !options.without?.has(feature);
  const observability = createObservability({ ...options, graphqlEndpoint: '/graphql', requestLog: on('requestLog') });
  const cache = options.cache && createGatewayCache(options.cache, {
    awxBaseUrl: options.transport.baseUrl.toString(), logger: options.logger, registry: observability.metrics?.registry,
  });
  const live = createLiveRegistry({
    transport: options.transport, logger: options.logger, config: options.subscriptions, onCall: (call) => observability.metrics?.upstreamCall(call),
  });
  const schema = buildSchema();
  // Copied before Yoga's trace plugin wraps the resolvers of `schema`: the copy's types are its own, its resolvers
  // and AST the same objects, so it costs a fraction of a second build (src/subgraph.ts).
  const untraced = mapSchema(schema);
  const persisted = createPersistedOperations(options.persisted ?? {}, { logger: options.logger, schema });
  const deps = {
    live,
    transport: options.transport,
    loaderOptions: { detailConcurrency: options.detailConcurrency, onBatch: observability.loaderBatch },
    // Sent for callers who send none: the service token, else the service user, else nothing.
    fallbackAuthorization: authorizationFor(options.awxToken, options.awxBasic),
    scopeOf: observability.scopeOf,
    onUpstreamCall: observability.upstreamCall,
    awxCalls: observability.awxCalls,
    cache,
    operationTimeoutMs: options.operationTimeoutMs ?? OPERATION_TIMEOUT_DEFAULT_MS,
    maxAwxCalls: options.limits?.maxAwxCalls ?? DEFAULT_QUERY_LIMITS.maxAwxCalls,
  };
  const gateway = createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // src/http/front.ts reads every body whole and bounds it (MAX_BODY_BYTES, BODY_TIMEOUT_MS) before Yoga sees
    // the request; Yoga's own bound would wrap each body in a second stream and copy the request to count it again.
    maxRequestBodySize: false,
    parserAndValidationCache: parseCaches(),
    context: (initial) => createContext(deps, initial),
    maskedErrors: { maskError },
    cors: corsFor({ allowedOrigins: options.allowedOrigins ?? [] }),
    // With PERSISTED_DOCUMENTS_ONLY, GraphiQL could run nothing (its queries are free text): it is not served.
    graphiql: options.graphiql === false || persisted.only ? false : { title: 'AWX GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    logging: false,
    plugins: [
      // First: the rules it compares are those every request starts with (plugins after it add theirs).
      useValidationCache(),
      ...observability.plugins,
      ...(on('csrf') ? [useCsrfPrevention({ allowedOrigins: options.allowedOrigins ?? [], hosts: options.hosts })] : []),
      ...(options.introspection === false ? [useNoIntrospection()] : []),
      // Before the limits: MAX_QUERY_BYTES and the others apply to the text a documentId or hash stands for.
      ...(on('federationTrace') ? subgraphPlugins() : []),
      ...(on('persisted') ? [persisted.plugin] : []),
      ...(on('limits') ? queryLimitPlugins(options.limits) : []),
      useJsonRefusals('/graphql'),
      // Last of those that touch execution: untraced operations run on the copy of the schema, compiled once asked
      // again (src/subgraph.ts); with the trace plugin left out (the feature-cost table) they still run compiled.
      useUntracedExecution(untraced),
      ...(cache ? [{ onDispose: () => cache.close() }] : []),
      { onDispose: () => live.close() },
      { onDispose: () => persisted.close() },
      { onDispose: () => discovery.close() },
    ],
  });
  return { gateway, live, cache, persisted };
}
