/**
 * What a request asks to run: free text (`query`), a trusted document (`documentId`, the GraphQL-over-HTTP
 * persisted documents convention), or an APQ hash (`extensions.persistedQuery`, with the query when it is
 * being registered). The same rules serve HTTP and graphql-ws.
 */
import type { GraphQLError } from 'graphql';
import { notFound, notSupported, persistedError } from './errors.js';
import { canonicalId, sha256Hex, type PersistedManifest } from './manifest.js';
import type { ApqStore } from './store.js';

/** The parameters that matter here, as sent (anything may be of the wrong type). */
export interface PersistedParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** The text to run, and, for an APQ registration, what stores it once the text has passed validation. */
export interface Resolution {
  query: unknown;
  register?: () => Promise<void>;
}

/** What requests are resolved against. */
export interface ResolveDeps {
  documents?: PersistedManifest;
  /** Undefined when APQ is off. */
  store?: ApqStore;
  /** PERSISTED_DOCUMENTS_ONLY: only the manifest's documents run. */
  only: boolean;
}

const HASH = /^[0-9a-f]{64}$/;

/** The APQ hash asked for, or undefined when the request is not an APQ one; throws when it is malformed. */
function apqHash(extensions: unknown): string | undefined {
  const persisted = extensions !== null && typeof extensions === 'object' ? (extensions as Record<string, unknown>).persistedQuery : undefined;
  if (persisted === undefined || persisted === null) return undefined;
  const { version, sha256Hash } = (typeof persisted === 'object' ? persisted : {}) as Record<string, unknown>;
  if (version !== 1) throw persistedError('BAD_REQUEST', 'Unsupported persisted query version: extensions.persistedQuery.version must be 1.');
  if (typeof sha256Hash !== 'string' || !HASH.test(sha256Hash)) {
    throw persistedError('BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be the lower-case hex SHA-256 of the query (64 characters).');
  }
  return sha256Hash;
}

function onlyDocuments(): GraphQLError {
  return persistedError('PERSISTED_QUERY_ID_REQUIRED', 'This gateway runs only its persisted documents (PERSISTED_DOCUMENTS_ONLY): send a documentId, not a query.');
}

function notInList(id: string, deps: ResolveDeps): GraphQLError {
  const why = deps.documents ? 'is not in this gateway\'s persisted documents' : 'cannot run: this gateway has no persisted documents (PERSISTED_DOCUMENTS_FILE)';
  return persistedError('PERSISTED_QUERY_NOT_IN_LIST', `Document "${id.slice(0, 80)}" ${why}.`);
}

/** A `documentId` request: the manifest's document, never anything a caller sent. */
function byDocumentId(documentId: unknown, text: string | undefined, hash: string | undefined, deps: ResolveDeps): Resolution {
  if (typeof documentId !== 'string' || documentId === '') throw persistedError('BAD_REQUEST', 'documentId must be a document id string, such as "sha256:<64 hex>".');
  if (text !== undefined) throw persistedError('CANNOT_SEND_PQ_ID_AND_BODY', 'Send a documentId or a query, not both.');
  if (hash !== undefined) throw persistedError('BAD_REQUEST', 'Send a documentId or extensions.persistedQuery, not both.');
  const document = deps.documents?.get(canonicalId(documentId));
  if (document === undefined) throw notInList(documentId, deps);
  return { query: document };
}

/** An APQ request: a trusted document with that hash, else the APQ store (registering the query sent with it). */
async function byHash(hash: string, text: string | undefined, deps: ResolveDeps): Promise<Resolution> {
  const trusted = deps.documents?.get(`sha256:${hash}`);
  if (deps.only && text !== undefined) throw onlyDocuments();
  if (trusted !== undefined && (text === undefined || text === trusted)) return { query: trusted };
  if (deps.only) throw notInList(`sha256:${hash}`, deps);
  const { store } = deps;
  if (!store) throw notSupported();
  if (text === undefined) {
    const stored = await store.get(hash);
    if (stored === undefined) throw notFound();
    return { query: stored };
  }
  const actual = sha256Hex(text);
  if (actual !== hash) {
    throw persistedError('BAD_REQUEST', `extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent (that is ${actual}): nothing was stored.`);
  }
  return { query: text, register: () => store.set(hash, text) };
}

/**
 * Resolves a request's text. Throws the refusal (a GraphQL error with its code and status) for an unknown
 * id or hash, a malformed one, or free text when only persisted documents run. Free text otherwise passes
 * through untouched, for Yoga's own checks.
 */
export async function resolveOperation(params: PersistedParams, deps: ResolveDeps): Promise<Resolution> {
  const text = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
  const hash = apqHash(params.extensions);
  if (params.documentId !== undefined && params.documentId !== null) return byDocumentId(params.documentId, text, hash, deps);
  if (hash !== undefined) return byHash(hash, text, deps);
  if (deps.only) throw onlyDocuments();
  return { query: params.query };
}
