/**
 * A query whose caller has gone is answered with one error, not one per field it left unread. When a client
 * closes its connection, the AWX reads still in flight for it are canceled (src/awx/deadline.ts) and every field
 * that waited on one fails: a 200-job dashboard left during its related reads failed hundreds of fields, and each
 * error was then located, masked, copied and serialized for an answer nobody reads, which cost about as much CPU
 * as answering the query (bench/analysis.ts). Mutations keep their answer: what a write did or refused is logged
 * and counted as it went, whoever is left to read it.
 */
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';

/** The code of the one error a gone caller's query is answered with (nginx logs such a request as 499). */
export const CLIENT_CLOSED_REQUEST = 'CLIENT_CLOSED_REQUEST';

/**
 * Whether the client that sent `request` has closed its connection. whatwg-node's request signal (under Yoga)
 * can read `aborted: false` after it fired, once a native controller stands behind it; its reason is set either way.
 */
export function callerHasGone(request: Request | undefined): boolean {
  const signal = request?.signal;
  return signal !== undefined && (signal.aborted || signal.reason !== undefined);
}

/** The request of a GraphQL context (Yoga's initial context), when there is one. */
const requestOf = (context: unknown) => (context as { request?: Request } | null | undefined)?.request;

/**
 * `result`, or the one error for a caller who has gone: only a query's result with errors is replaced (one whose
 * fields all came back is no cheaper to drop), so a query answered in full pays one property read.
 */
export function answerFor(result: ExecutionResult, context: unknown, document: DocumentNode, operationName?: string | null): ExecutionResult {
  if (!result.errors?.length || !callerHasGone(requestOf(context))) return result;
  if (getOperationAST(document, operationName)?.operation !== 'query') return result;
  const message = 'The client closed its connection before the answer was ready; the query was not finished.';
  return { data: null, errors: [new GraphQLError(message, { extensions: { code: CLIENT_CLOSED_REQUEST } })] };
}

/** Whether a result is the answer to a gone caller (for the request's outcome in metrics and logs). */
export function isCallerGoneAnswer(result: { errors?: readonly unknown[] }): boolean {
  const first = result.errors?.[0] as { extensions?: { code?: unknown } } | undefined;
  return result.errors?.length === 1 && first?.extensions?.code === CLIENT_CLOSED_REQUEST;
}

/** What an executor is given, as far as the answer to a gone caller needs it. */
interface Run {
  document: DocumentNode;
  operationName?: string | null;
  contextValue?: unknown;
}

/** `execute` (graphql's executor, as envelop hands it over) answering a gone caller's query with one error. */
export function answeringGoneCallers<A extends Run, R>(execute: (run: A) => R | Promise<R>): (run: A) => R | Promise<R> {
  return (run) => {
    const result = execute(run);
    // A stream of results (@defer, @stream) is left as it is: the schema declares neither.
    const answer = (done: R): R => (done && typeof done === 'object' && !(Symbol.asyncIterator in done)
      ? (answerFor(done as ExecutionResult, run.contextValue, run.document, run.operationName) as R) : done);
    return typeof (result as { then?: unknown } | null)?.then === 'function' ? (result as Promise<R>).then(answer) : answer(result as R);
  };
}
