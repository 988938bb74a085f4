/** Builds the gateway (a Yoga instance) from configuration; listening is main.ts's job. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { getOperationAST, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, useErrorHandler, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AwxTransport, UpstreamCall } from './awx/client.js';
import { createContext, type GatewayContext } from './context.js';
import { isExpectedError, maskError } from './errors.js';
import { EXAMPLE_QUERY } from './example-query.js';
import { buildSchema } from './schema.js';
import { subgraphPlugins } from './subgraph.js';

/** What a gateway is built from. */
export interface GatewayOptions {
  transport: AwxTransport;
  logger: Logger;
  detailConcurrency: number;
  /** Service token for callers who send no `Authorization` (AWX_TOKEN); see README for the risk. */
  awxToken?: string;
  /** Serve GraphiQL to browsers (default true). */
  graphiql?: boolean;
  /** Answer `__schema`/`__type` introspection (default true); `_service { sdl }` stays for supergraphs. */
  introspection?: boolean;
}

/** The gateway: a Yoga server whose `fetch`/request listener serves /graphql and /health. */
export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

interface RequestLog {
  started: number;
  operationName?: string;
  context?: GatewayContext;
}

/** One log line per request: operation, status, duration and how many AWX calls it cost. */
function useRequestLog(logger: Logger, logs: WeakMap<Request, RequestLog>): Plugin<GatewayContext> {
  return {
    onRequest: ({ request }) => void logs.set(request, { started: performance.now() }),
    onExecute: ({ args }) => {
      const entry = logs.get(args.contextValue.request);
      if (entry) entry.operationName = getOperationAST(args.document, args.operationName)?.name?.value;
    },
    onContextBuilding: ({ context }) => {
      const entry = logs.get(context.request);
      return ({ context: built }) => {
        if (entry) entry.context = built as GatewayContext;
      };
    },
    onResponse: ({ request, response }) => {
      const entry = logs.get(request);
      if (!entry || new URL(request.url).pathname === '/health') return;
      const calls: UpstreamCall[] = entry.context?.upstreamCalls ?? [];
      logger.info({
        requestId: entry.context?.requestId,
        operationName: entry.operationName ?? null,
        status: response.status,
        durationMs: Math.round((performance.now() - entry.started) * 10) / 10,
        upstreamCalls: calls.length,
      }, 'graphql request');
    },
  };
}

/** Refuses `__schema` and `__type` queries (a validation error, before any AWX call); `__typename` still works. */
function useNoIntrospection(): Plugin<GatewayContext> {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}

/** Builds the gateway. Nothing here holds a caller's credentials: those live in each request's context. */
export function createGateway(options: GatewayOptions): Gateway {
  const logs = new WeakMap<Request, RequestLog>();
  const deps = {
    transport: options.transport,
    loaderOptions: { detailConcurrency: options.detailConcurrency },
    fallbackAuthorization: options.awxToken ? `Bearer ${options.awxToken}` : undefined,
  };
  return createYoga<Record<string, never>, GatewayContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    context: (initial) => createContext(deps, initial),
    maskedErrors: { maskError },
    graphiql: options.graphiql === false ? false : { title: 'AWX GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    logging: false,
    plugins: [
      ...subgraphPlugins(),
      ...(options.introspection === false ? [useNoIntrospection()] : []),
      useRequestLog(options.logger, logs),
      useErrorHandler(({ errors, context }) => {
        for (const error of errors.filter((e) => !isExpectedError(e))) {
          options.logger.error({ requestId: (context as Partial<GatewayContext>).requestId, err: error }, 'unexpected error');
        }
      }),
    ],
  });
}
