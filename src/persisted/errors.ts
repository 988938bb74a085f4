/**
 * The answers of persisted requests that cannot run. APQ's are Apollo Server's, word for word, so Apollo's
 * PersistedQueryLink acts on them; the trusted documents' codes are the ones Apollo Router uses.
 */
import { GraphQLError } from 'graphql';

/** The `extensions.code` of each refusal. */
export type PersistedCode =
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  | 'PERSISTED_QUERY_ID_REQUIRED'
  | 'CANNOT_SEND_PQ_ID_AND_BODY'
  | 'BAD_REQUEST';

/** HTTP status of each; the two APQ answers are 200, uncacheable, as Apollo Server sends them (the client retries). */
const STATUS: Record<PersistedCode, number> = {
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_QUERY_NOT_SUPPORTED: 200,
  PERSISTED_QUERY_NOT_IN_LIST: 404,
  PERSISTED_QUERY_ID_REQUIRED: 400,
  CANNOT_SEND_PQ_ID_AND_BODY: 400,
  BAD_REQUEST: 400,
};

/** A refusal before parsing: no `data`, nothing sent to AWX. */
export function persistedError(code: PersistedCode, message: string): GraphQLError {
  const status = STATUS[code];
  const headers = status === 200 ? { 'cache-control': 'private, no-cache, must-revalidate' } : undefined;
  return new GraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });
}

/** The hash is not registered (here nor in Redis): the client sends the query with it next. */
export const notFound = (): GraphQLError => persistedError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');

/** APQ is off (APQ=false): the client stops sending hashes. */
export const notSupported = (): GraphQLError => persistedError('PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported');
