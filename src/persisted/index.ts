/**
 * Persisted operations: Apollo's automatic persisted queries (APQ) and trusted documents (a manifest of the
 * operations clients may run, by `documentId`), resolved before parsing for HTTP (a Yoga plugin) and for
 * graphql-ws alike.
 */
import { parse, validate, type GraphQLSchema } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { PERSISTED_DEFAULTS, type PersistedConfig } from './config.js';
import { canonicalId } from './manifest.js';
import { resolveOperation, type PersistedParams, type Resolution } from './resolve.js';
import { createApqStore, type ApqStore } from './store.js';

export { PERSISTED_DEFAULTS, type PersistedConfig } from './config.js';

/** Persisted operations of one gateway. */
export interface PersistedOperations {
  /** The text a request runs (or the refusal, thrown); see resolve.ts. */
  resolve(params: PersistedParams): Promise<Resolution>;
  /** The text of a persisted request when known without I/O (the manifest, this replica's APQ memory). */
  peek(params: PersistedParams): string | undefined;
  /** PERSISTED_DOCUMENTS_ONLY: nothing but the manifest's documents runs (GraphiQL is then not served). */
  only: boolean;
  /** Resolves `documentId` and APQ hashes on /graphql, and registers APQ queries once they validated. */
  plugin: Plugin;
  /** The APQ store; undefined when APQ is off or only the manifest's documents run. */
  store?: ApqStore;
  close(): Promise<void>;
}

/** Builds them; manifest documents that do not validate against `schema` are logged (they would fail when asked for). */
export function createPersistedOperations(config: Partial<PersistedConfig>, deps: { logger: Logger; schema: GraphQLSchema }): PersistedOperations {
  const settings = { ...PERSISTED_DEFAULTS, ...config };
  // Only the manifest runs in PERSISTED_DOCUMENTS_ONLY: nothing would ever be registered, so no store (nor Redis).
  const store = settings.apq && !settings.only ? createApqStore({
    maxEntries: settings.apqMaxEntries, ttlMs: settings.apqTtlMs, logger: deps.logger,
    redis: settings.redisUrl ? { url: settings.redisUrl, prefix: settings.redisPrefix, commandTimeoutMs: settings.commandTimeoutMs ?? 250 } : undefined,
  }) : undefined;
  const documents = settings.documents;
  for (const [id, document] of documents ?? []) {
    const errors = validate(deps.schema, parse(document));
    if (errors.length > 0) deps.logger.warn({ documentId: id, error: errors[0]!.message }, 'a persisted document does not validate against the schema');
  }
  const resolveDeps = { documents, store, only: settings.only };
  const resolve = (params: PersistedParams) => resolveOperation(params, resolveDeps);
  return {
    resolve,
    peek: (params) => peek(params, resolveDeps),
    only: settings.only,
    plugin: persistedPlugin(resolve, settings.only),
    store,
    close: async () => store?.close(),
  };
}

function peek(params: PersistedParams, deps: { documents?: ReadonlyMap<string, string>; store?: ApqStore }): string | undefined {
  if (typeof params.documentId === 'string') return deps.documents?.get(canonicalId(params.documentId));
  const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined;
  const hash = extensions?.persistedQuery?.sha256Hash;
  if (typeof hash !== 'string') return undefined;
  return deps.documents?.get(`sha256:${hash}`) ?? deps.store?.peek(hash);
}

/** A POST of plain text, neither `documentId` nor an APQ hash: nothing to resolve, Yoga checks it as it is. */
function isPlainText(params: PersistedParams, request: Request): boolean {
  if (request.method !== 'POST' || (params.documentId !== undefined && params.documentId !== null)) return false;
  const extensions = params.extensions;
  return extensions === undefined || extensions === null || typeof extensions !== 'object' || !('persistedQuery' in extensions);
}

/**
 * The Yoga side. It runs before Yoga's own parameter checks (which refuse `documentId` and a missing
 * query), reading `documentId` from a POST body or a GET's query string. A registration is stored once its
 * query reached execution, that is once it parsed and validated: text that is not a valid operation of this
 * schema is never stored. Plain text (most requests) passes untouched without a promise or a copy of its
 * parameters, unless only persisted documents run.
 */
function persistedPlugin(resolve: (params: PersistedParams) => Promise<Resolution>, only: boolean): Plugin {
  const registrations = new WeakMap<Request, () => Promise<void>>();
  const register = async (context: unknown) => {
    const request = (context as { request?: Request } | undefined)?.request;
    const pending = request && registrations.get(request);
    if (!pending) return;
    registrations.delete(request);
    await pending();
  };
  const resolveParams = async (params: GraphQLParams, request: Request, setParams: (params: GraphQLParams) => void) => {
    const { documentId, ...rest } = params as GraphQLParams & { documentId?: unknown };
    const fromUrl = request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') ?? undefined : undefined;
    const resolution = await resolve({ ...params, documentId: documentId ?? fromUrl });
    if (resolution.register) registrations.set(request, resolution.register);
    setParams({ ...rest, query: resolution.query as string | undefined });
  };
  return {
    onParams({ params, request, setParams }) {
      if (!only && isPlainText(params, request)) return;
      return resolveParams(params, request, setParams);
    },
    onExecute: ({ args }) => register(args.contextValue),
    onSubscribe: ({ args }) => register(args.contextValue),
  };
}
