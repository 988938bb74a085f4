/** The per-request context: one AWX client and one set of loaders, made from this request's credentials. */
import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import { credentialCheck } from './awx/credentials.js';
import { AwxClient, type AwxTransport, type UpstreamCall } from './awx/client.js';
import { operationBudget } from './awx/operationBudget.js';
import { callerSignal } from './http/callerSignal.js';
import { isSubscription } from './http/operation.js';
import { createWorkflowJobActions, type WorkflowJobActions } from './awx/workflowJobActions.js';
import type { GatewayCache } from './cache/index.js';
import type { AwxCallTracer } from './awx/tracing.js';
import type { CallerLive, LiveCaller, LiveRegistry } from './live/index.js';
import { createLoaders, type LoaderOptions, type Loaders } from './loaders/index.js';
import type { RequestScope, ScopeOf } from './observability/index.js';

/** What resolvers get. Nothing in it outlives the request or is seen by another caller. */
export interface GatewayContext extends YogaInitialContext {
  loaders: Loaders;
  /** The client's `x-request-id` when plain, else a generated one; sent to AWX and returned to the client. */
  requestId: string;
  /** This request's scope: its id, its AWX calls, and its logger (`scope.log`: every line carries `requestId`). */
  scope: RequestScope;
  upstreamCalls: UpstreamCall[];
  /** Subscriptions with this caller's credentials: followed jobs, and fresh loaders for each event. */
  live: CallerLive;
  /** AWX's workflow job actions (cancel, relaunch, delete, launch), sent once with this caller's credentials. */
  actions: WorkflowJobActions;
  /** Drops a workflow job from the cross-request cache for every caller after a write; never fails, a no-op when CACHE is off. */
  evictJob(id: number): Promise<void>;
}

/** The shared, credential-free parts every context is built from. */
export interface ContextDeps {
  transport: AwxTransport;
  loaderOptions: LoaderOptions;
  /** `Authorization` value for callers who send none (AWX_TOKEN); undefined to forward nothing. */
  fallbackAuthorization?: string;
  /** Finds the request's scope (id, logger, accounting), shared with the gateway's plugins. */
  scopeOf: ScopeOf;
  /** Told of each finished AWX call, after it is counted in the request's scope. */
  onUpstreamCall?: (scope: RequestScope, call: UpstreamCall) => void;
  /** The cross-request cache of finished jobs (CACHE); each request sees only its own credential's entries. */
  cache?: GatewayCache;
  /** The gateway's watched jobs (subscriptions), shared by callers with the same credential. */
  live: LiveRegistry;
  /** How long one query or mutation may wait on AWX in all, loader rounds and retries included (OPERATION_TIMEOUT_MS). */
  operationTimeoutMs: number;
  /** How many AWX calls one query or mutation may make (MAX_AWX_CALLS). */
  maxAwxCalls: number;
  /** Traces a request's AWX calls and sends its `traceparent` to AWX (OTEL_*); unset when tracing is off. */
  awxCalls?: (request: Request) => AwxCallTracer;
}

/** OPERATION_TIMEOUT_MS by default: 15 s, a round of detail reads after a slow list still fitting in. */
export const OPERATION_TIMEOUT_DEFAULT_MS = 15_000;

/**
 * Builds the context of one request (what Yoga adds to its own context object, `initial`). The caller's `Authorization` header is forwarded to AWX
 * verbatim, and AWX filters every answer by that user's permissions; that is why loaders, whose
 * caches hold those filtered answers, are created here per request and never shared.
 */
export function createContext(deps: ContextDeps, initial: YogaInitialContext): GatewayContext {
  const { request } = initial;
  const scope = deps.scopeOf(request);
  // A blank header is no credential: the caller gets the service credential (AWX_TOKEN), as with none at all.
  const authorization = request.headers.get('authorization')?.trim() || deps.fallbackAuthorization;
  // A query or mutation has one AWX budget, however many loader rounds it takes; a subscription lives as long
  // as its subscriber, each of its AWX calls bounded by AWX_TIMEOUT_MS alone.
  const subscription = isSubscription(initial.params?.query, initial.params?.operationName);
  const operation = subscription ? undefined : operationBudget(deps.operationTimeoutMs, deps.maxAwxCalls);
  const awx = new AwxClient(deps.transport, {
    authorization,
    signal: callerSignal(initial),
    operation,
    requestId: scope.requestId,
    tracer: deps.awxCalls?.(request),
    onCall: (call) => {
      scope.upstreamCalls.push(call);
      deps.onUpstreamCall?.(scope, call);
    },
  });
  // The cache is keyed by the exact Authorization sent to AWX, so RBAC-filtered answers never cross callers.
  // Cached answers go only to a caller AWX still accepts (a revoked token gets 401, not cached data).
  const cache = deps.cache?.forCaller(authorization, scope.log, credentialCheck(awx, scope.upstreamCalls));
  const loaderOptions = cache ? { ...deps.loaderOptions, cache } : deps.loaderOptions;
  const newLoaders = () => createLoaders(awx, loaderOptions);
  const live = deps.live.forCaller(new RequestCaller(authorization, scope, request, newLoaders));
  const evictJob = async (id: number) => {
    // The write already happened: a cache that cannot evict is logged, not reported as the write failing.
    await deps.cache?.evictJob(id).catch((error: unknown) => scope.log.warn({ workflowJob: id, error: String(error) }, 'cache eviction failed'));
  };
  // Yoga copies what this returns onto `initial`, its context object: the additions alone, not `initial` again, and
  // plain values only (an accessor defined on either, per request, cost more than the rest of this function).
  const context = { requestId: scope.requestId, upstreamCalls: scope.upstreamCalls, scope, live, actions: createWorkflowJobActions(awx), evictJob };
  // A subscription's context lives as long as its subscriber, and each event brings its own loaders (Subscription.ts):
  // the first set is made only if something reads it, as `{ id status }` never does.
  if (subscription) lazyLoaders(initial, newLoaders);
  else Object.assign(context, { loaders: newLoaders() });
  return context as unknown as GatewayContext;
}

/**
 * A subscriber as the watched jobs see it. Its logger is made only when a line is written (most requests write
 * none but the request line), and Yoga's request signal, a Proxy, is read only by a subscription that follows a job.
 */
class RequestCaller implements LiveCaller {
  readonly requestId: string;
  constructor(readonly authorization: string | undefined, private readonly scope: RequestScope, private readonly request: Request, readonly newLoaders: () => Loaders) {
    this.requestId = scope.requestId;
  }

  get log(): Logger {
    return this.scope.log;
  }

  get signal(): AbortSignal {
    return this.request.signal;
  }
}

/**
 * Makes `target.loaders` a set built on first read and replaceable by assignment: a subscriber holds its context
 * for as long as it watches, and a set of loaders (five DataLoaders and their maps) it never reads is about
 * 5 KB of it.
 */
export function lazyLoaders(target: object, make: () => Loaders): void {
  let made: Loaders | undefined;
  Object.defineProperty(target, 'loaders', {
    get: () => (made ??= make()),
    set: (value: Loaders) => void (made = value),
    enumerable: true,
    configurable: true,
  });
}
