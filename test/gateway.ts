/** Test harness: the real gateway on a loopback port, in front of the demo AWX, driven over HTTP. */
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Writable } from 'node:stream';
import type { HttpLimits } from '../src/http/config.js';
import { defaultMaxInFlight, type AdmissionState } from '../src/admission.js';
import { createApp } from '../src/app.js';
import type { AwxTransport } from '../src/awx/client.js';
import type { AwxTransportOptions } from '../src/awx/transport.js';
import type { CacheConfig, GatewayCache } from '../src/cache/index.js';
import { startDemoAwx, type DemoAwx, type DemoAwxOptions } from '@awx-graphql/demo-awx';
import type { QueryLimits } from '../src/limits/index.js';
import type { LiveRegistry, SubscriptionConfig } from '../src/live/index.js';
import type { PersistedConfig, PersistedOperations } from '../src/persisted/index.js';
import { createLogger } from '../src/logger.js';
import type { Tracing } from '../src/observability/index.js';
import type { MeasuredFeature } from '../src/server.js';
import { ADMIN } from './demo-auth.js';

export { ADMIN, ALICE, BOB } from './demo-auth.js';

/**
 * The API layout the demo AWX serves in this run: `awx` (`/api/v2/`), or `aap` (`/api/controller/v2/`, AAP
 * 2.5+) when TEST_AWX_LAYOUT=aap — the vitest project `aap` runs the core test files that way.
 */
export const LAYOUT: 'awx' | 'aap' = process.env.TEST_AWX_LAYOUT === 'aap' ? 'aap' : 'awx';

/** Where AWX's websocket is in this run's layout (`awx/main/routing.py`), as the demo receives the handshake. */
export const AWX_WEBSOCKET_PATH = LAYOUT === 'aap' ? '/api/controller/v2/websocket/' : '/websocket/';

/** An AWX path or URL as this run's layout has it: `/api/v2/…` becomes `/api/controller/v2/…` under `aap`. */
export function awxPath(path: string): string {
  return LAYOUT === 'aap' ? path.replace('/api/v2/', '/api/controller/v2/') : path;
}

/** A GraphQL response as the tests read it. */
export interface GqlResponse {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
}

export interface TestGateway {
  url: string;
  /** The graphql-ws endpoint (`ws://…/graphql`). */
  wsUrl: string;
  demo: DemoAwx;
  /** The gateway's watched jobs (subscriptions). */
  live: LiveRegistry;
  /** The AWX pool with its breaker and concurrency cap, to observe their state. */
  transport: AwxTransport;
  /** Operations executing and waiting for a slot (admission control); undefined when it is off. */
  admission?: AdmissionState;
  logs: string[];
  /** The gateway's cross-request cache, when `cache` was given. */
  cache?: GatewayCache;
  /** APQ and trusted documents (the APQ store, to wait for its Redis). */
  persisted: PersistedOperations;
  /** POSTs a query; `auth` defaults to the demo admin, `null` sends no Authorization header. */
  gql(query: string, variables?: Record<string, unknown>, auth?: string | null, headers?: Record<string, string>): Promise<GqlResponse>;
  /** Upstream requests recorded since the last `demo.clearRequests()`, as raw paths. */
  upstreamPaths(): string[];
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  demo?: DemoAwxOptions;
  awxUrl?: string;
  /** The API path as CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX would set it; discovered when not given. */
  apiPath?: string;
  timeoutMs?: number;
  awxToken?: string;
  awxBasic?: { username: string; password: string };
  detailConcurrency?: number;
  graphiql?: boolean;
  introspection?: boolean;
  metrics?: boolean;
  readiness?: { cacheMs?: number; timeoutMs?: number };
  allowedOrigins?: string[];
  limits?: Partial<QueryLimits>;
  /** Retries, breaker and concurrency cap of the AWX transport (defaults as in production). */
  resilience?: Pick<AwxTransportOptions, 'retries' | 'breakerFailures' | 'breakerFailureRate' | 'breakerWindowMs' | 'breakerCooldownMs' | 'maxConcurrency' | 'maxQueue'>;
  /** OPERATION_TIMEOUT_MS (default as in production). */
  operationTimeoutMs?: number;
  /** Cross-request cache (off when not given). */
  cache?: CacheConfig;
  /** Log level of the captured logs (default info). */
  logLevel?: string;
  /** An already running demo AWX to put this gateway in front of (closed by its owner, not by `close`). */
  sharedDemo?: DemoAwx;
  /** How subscriptions watch jobs (defaults as in production). */
  subscriptions?: Partial<SubscriptionConfig>;
  /** Admission control (defaults as in production: MAX_INFLIGHT_REQUESTS and MAX_QUEUED_REQUESTS unset). */
  admission?: { maxInFlight: number; maxQueued: number };
  /** ALLOWED_HOSTS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS and MAX_BODY_BYTES (defaults as in production). */
  http?: Partial<HttpLimits>;
  /** APQ and trusted documents (defaults as in production: APQ in memory, no manifest). */
  persisted?: Partial<PersistedConfig>;
  /** OpenTelemetry tracing (off when not given); shut down when the gateway closes. */
  tracing?: Tracing;
  /** Features left out, as the benchmark's feature-cost table builds its gateways (none by default). */
  without?: ReadonlySet<MeasuredFeature>;
}

/**
 * Starts a demo AWX (in this run's LAYOUT unless `demo.layout` says otherwise) and a gateway in front of it,
 * both on port 0; resolves once the gateway's first look for AWX's API path has settled, with the request
 * log cleared of it.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const demo = options.sharedDemo ?? (await startDemoAwx({ layout: LAYOUT, ...options.demo }));
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  // The stack that ships (src/app.ts), admission control included, as production configures it by default.
  const app = createApp({
    upstream: { url: options.awxUrl ?? demo.url, apiPath: options.apiPath, timeoutMs: options.timeoutMs ?? 5_000, ...options.resilience },
    logger: createLogger(options.logLevel ?? 'info', sink),
    gateway: {
      detailConcurrency: options.detailConcurrency ?? 8,
      awxToken: options.awxToken,
      awxBasic: options.awxBasic,
      graphiql: options.graphiql,
      introspection: options.introspection,
      metrics: options.metrics,
      readiness: options.readiness,
      limits: options.limits,
      operationTimeoutMs: options.operationTimeoutMs,
      allowedOrigins: options.allowedOrigins,
      cache: options.cache,
      subscriptions: options.subscriptions,
      persisted: options.persisted,
      tracing: options.tracing,
      without: options.without,
    },
    admission: options.admission ?? { maxInFlight: defaultMaxInFlight(availableParallelism()), maxQueued: 1_024 },
    http: options.http,
    websocketLogger: createLogger('silent'),
  });
  const { port } = await app.listen(0, '127.0.0.1');
  const logged = demo.requests.length;
  await app.transport.api.refresh();
  // The look for the API path is this harness's doing, not the test's: drop it from the request log.
  const lookups = demo.requests.slice(logged).filter((r) => r.rawPath === '/api/' || r.rawPath === '/api/controller/');
  for (const lookup of lookups) demo.requests.splice(demo.requests.indexOf(lookup), 1);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    demo,
    live: app.live,
    transport: app.transport,
    admission: app.admission,
    logs,
    cache: app.cache,
    persisted: app.persisted,
    gql: (query, variables, auth = ADMIN, headers = {}) => postGraphql(url, { query, variables }, auth, headers),
    upstreamPaths: () => demo.requests.map((r) => r.path),
    async close() {
      await app.close();
      if (!options.sharedDemo) await demo.close();
    },
  };
}

/**
 * The gateway of a test file: started before its tests, closed after them, with the demo's request log
 * cleared before each test unless `clearRequests` is false. The returned object stands for the running
 * gateway (it forwards to it once started).
 */
export function useTestGateway(options: TestGatewayOptions = {}, { clearRequests = true } = {}): TestGateway {
  let current: TestGateway | undefined;
  beforeAll(async () => {
    current = await startTestGateway(options);
  });
  afterAll(() => current?.close());
  if (clearRequests) beforeEach(() => current?.demo.clearRequests());
  return new Proxy({} as TestGateway, {
    get(_target, key) {
      if (!current) throw new Error('the test gateway is used before beforeAll started it');
      const value = current[key as keyof TestGateway];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** POSTs a GraphQL request; `auth` null sends no Authorization header. */
export async function postGraphql(url: string, body: Record<string, unknown>, auth: string | null = ADMIN, headers: Record<string, string> = {}): Promise<GqlResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
