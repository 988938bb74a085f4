/** Gateway configuration from environment variables, checked up front so a bad setting fails fast. */
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defaultAdaptiveCeiling, defaultMaxInFlight, type AdmissionOptions } from './admission.js';
import { resilience, type ResilienceConfig } from './awx/config.js';
import { cache } from './cache/config.js';
import type { CacheConfig } from './cache/index.js';
import { OPERATION_TIMEOUT_DEFAULT_MS } from './context.js';
import { MEMORY_LIMIT_RANGE } from './heap.js';
import { boolean, integer, origins, type Env } from './envParsers.js';
import { httpLimits, type HttpLimits } from './http/config.js';
import { tracingConfig, type TracingConfig } from './observability/tracing/config.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/types.js';
import { subscriptionConfig, type SubscriptionConfig } from './live/config.js';
import { persistedConfig, type PersistedConfig } from './persisted/config.js';
import { checkDemoChoice, upstreamSettings, type UpstreamSettings } from './upstreamEnv.js';

/** Everything the gateway needs to start. */
export interface GatewayConfig extends Omit<UpstreamSettings, 'awxUrl'> {
  /** AWX base URL (AWX_URL, CONTROLLER_HOST, TOWER_HOST); undefined means "serve the embedded demo upstream". */
  awxUrl?: string;
  /** Serve the embedded demo AWX: no URL was set, and nothing says a real controller was meant (see checkDemoChoice). */
  demo: boolean;
  caFile?: string;
  host?: string;
  port: number;
  logLevel: string;
  detailConcurrency: number;
  /** Serve GraphiQL to browsers at /graphql (GRAPHIQL). */
  graphiql: boolean;
  /** Answer introspection queries (INTROSPECTION); GraphiQL needs it. */
  introspection: boolean;
  /** Query limits (MAX_QUERY_BYTES, MAX_TOKENS, MAX_DEPTH, MAX_ALIASES, MAX_DIRECTIVES, MAX_COST). */
  limits: QueryLimits;
  /** Serve Prometheus metrics at /metrics (METRICS). */
  metrics: boolean;
  /** How long /readiness reuses AWX's ping answer (READINESS_CACHE_MS). */
  readinessCacheMs: number;
  /** How long /readiness waits for AWX's ping (READINESS_TIMEOUT_MS). */
  readinessTimeoutMs: number;
  /** Browser origins whose pages may call the gateway (CORS_ORIGINS). */
  corsOrigins: string[];
  /** Retries, circuit breaker and concurrency cap of AWX calls (AWX_RETRIES, AWX_BREAKER_*, AWX_MAX_*). */
  resilience: ResilienceConfig;
  /** How long one query or mutation may wait on AWX in all (OPERATION_TIMEOUT_MS; default 15 s, or the AWX timeout when longer). */
  operationTimeoutMs: number;
  /** How long SIGTERM waits for in-flight requests before closing anyway (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** GraphQL queries executing at once and waiting for a slot (MAX_INFLIGHT_REQUESTS, MAX_QUEUED_REQUESTS). */
  admission: AdmissionOptions;
  /** How requests must arrive (ALLOWED_HOSTS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS, MAX_BODY_BYTES). */
  http: HttpLimits;
  /** Cross-request cache of finished jobs (CACHE, REDIS_URL, CACHE_TTL_MS, CACHE_ACTIVE_TTL_MS, CACHE_MAX_ENTRIES, CACHE_KEY_SECRET). */
  cache: CacheConfig;
  /** How subscriptions watch jobs (SUBSCRIPTION_POLL_MS, SUBSCRIPTION_POLL_MAX_MS, SUBSCRIPTION_MAX_WATCHERS, AWX_WEBSOCKET, REDIS_URL). */
  subscriptions: SubscriptionConfig;
  /** Automatic persisted queries and trusted documents (APQ, APQ_MAX_ENTRIES, APQ_TTL_MS, PERSISTED_DOCUMENTS_FILE, PERSISTED_DOCUMENTS_ONLY, REDIS_URL). */
  persisted: PersistedConfig;
  /** OpenTelemetry tracing (OTEL_*); undefined when off, as by default. */
  tracing?: TracingConfig;
}

/** A configuration problem, with every bad variable named. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function queryLimits(env: Env, problems: string[]): QueryLimits {
  const fallback = DEFAULT_QUERY_LIMITS;
  return {
    maxQueryBytes: integer(env, 'MAX_QUERY_BYTES', fallback.maxQueryBytes, 1, 10_000_000, problems),
    maxTokens: integer(env, 'MAX_TOKENS', fallback.maxTokens, 1, 1_000_000, problems),
    maxDepth: integer(env, 'MAX_DEPTH', fallback.maxDepth, 1, 1_000, problems),
    maxAliases: integer(env, 'MAX_ALIASES', fallback.maxAliases, 0, 10_000, problems),
    maxDirectives: integer(env, 'MAX_DIRECTIVES', fallback.maxDirectives, 0, 10_000, problems),
    maxCost: integer(env, 'MAX_COST', fallback.maxCost, 1, 1_000_000_000, problems),
    maxAwxCalls: integer(env, 'MAX_AWX_CALLS', fallback.maxAwxCalls, 1, 100_000, problems),
    maxInputDepth: integer(env, 'MAX_INPUT_DEPTH', fallback.maxInputDepth, 1, 1_000, problems),
  };
}

/** Reads and validates the configuration; throws ConfigError naming every problem at once. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const upstream = upstreamSettings(env, problems);
  const config: GatewayConfig = {
    ...upstream,
    demo: checkDemoChoice(env, upstream, problems),
    caFile: env.AWX_CA_FILE || undefined,
    host: env.HOST || undefined,
    port: integer(env, 'PORT', 4000, 0, 65_535, problems),
    logLevel: env.LOG_LEVEL || 'info',
    detailConcurrency: integer(env, 'AWX_DETAIL_CONCURRENCY', 8, 1, 64, problems),
    graphiql: boolean(env, 'GRAPHIQL', problems, true),
    introspection: boolean(env, 'INTROSPECTION', problems, true),
    limits: queryLimits(env, problems),
    metrics: boolean(env, 'METRICS', problems, true),
    readinessCacheMs: integer(env, 'READINESS_CACHE_MS', 2_000, 0, 300_000, problems),
    readinessTimeoutMs: integer(env, 'READINESS_TIMEOUT_MS', 2_000, 100, 60_000, problems),
    corsOrigins: origins(env.CORS_ORIGINS, problems),
    resilience: resilience(env, problems),
    operationTimeoutMs: integer(env, 'OPERATION_TIMEOUT_MS', Math.max(OPERATION_TIMEOUT_DEFAULT_MS, upstream.timeoutMs), 100, 600_000, problems),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 15_000, 0, 600_000, problems),
    admission: {
      maxInFlight: integer(env, 'MAX_INFLIGHT_REQUESTS', defaultMaxInFlight(availableParallelism()), 0, 10_000, problems),
      maxQueued: integer(env, 'MAX_QUEUED_REQUESTS', 1_024, 0, 100_000, problems),
      // Left to the gateway, the limit rises while queries only wait on AWX; a figure of the operator's is kept.
      ...(env.MAX_INFLIGHT_REQUESTS === undefined || env.MAX_INFLIGHT_REQUESTS === '' ? { adaptiveCeiling: defaultAdaptiveCeiling(availableParallelism()) } : {}),
    },
    http: httpLimits(env, problems),
    cache: cache(env, problems),
    subscriptions: subscriptionConfig(env, problems),
    persisted: persistedConfig(env, problems),
    tracing: tracingConfig(env, problems),
  };
  // Read when `awx-graphql start` sizes the heap (src/launch.ts, before this runs); checked here with the rest.
  integer(env, 'MEMORY_LIMIT_MB', 0, MEMORY_LIMIT_RANGE.min, MEMORY_LIMIT_RANGE.max, problems);
  if (!LOG_LEVELS.includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${config.logLevel}"`);
  if (config.caFile) {
    try {
      accessSync(config.caFile, constants.R_OK);
    } catch {
      problems.push(`AWX_CA_FILE "${config.caFile}" cannot be read`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
