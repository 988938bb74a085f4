/** Whether a GraphQL request asks for a subscription: the one kind of operation admission control lets through. */
import { Lexer, Source, TokenKind } from 'graphql';

interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  name?: string;
}

const KEYWORDS = new Set(['query', 'mutation', 'subscription', 'fragment']);

/** A document's operations (type and name), read with the lexer alone: no parse, no AST. */
function operationsOf(query: string): Operation[] {
  const lexer = new Lexer(new Source(query));
  const operations: Operation[] = [];
  let depth = 0;
  let header = false; // inside `query Name(...)` or `fragment X on Y`, before its selection set
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if (token.kind === TokenKind.BRACE_L) {
      if (depth === 0 && !header) operations.push({ type: 'query' }); // the `{ … }` shorthand
      header = false;
      depth++;
    } else if (token.kind === TokenKind.BRACE_R) {
      depth--;
    } else if (depth === 0 && !header && token.kind === TokenKind.NAME && KEYWORDS.has(token.value)) {
      header = true;
      if (token.value === 'fragment') continue;
      const next = lexer.lookahead();
      operations.push({ type: token.value as Operation['type'], name: next.kind === TokenKind.NAME ? next.value : undefined });
    }
  }
  return operations;
}

/**
 * Whether `query` (with `operationName`) runs a subscription. Any doubt — text that does not lex, an
 * operation that is not there — answers false: the request is then admitted like a query, which only costs a slot.
 */
export function isSubscription(query: unknown, operationName: unknown): boolean {
  if (typeof query !== 'string' || !query.includes('subscription')) return false;
  try {
    const operations = operationsOf(query);
    const named = typeof operationName === 'string' && operationName !== '';
    const chosen = named ? operations.find((operation) => operation.name === operationName) : operations.length === 1 ? operations[0] : undefined;
    return chosen?.type === 'subscription';
  } catch {
    return false;
  }
}

/** A persisted request's text when known at once (src/persisted: the manifest, or this replica's APQ memory). */
export type DocumentOf = (params: { documentId?: unknown; extensions?: unknown }) => string | undefined;

/**
 * The same for a request's parameters: a POST body's JSON, or a GET's query string. A persisted request (a
 * `documentId` or an APQ hash) is looked up with `documentOf`; one it does not know is admitted like a query.
 */
export function requestsSubscription(body: Buffer | undefined, search: URLSearchParams, documentOf?: DocumentOf): boolean {
  const params = body ? bodyParams(body, documentOf !== undefined) : searchParams(search, documentOf !== undefined);
  if (!params) return false;
  const query = typeof params.query === 'string' && params.query !== '' ? params.query : documentOf?.(params);
  return isSubscription(query, params.operationName);
}

interface Params {
  query?: unknown;
  operationName?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** A POST body's parameters, parsed only when they may name a subscription (the text, or a persisted id). */
function bodyParams(body: Buffer, persisted: boolean): Params | undefined {
  const mayBe = body.indexOf('subscription') >= 0 || (persisted && (body.indexOf('documentId') >= 0 || body.indexOf('persistedQuery') >= 0));
  if (!mayBe) return undefined;
  try {
    const params = JSON.parse(body.toString('utf8')) as Params | null;
    return params !== null && typeof params === 'object' ? params : undefined;
  } catch {
    return undefined;
  }
}

function searchParams(search: URLSearchParams, persisted: boolean): Params {
  const params: Params = { query: search.get('query'), operationName: search.get('operationName'), documentId: search.get('documentId') ?? undefined };
  const extensions = persisted ? search.get('extensions') : null;
  if (extensions?.includes('persistedQuery')) {
    try {
      params.extensions = JSON.parse(extensions);
    } catch {
      // Yoga refuses it with a 400; admitted like a query until then
    }
  }
  return params;
}
