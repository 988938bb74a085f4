/** GraphQL errors as clients see them: every failure gets a stable `extensions.code`, decided here. */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { AwxError } from './awx/errors.js';

/** Bad arguments from the client; nothing was sent to AWX. */
export function badInput(message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
}

/** AWX sent data the schema cannot represent (e.g. an unknown enum value): an error on that field only. */
export function upstreamDataError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UPSTREAM_ERROR' } });
}

/** The object a mutation acted on is gone, or no longer visible to the caller. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** Whether AWX answered a request with a refusal (4xx): it did not act on it, so nothing it holds changed. */
export function refusedByAwx(error: unknown): boolean {
  const status = error instanceof AwxError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
}

/** Quotes a client-sent value in a message, cut short so a huge input does not become a huge error. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Yoga's `maskError`: AWX failures become their stable code and safe message (with AWX's HTTP status as
 * `upstreamStatus`); GraphQL errors we raised pass as they are; anything else is masked as
 * "Unexpected error." whatever NODE_ENV says, so no stack, upstream URL or credential reaches a client.
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof AwxError) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(original.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: { code: original.code, ...(original.status ? { upstreamStatus: original.status } : {}), ...original.details },
    });
  }
  return yogaMaskError(error, message, false);
}

/** Whether an error is one we expect (bad input, AWX refusals); the others are logged as defects. */
export function isExpectedError(error: unknown): boolean {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return original instanceof AwxError || original instanceof GraphQLError;
}
