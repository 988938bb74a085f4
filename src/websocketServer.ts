/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql, on the HTTP server of the gateway. Each
 * operation runs through the gateway's own Yoga envelope, so its context (credentials, request id),
 * query limits and error masking are those of an HTTP request.
 */
import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import type { ConnectionInitMessage, Context, SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from './context.js';
import type { HostPolicy } from './http/hosts.js';
import type { PersistedOperations } from './persisted/index.js';
import { subscribeArgs, withoutHttp, type Enveloped } from './websocketOperation.js';
import { upgradeHandler, type KeptUpgrade } from './websocketUpgrade.js';
import type { Gateway } from './server.js';

/** Where and for whom the WebSocket endpoint answers. */
export interface WebSocketOptions {
  /** Browser origins allowed to open sockets (CORS_ORIGINS); other cross-site pages are refused like their HTTP requests. */
  allowedOrigins?: readonly string[];
  /** Largest query text in bytes (MAX_QUERY_BYTES), checked before parsing as for HTTP, also on the text a persisted id names. */
  maxQueryBytes: number;
  logger: Logger;
  path?: string;
  /** The names the gateway answers to (ALLOWED_HOSTS, or loopback with ambient authority): an upgrade to another is refused. */
  hosts?: HostPolicy;
  /** APQ and trusted documents: `documentId` or `extensions.persistedQuery` with an empty `query`, as over HTTP. */
  persisted?: PersistedOperations;
}

/** The endpoint, to close on shutdown. */
export interface GraphqlWebSocket {
  /** Closes every socket (code 1001, "going away") and stops accepting new ones. */
  close(): Promise<void>;
}

/** One running operation of a socket: how to cancel it, and what its log line reports. */
interface Operation {
  controller: AbortController;
  started: number;
  name: string | null;
  /** Set once the operation passed parsing and validation and has its context. */
  context?: GatewayContext;
}

/** The per-operation log line, written through the operation's own logger (so it carries its request id). */
function logOperation({ context, started, name }: Operation): void {
  if (!context) return;
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  context.scope.log.info({ transport: 'graphql-ws', operationName: name, durationMs, upstreamCalls: context.upstreamCalls.length }, 'graphql-ws operation');
}
type WsContext = Context<ConnectionInitMessage['payload'], Extra>;
/** A socket's context as read here: its upgrade is what src/websocketUpgrade.ts kept of it. */
type KeptContext = Context<ConnectionInitMessage['payload'], Omit<Extra, 'request'> & { request: KeptUpgrade }>;

/** The `Authorization` an operation runs with: `authorization` (or `Authorization`) in connectionParams, else the upgrade's header. */
export function authorizationOf(params: Record<string, unknown> | undefined, upgrade: KeptUpgrade): string | undefined {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string' && fromParams !== '') return fromParams;
  return upgrade.headers.authorization;
}

/** A fetch Request standing for one operation, so the context is built exactly as for HTTP. */
function requestFor(ctx: KeptContext, path: string, signal: AbortSignal): Request {
  const headers = new Headers();
  const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
  if (authorization) headers.set('authorization', authorization);
  // The upgrade's request id and W3C trace context stand for every operation of the socket.
  for (const name of ['x-request-id', 'traceparent', 'tracestate']) {
    const value = ctx.extra.request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(new URL(path, 'http://localhost'), { headers, signal });
}

/** Serves graphql-ws on `server` at /graphql through `gateway`'s envelope. */
export function attachGraphqlWs(server: Server, gateway: Gateway, options: WebSocketOptions): GraphqlWebSocket {
  const path = options.path ?? '/graphql';
  const wss = new WebSocketServer({ noServer: true });
  // Each operation's stand-in request is aborted when it completes or its socket closes, cancelling its AWX calls;
  // then it gets the one log line an HTTP request gets.
  const operations = new WeakMap<WsContext, Map<string, Operation>>();
  const abort = (ctx: WsContext, id?: string) => {
    const running = operations.get(ctx);
    for (const [key, operation] of running ?? []) {
      if (id !== undefined && key !== id) continue;
      operation.controller.abort();
      running!.delete(key);
      logOperation(operation);
    }
  };
  server.on('upgrade', upgradeHandler(wss, path, options.allowedOrigins ?? [], options.hosts ?? { kind: 'any' }));
  const disposable = useServer({
    execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
    onSubscribe: async (ctx, id, payload: SubscribePayload) => {
      const operation: Operation = { controller: new AbortController(), started: performance.now(), name: payload.operationName ?? null };
      if (!operations.has(ctx)) operations.set(ctx, new Map());
      operations.get(ctx)!.set(id, operation);
      const args = await subscribeArgs(gateway, options, payload, requestFor(ctx, path, operation.controller.signal), ctx.extra.socket);
      // graphql-ws never completes a refused operation: forget it now, so refusals cannot pile up on one socket.
      if (Array.isArray(args)) abort(ctx, id);
      else operation.context = (args as ExecutionArgs).contextValue as GatewayContext;
      return args;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map(withoutHttp),
    onComplete: (ctx, id) => abort(ctx, id),
    onClose: (ctx) => abort(ctx),
  }, wss);
  options.logger.debug({ path }, 'graphql-ws endpoint ready');
  return {
    async close() {
      await disposable.dispose();
    },
  };
}
