/** The graphql-ws side of persisted operations: a subscribe payload's `documentId` or APQ hash, resolved as over HTTP. */
import { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { PersistedOperations } from './index.js';

/** The payload to run, and, for an APQ registration, what stores it once it parsed and validated. */
export interface SocketResolution {
  payload: SubscribePayload;
  register?: () => Promise<void>;
}

/**
 * Free text as sent, or the text its `documentId` or APQ hash stands for (graphql-ws requires a `query`
 * string, so a persisted operation sends an empty one). Returns the refusal instead, as the errors of an
 * `error` message.
 */
export async function resolveSubscribePayload(persisted: PersistedOperations | undefined, payload: SubscribePayload): Promise<SocketResolution | GraphQLError[]> {
  if (!persisted) return { payload };
  try {
    const resolution = await persisted.resolve(payload as SubscribePayload & { documentId?: unknown });
    return { payload: { ...payload, query: resolution.query as string }, register: resolution.register };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [error];
  }
}
