/**
 * One gateway process's stack, built in one place and used alike by `npm start` (src/start.ts), the tests
 * and the benchmark: the AWX transport, the Yoga gateway, admission control, the HTTP server with
 * graphql-ws on it, and how to listen and to stop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createAdmission, type AdmissionOptions, type AdmissionState } from './admission.js';
import type { AwxTransport } from './awx/client.js';
import { createAwxTransport, type AwxTransportOptions } from './awx/transport.js';
import type { GatewayCache } from './cache/index.js';
import type { LiveRegistry } from './live/index.js';
import type { PersistedOperations } from './persisted/index.js';
import { errorBody, frontListener } from './http/front.js';
import { HTTP_DEFAULTS, type HttpLimits } from './http/config.js';
import { hostPolicy } from './http/hosts.js';
import { createGateway, type Gateway, type GatewayOptions } from './server.js';
import { attachGraphqlWs } from './websocketServer.js';

/** What an app is built from. */
export interface AppOptions {
  /** Where AWX is and how to reach it (the transport's settings). */
  upstream: AwxTransportOptions;
  logger: Logger;
  /** The gateway's settings, less what the app builds itself. */
  gateway: Omit<GatewayOptions, 'transport' | 'logger'>;
  /** MAX_INFLIGHT_REQUESTS and MAX_QUEUED_REQUESTS; admission control is off without them. */
  admission?: AdmissionOptions;
  /** How requests must arrive (ALLOWED_HOSTS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS, MAX_BODY_BYTES); defaults as in HTTP_DEFAULTS. */
  http?: Partial<HttpLimits>;
  /** Logger of the graphql-ws endpoint (the app's logger by default). */
  websocketLogger?: Logger;
}

/** A built app. Nothing in it holds a caller's credentials. */
export interface App {
  server: Server;
  gateway: Gateway;
  transport: AwxTransport;
  /** The jobs subscriptions watch. */
  live: LiveRegistry;
  /** The cross-request cache; undefined when CACHE is off. */
  cache?: GatewayCache;
  /** APQ and trusted documents (their store, to see what it holds). */
  persisted: PersistedOperations;
  /** GraphQL queries executing and waiting; undefined when admission control is off. */
  admission?: AdmissionState;
  /** Listens, and logs one structured line `{ event: 'listening', port, address, url }` once bound. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Ends open subscriptions (SSE and graphql-ws), as a stop begins. */
  endStreams(): Promise<void>;
  /** Releases the AWX pool and the gateway (`forced`: without waiting for AWX answers in flight), then flushes tracing. */
  release(forced?: boolean): Promise<void>;
  /** Stops at once: streams ended, connections closed, everything released (tests). */
  close(): Promise<void>;
}

/** Builds the stack; nothing listens until `listen`. */
export function createApp(options: AppOptions): App {
  const { logger } = options;
  const http = { ...HTTP_DEFAULTS, ...options.http };
  // Ambient authority: callers without credentials act as someone (AWX_TOKEN, a service user, the demo's admin).
  const hosts = hostPolicy(http.allowedHosts, Boolean(options.gateway.awxToken || options.gateway.awxBasic));
  const transport = createAwxTransport(options.upstream);
  // An operator reading the logs learns when the gateway stopped calling AWX, and when it started again.
  transport.breaker.onStateChange((state, previous) => logger[state === 'open' ? 'warn' : 'info']({ breaker: state, previous }, `AWX circuit breaker ${state}`));
  const { gateway, live, cache, persisted } = createGateway({ ...options.gateway, hosts, transport, logger });
  // Operations beyond MAX_INFLIGHT_REQUESTS wait their turn, bounding memory under bursts (src/admission.ts).
  const admission = options.admission ? createAdmission(options.admission) : undefined;
  // Node checks the header and request timeouts on this interval (30 s by default): a slow sender is cut within
  // a second of its bound. A missing Host is refused by the front, in the gateway's JSON, not by Node's bare 400.
  const serverOptions = { connectionsCheckingInterval: Math.min(1_000, http.headersTimeoutMs), requireHostHeader: false };
  const server = createServer(serverOptions, frontListener(gateway, {
    graphqlPath: '/graphql', hosts, body: { maxBytes: http.maxBodyBytes, timeoutMs: http.bodyTimeoutMs }, logger, admission,
    documentOf: persisted.peek,
  }));
  guardConnections(server, logger, http);
  const websocket = attachGraphqlWs(server, gateway, {
    allowedOrigins: options.gateway.allowedOrigins, maxQueryBytes: options.gateway.limits?.maxQueryBytes ?? 32_768,
    logger: options.websocketLogger ?? logger, hosts, persisted,
  });
  const endStreams = async () => {
    live.endAll();
    await websocket.close();
  };
  // The pool closes only after the last response: in-flight requests still need it while they drain.
  const release = async (forced = false) => {
    admission?.close();
    await (forced ? transport.dispatcher.destroy() : transport.dispatcher.close());
    await gateway.dispose();
    // Last: the spans of the requests that just drained are exported before the process ends.
    await options.gateway.tracing?.shutdown();
  };
  return {
    server, gateway, transport, live, cache, persisted, admission: admission?.state, endStreams, release,
    listen: (port, host) => listen(server, logger, port, host),
    async close() {
      await endStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release(true);
    },
  };
}

/**
 * Bounds how long a client may take to send its headers (a slowloris socket is closed with 408), and answers a
 * request Node cannot parse (a broken request line or header) with a JSON 400 and a log line, not Node's bare one.
 */
function guardConnections(server: Server, logger: Logger, http: HttpLimits): void {
  server.headersTimeout = http.headersTimeoutMs;
  // The whole request (headers and body) within both bounds; the body's own bound is checked in src/http/front.ts.
  server.requestTimeout = http.headersTimeoutMs + http.bodyTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    logger.warn({ code: error.code ?? 'ERR_HTTP', status: timedOut ? 408 : 400 }, 'request refused before it ran');
    if (!socket.writable) return void socket.destroy();
    const body = timedOut ? errorBody('REQUEST_TIMEOUT', 'The request did not arrive in time.') : errorBody('BAD_REQUEST', 'The request could not be read as HTTP.');
    socket.end(`HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** Binds, then logs the address actually bound (the port chosen when 0 was asked for). */
function listen(server: Server, logger: Logger, port: number, host?: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const { url, message } = listeningLine(address);
      logger.info({ event: 'listening', port: address.port, address: address.address, url }, message);
      resolve(address);
    });
  });
}

/**
 * What an operator reads once the gateway is bound: the address it listens on, and a URL to open. Bound to
 * every interface (no HOST, `::` or `0.0.0.0`), that URL names localhost, since `http://[::]:4000` is no
 * place a browser can go; otherwise it names the address itself.
 */
export function listeningLine(address: AddressInfo): { url: string; message: string } {
  const everyInterface = address.address === '::' || address.address === '0.0.0.0';
  const shown = `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const url = `http://${everyInterface ? `localhost:${address.port}` : shown}/graphql`;
  return { url, message: `listening on ${shown}${everyInterface ? ' (all interfaces)' : ''}; GraphQL and GraphiQL at ${url}` };
}
