/** Test harness: the real gateway on a loopback port, in front of the fake AWX, driven over HTTP. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AwxTransport } from '../src/awx/client.js';
import { createAwxTransport, type AwxTransportOptions } from '../src/awx/transport.js';
import { startFakeAwx, type FakeAwx, type FakeAwxOptions } from '../src/demo/index.js';
import { createLogger } from '../src/logger.js';
import type { QueryLimits } from '../src/limits/index.js';
import type { CacheConfig, GatewayCache } from '../src/cache/index.js';
import type { LiveRegistry, SubscriptionConfig } from '../src/live/index.js';
import { cacheOf, createGateway, liveOf } from '../src/server.js';
import { attachGraphqlWs } from '../src/websocketServer.js';

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
  fake: FakeAwx;
  /** The gateway's watched jobs (subscriptions). */
  live: LiveRegistry;
  /** The AWX pool with its breaker and concurrency cap, to observe their state. */
  transport: AwxTransport;
  logs: string[];
  /** The gateway's cross-request cache, when `cache` was given. */
  cache?: GatewayCache;
  /** POSTs a query; `auth` defaults to the demo admin, `null` sends no Authorization header. */
  gql(query: string, variables?: Record<string, unknown>, auth?: string | null, headers?: Record<string, string>): Promise<GqlResponse>;
  /** Upstream requests recorded since the last `fake.clearRequests()`, as raw paths. */
  upstreamPaths(): string[];
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  fake?: FakeAwxOptions;
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
  resilience?: Pick<AwxTransportOptions, 'retries' | 'breakerFailures' | 'breakerCooldownMs' | 'maxConcurrency' | 'maxQueue'>;
  /** Cross-request cache (off when not given). */
  cache?: CacheConfig;
  /** Log level of the captured logs (default info). */
  logLevel?: string;
  /** An already running fake AWX to put this gateway in front of (closed by its owner, not by `close`). */
  sharedFake?: FakeAwx;
  /** How subscriptions watch jobs (defaults as in production). */
  subscriptions?: Partial<SubscriptionConfig>;
}

/**
 * Starts a fake AWX (in this run's LAYOUT unless `fake.layout` says otherwise) and a gateway in front of it,
 * both on port 0; resolves once the gateway's first look for AWX's API path has settled, with the request
 * log cleared of it.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const fake = options.sharedFake ?? (await startFakeAwx({ layout: LAYOUT, ...options.fake }));
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const transport = createAwxTransport({
    url: options.awxUrl ?? fake.url, apiPath: options.apiPath, timeoutMs: options.timeoutMs ?? 5_000, ...options.resilience,
  });
  const gateway = createGateway({
    transport,
    logger: createLogger(options.logLevel ?? 'info', sink),
    detailConcurrency: options.detailConcurrency ?? 8,
    awxToken: options.awxToken,
    awxBasic: options.awxBasic,
    graphiql: options.graphiql,
    introspection: options.introspection,
    metrics: options.metrics,
    readiness: options.readiness,
    limits: options.limits,
    allowedOrigins: options.allowedOrigins,
    cache: options.cache,
    subscriptions: options.subscriptions,
  });
  const server: Server = createServer(gateway);
  const websocket = attachGraphqlWs(server, gateway, { allowedOrigins: options.allowedOrigins, maxQueryBytes: options.limits?.maxQueryBytes ?? 32_768, logger: createLogger('silent') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const logged = fake.requests.length;
  await transport.api.refresh();
  // The look for the API path is this harness's doing, not the test's: drop it from the request log.
  const lookups = fake.requests.slice(logged).filter((r) => r.rawPath === '/api/' || r.rawPath === '/api/controller/');
  for (const lookup of lookups) fake.requests.splice(fake.requests.indexOf(lookup), 1);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    fake,
    live: liveOf(gateway),
    transport,
    logs,
    cache: cacheOf(gateway),
    async gql(query, variables, auth = ADMIN, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    upstreamPaths: () => fake.requests.map((r) => r.path),
    async close() {
      await websocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await transport.dispatcher.destroy();
      await gateway.dispose();
      if (!options.sharedFake) await fake.close();
    },
  };
}
