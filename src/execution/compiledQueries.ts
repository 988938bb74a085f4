/**
 * Queries compiled to JavaScript (graphql-jit) once they are asked again: a dashboard page resolves each of its
 * fields for every job on it, and graphql's interpreter re-reads the query for each (arguments, sub-selections,
 * value completion). A compiled query does that reading once per document, so a page costs less per job.
 *
 * Only queries are compiled (mutations and subscriptions keep graphql's executor), and only from a document's
 * second use: compiling costs far more than one execution, so a client sending ever-new documents pays no more
 * than with the interpreter. The compiled forms live with the parsed documents (Yoga's parse cache), at most
 * MAX_COMPILED of them (about 90 KB each for a dashboard query), fewer than Yoga keeps parsed
 * (src/execution/documentCache.ts). When all are taken, a new document takes the
 * place of one unused for IDLE_MS: the set follows what clients send now, and a client cycling through more
 * documents than the bound cannot make the gateway compile on every request.
 */
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { answerFor } from './callerGone.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from './jit.js';

/** What an executor is given (envelop's execution arguments, as far as a compiled query reads them). */
export interface QueryRun {
  document: DocumentNode;
  operationName?: string | null;
  rootValue?: unknown;
  contextValue?: unknown;
  variableValues?: Record<string, unknown> | null;
}

/** Compiled documents kept at most: a gateway's clients send a few dozen distinct queries, not thousands. */
export const MAX_COMPILED = 100;
/** A compiled document unused this long gives its place to a new one once the bound is reached. */
export const IDLE_MS = 5 * 60_000;

/** One operation of a document: seen (not compiled yet), compiled, or not to be compiled. */
type Entry = { state: 'seen' } | { state: 'compiled'; query: CompiledQuery; usedAt: number } | { state: 'interpreted' };
type Compiled = Extract<Entry, { state: 'compiled' }>;

/** How many compiled documents to keep, and when one counts as unused (a clock for tests). */
export interface CompiledQueryOptions {
  maxCompiled?: number;
  idleMs?: number;
  now?: () => number;
}

/** Runs a query compiled when it may be, else returns undefined: the caller then runs graphql's executor. */
export type CompiledExecutor = (run: QueryRun) => Promise<ExecutionResult> | ExecutionResult | undefined;

/** The compiled queries of one schema. */
export function compiledQueries(schema: GraphQLSchema, options: CompiledQueryOptions = {}): CompiledExecutor {
  const byDocument = new WeakMap<DocumentNode, Map<string, Entry>>();
  const kept = new CompiledSet(options);
  const entryOf = (run: QueryRun): Entry => {
    let operations = byDocument.get(run.document);
    if (!operations) byDocument.set(run.document, (operations = new Map()));
    const name = run.operationName ?? '';
    const entry = operations.get(name);
    if (!entry) {
      // A query (not a mutation or subscription), seen for the first time: interpreted, and remembered.
      const query = getOperationAST(run.document, run.operationName)?.operation === 'query';
      const first: Entry = query ? { state: 'seen' } : { state: 'interpreted' };
      operations.set(name, first);
      return first;
    }
    if (entry.state === 'compiled') kept.used(entry);
    if (entry.state !== 'seen' || !kept.makeRoom()) return entry;
    const result = compileQuery(schema, run.document, run.operationName ?? undefined, { disablingCapturingStackErrors: true });
    // A document graphql-jit cannot compile (it answers with errors) is interpreted, as it was before.
    if (!isCompiledQuery(result)) {
      operations.set(name, { state: 'interpreted' });
      return { state: 'interpreted' };
    }
    const compiled: Compiled = { state: 'compiled', query: result, usedAt: 0 };
    operations.set(name, compiled);
    // Evicted, the operation starts over: interpreted, then compiled again from its next use.
    kept.add(compiled, () => operations.delete(name));
    return compiled;
  };
  return (run) => {
    const entry = entryOf(run);
    if (entry.state !== 'compiled') return undefined;
    const result = entry.query.query(run.rootValue, run.contextValue, run.variableValues ?? {});
    return isPromise(result) ? result.then((done) => finished(done, run)) : finished(result, run);
  };
}

/** The compiled operations kept, least recently used first, each with how to forget it. */
class CompiledSet {
  private readonly byUse = new Map<Compiled, () => void>();
  private readonly max: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor({ maxCompiled = MAX_COMPILED, idleMs = IDLE_MS, now = () => performance.now() }: CompiledQueryOptions) {
    this.max = maxCompiled;
    this.idleMs = idleMs;
    this.now = now;
  }

  used(entry: Compiled): void {
    const forget = this.byUse.get(entry);
    if (!forget) return;
    entry.usedAt = this.now();
    this.byUse.delete(entry);
    this.byUse.set(entry, forget);
  }

  /** True when one more may be kept: below the bound, or after forgetting the least recently used if idle. */
  makeRoom(): boolean {
    if (this.byUse.size < this.max) return true;
    const oldest = this.byUse.entries().next();
    if (oldest.done || this.now() - oldest.value[0].usedAt < this.idleMs) return false;
    this.byUse.delete(oldest.value[0]);
    oldest.value[1]();
    return true;
  }

  add(entry: Compiled, forget: () => void): void {
    entry.usedAt = this.now();
    this.byUse.set(entry, forget);
  }
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown })?.then === 'function';

/** The answer to a compiled query: one error when its caller has gone (src/execution/callerGone.ts), else its result as graphql's. */
function finished(result: ExecutionResult, run: QueryRun): ExecutionResult {
  const answer = answerFor(result, run.contextValue, run.document, run.operationName);
  return answer === result ? asGraphqlResult(result, run.document) : answer;
}

/**
 * A compiled query's result as graphql's executor gives it: `errors` first, and each error a graphql error
 * located by source positions. graphql-jit's errors carry bare `locations`, which Yoga's error handling drops
 * when it copies an error (it relocates errors from their nodes or source positions).
 */
function asGraphqlResult(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  const { errors, ...rest } = result;
  return { errors: errors.map((error) => relocated(error, document)), ...rest };
}

function relocated(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  if (error.nodes || error.positions || !error.locations || !source) return error;
  const lineStarts = [0];
  for (let at = source.body.indexOf('\n'); at >= 0; at = source.body.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const positions = error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1);
  const originalError = error.originalError ?? undefined;
  return new GraphQLError(error.message, { source, positions, path: error.path, originalError, extensions: error.extensions });
}
