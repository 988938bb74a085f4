/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql, on the HTTP server of the gateway. Each
 * operation runs through the gateway's own Yoga envelope, so its context (credentials, request id),
 * query limits and error masking are those of an HTTP request.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import type { ConnectionInitMessage, Context, SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { limitError } from './limits/errors.js';
import { crossSiteOrigin } from './security.js';
import type { Gateway } from './server.js';

/** Where and for whom the WebSocket endpoint answers. */
export interface WebSocketOptions {
  /** Browser origins allowed to open sockets (CORS_ORIGINS); other cross-site pages are refused like their HTTP requests. */
  allowedOrigins?: readonly string[];
  /** Largest query text in bytes (MAX_QUERY_BYTES), checked before parsing as for HTTP. */
  maxQueryBytes: number;
  logger: Logger;
  path?: string;
}

/** The endpoint, to close on shutdown. */
export interface GraphqlWebSocket {
  /** Closes every socket (code 1001, "going away") and stops accepting new ones. */
  close(): Promise<void>;
}

type Enveloped = ReturnType<Gateway['getEnveloped']>;
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

/** Answers an upgrade it will not take with a plain HTTP status. */
function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Whether a browser page of another site, not in CORS_ORIGINS, opened this socket (its credentials would be ambient). */
function crossSite(upgrade: IncomingMessage, allowed: readonly string[]): boolean {
  const headers = new Headers();
  for (const name of ['origin', 'sec-fetch-site']) {
    const value = upgrade.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const url = new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`);
  const origin = crossSiteOrigin(new Request(url, { headers }));
  return origin !== null && !allowed.includes(origin);
}

/** Takes an upgrade to `path` unless a cross-site page asks; others get a plain HTTP refusal. */
function upgradeHandler(wss: WebSocketServer, path: string, allowedOrigins: readonly string[]) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let pathname: string;
    let refused: boolean;
    try {
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      refused = crossSite(request, allowedOrigins);
    } catch {
      return refuse(socket, 400, 'Bad Request'); // a malformed URL or Host header
    }
    if (pathname !== path) return refuse(socket, 404, 'Not Found');
    if (refused) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
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

/** Serves graphql-ws on `server` at /graphql through `gateway`'s envelope. */
export function attachGraphqlWs(server: Server, gateway: Gateway, options: WebSocketOptions): GraphqlWebSocket {
  const path = options.path ?? '/graphql';
  const wss = new WebSocketServer({ noServer: true });
  // Each operation's stand-in request is aborted when it completes or its socket closes, cancelling its AWX calls.
  const operations = new WeakMap<WsContext, Map<string, AbortController>>();
  const abort = (ctx: WsContext, id?: string) => {
    const running = operations.get(ctx);
    for (const [key, controller] of running ?? []) {
      if (id !== undefined && key !== id) continue;
      controller.abort();
      running!.delete(key);
    }
  };
  server.on('upgrade', upgradeHandler(wss, path, options.allowedOrigins ?? []));
  const disposable = useServer({
    execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
    onSubscribe: (ctx, id, payload: SubscribePayload) => {
      const bytes = Buffer.byteLength(payload.query, 'utf8');
      if (bytes > options.maxQueryBytes) return [limitError('QUERY_TOO_LARGE', options.maxQueryBytes, bytes)];
      const controller = new AbortController();
      if (!operations.has(ctx)) operations.set(ctx, new Map());
      operations.get(ctx)!.set(id, controller);
      return operationArgs(gateway, requestFor(ctx, path, controller.signal), payload, ctx.extra.socket);
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
