/**
 * How one graphql-ws subscribe message becomes execution arguments through the gateway's Yoga envelope, or
 * the errors refusing it, as an HTTP request's parameters would.
 */
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { limitError } from './limits/errors.js';
import type { PersistedOperations } from './persisted/index.js';
import { resolveSubscribePayload } from './persisted/socket.js';
import type { Gateway } from './server.js';

/** The gateway's envelope for one operation: its parse, validate, context, execute and subscribe. */
export type Enveloped = ReturnType<Gateway['getEnveloped']>;

/** What a subscribe message is checked against. */
export interface SubscribeOptions {
  /** Largest query text in bytes (MAX_QUERY_BYTES). */
  maxQueryBytes: number;
  /** APQ and trusted documents; a payload's `documentId` or hash runs the text it stands for. */
  persisted?: PersistedOperations;
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

/** A refusal as a socket sends it: the HTTP status and headers its HTTP answer carries mean nothing here. */
export function withoutHttp(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  const { nodes, source, positions, path, originalError } = error;
  return new GraphQLError(error.message, { nodes, source, positions, path, originalError, extensions }).toJSON();
}

/**
 * One subscribe message's execution arguments, or the errors refusing it: its `documentId` or APQ hash
 * resolved, the text's size checked (whether sent or named, as over HTTP), then parsed and validated.
 */
export async function subscribeArgs(gateway: Gateway, options: SubscribeOptions, payload: SubscribePayload, request: Request, socket: unknown): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const persisted = await resolveSubscribePayload(options.persisted, payload);
  if (Array.isArray(persisted)) return persisted;
  const bytes = Buffer.byteLength(persisted.payload.query, 'utf8');
  if (bytes > options.maxQueryBytes) return [limitError('QUERY_TOO_LARGE', options.maxQueryBytes, bytes)];
  const args = await operationArgs(gateway, request, persisted.payload, socket);
  // Parsed and validated: an APQ query sent with its hash is now stored.
  if (!Array.isArray(args)) await persisted.register?.();
  return args;
}
