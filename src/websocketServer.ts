/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql, on the HTTP server of the gateway. Each
 * operation runs through the gateway's own Yoga envelope, so its context (credentials, request id),
 * query limits and error masking are those of an HTTP request.
 */
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { ConnectionInitMessage, Context, SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { limitError } from './limits/errors.js';
import type { GatewayContext } from './context.js';
import type { HostPolicy } from './http/hosts.js';
import type { PersistedOperations } from './persisted/index.js';
import { upgradeHandler } from './websocketUpgrade.js';
import type { Gateway } from './server.js';

/** Where and for whom the WebSocket endpoint answers. */
export interface WebSocketOptions {
  /** Browser origins allowed to open sockets (CORS_ORIGINS); other cross-site pages are refused like their HTTP requests. */
  allowedOrigins?: readonly string[];
  /** Largest query text in bytes (MAX_QUERY_BYTES), checked before parsing as for HTTP. */
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

type Enveloped = ReturnType<Gateway['getEnveloped']>;

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
  context.log.info({ transport: 'graphql-ws', operationName: name, durationMs, upstreamCalls: context.upstreamCalls.length }, 'graphql-ws operation');
}
type WsContext = Context<ConnectionInitMessage['payload'], Extra>;

/** The `Authorization` an operation runs with: `authorization` (or `Authorization`) in connectionParams, else the upgrade's header. */
export function authorizationOf(params: Record<string, unknown> | undefined, upgrade: IncomingMessage): string | undefined {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string' && fromParams !== '') return fromParams;
  return upgrade.headers.authorization;
}

/** A fetch Request standing for one operation, so the context is built exactly as for HTTP. */
function requestFor(ctx: WsContext, path: string, signal: AbortSignal): Request {
  const headers = new Headers();
  const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
  if (authorization) headers.set('authorization', authorization);
  const requestId = ctx.extra.request.headers['x-request-id'];
  if (typeof requestId === 'string') headers.set('x-request-id', requestId);
  return new Request(new URL(path, 'http://localhost'), { headers, signal });
}

/**
 * Yoga's recipe for graphql-ws: the operation is parsed, validated and given its context by the gateway's
 * envelope (armor limits, introspection switch, createContext), and runs with its execute/subscribe
 * (cost limit, error masking). Returns the errors instead when it is refused before running.
 */
async function operationArgs(gateway: Gateway, request: Request, payload: SubscribePayload, socket: unknown): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const enveloped = gateway.getEnveloped({ request, params: payload, socket });
  let document: ReturnType<Enveloped['parse']>;
  try {
    document = enveloped.parse(payload.query);
  } catch (error) {
    return [error as GraphQLError];
  }
  const errors = enveloped.validate(enveloped.schema, document);
  if (errors.length > 0) return errors;
  return {
    schema: enveloped.schema,
    operationName: payload.operationName,
    document,
    variableValues: payload.variables,
    contextValue: await enveloped.contextFactory(),
    rootValue: enveloped,
  };
}

/**
 * The payload to run: free text as sent, or the text its `documentId` or APQ hash stands for (graphql-ws
 * requires a `query` string, so a persisted operation sends an empty one). Returns the refusal instead, as
 * the errors of an `error` message (without the HTTP status HTTP answers carry).
 */
async function persistedPayload(persisted: PersistedOperations | undefined, payload: SubscribePayload): Promise<{ payload: SubscribePayload; register?: () => Promise<void> } | GraphQLError[]> {
  if (!persisted) return { payload };
  try {
    const resolution = await persisted.resolve(payload as SubscribePayload & { documentId?: unknown });
    return { payload: { ...payload, query: resolution.query as string }, register: resolution.register };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { http: _status, ...extensions } = error.extensions;
    return [new GraphQLError(error.message, { extensions })];
  }
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
    onSubscribe: (ctx, id, payload: SubscribePayload) => {
      const bytes = Buffer.byteLength(payload.query, 'utf8');
      if (bytes > options.maxQueryBytes) return [limitError('QUERY_TOO_LARGE', options.maxQueryBytes, bytes)];
      const operation: Operation = { controller: new AbortController(), started: performance.now(), name: payload.operationName ?? null };
      if (!operations.has(ctx)) operations.set(ctx, new Map());
      operations.get(ctx)!.set(id, operation);
      return persistedPayload(options.persisted, payload).then(async (persisted) => {
        if (Array.isArray(persisted)) return persisted;
        const args = await operationArgs(gateway, requestFor(ctx, path, operation.controller.signal), persisted.payload, ctx.extra.socket);
        if (Array.isArray(args)) return args;
        operation.context = (args as ExecutionArgs).contextValue as GatewayContext;
        // Parsed and validated: an APQ query sent with its hash is now stored.
        await persisted.register?.();
        return args;
      });
    },
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
