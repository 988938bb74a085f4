/** The per-request context: one AWX client and one set of loaders, made from this request's credentials. */
import type { YogaInitialContext } from 'graphql-yoga';
import { AwxClient, type AwxTransport, type UpstreamCall } from './awx/client.js';
import { createLoaders, type LoaderOptions, type Loaders } from './loaders/index.js';

/** A client's own request id is kept only when it is short and plain (it goes into logs and upstream headers). */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** What resolvers get. Nothing in it outlives the request or is seen by another caller. */
export interface GatewayContext extends YogaInitialContext {
  loaders: Loaders;
  requestId: string;
  upstreamCalls: UpstreamCall[];
}

/** The shared, credential-free parts every context is built from. */
export interface ContextDeps {
  transport: AwxTransport;
  loaderOptions: LoaderOptions;
  /** `Authorization` value for callers who send none (AWX_TOKEN); undefined to forward nothing. */
  fallbackAuthorization?: string;
}

/**
 * Builds the context of one request. The caller's `Authorization` header is forwarded to AWX
 * verbatim, and AWX filters every answer by that user's permissions; that is why loaders, whose
 * caches hold those filtered answers, are created here per request and never shared.
 */
export function createContext(deps: ContextDeps, initial: YogaInitialContext): GatewayContext {
  const { request } = initial;
  const sent = request.headers.get('x-request-id');
  const requestId = sent && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
  const upstreamCalls: UpstreamCall[] = [];
  const awx = new AwxClient(deps.transport, {
    authorization: request.headers.get('authorization') ?? deps.fallbackAuthorization,
    signal: request.signal,
    requestId,
    onCall: (call) => upstreamCalls.push(call),
  });
  return { ...initial, loaders: createLoaders(awx, deps.loaderOptions), requestId, upstreamCalls };
}
