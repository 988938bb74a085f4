/** graphql-armor's depth, alias, directive and token limits, with its refusals turned into ours. */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { Lexer, Source, TokenKind, type GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError, type LimitCode } from './errors.js';
import type { QueryLimits } from './types.js';

/**
 * armor reports "Syntax Error: Query depth limit of 15 exceeded, found 16." and the like; we read the
 * count from that (exposeLimits keeps it there) and report our own error through the validation context,
 * so the code, limit and found count are stable whatever armor's wording.
 */
function reportAs(code: LimitCode, limit: number): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? limit + 1);
    context?.reportError(limitError(code, limit, found));
  };
}

/** Counts a document's tokens to the end (armor stops at the limit); it is already under the byte limit. */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // a syntax error ends the count; the query is refused for its tokens all the same
  }
  return count;
}

/**
 * armor's token limit throws from the parser; this swaps its error for ours with the full count. The
 * hook must come before Yoga's parse cache so the cache keeps our error, not armor's.
 */
function useTokenErrorTranslation(limit: number, rejected: WeakSet<Error>): Plugin {
  return {
    onParse: ({ params }) => ({ result, replaceParseResult }) => {
      if (result instanceof Error && rejected.has(result)) {
        replaceParseResult(limitError('TOO_MANY_TOKENS', limit, countTokens(params.source.toString())));
      }
    },
  };
}

/** The armor plugins (its cost limit is ours, see cost.ts; field suggestions are left as they are). */
export function armorPlugins(limits: QueryLimits): Plugin[] {
  const rejectedTokens = new WeakSet<Error>();
  const armor = new EnvelopArmor({
    blockFieldSuggestion: { enabled: false },
    costLimit: { enabled: false },
    // introspection (`__schema`) is left out: GraphiQL's query nests `ofType` 9 deep, and graphql's own
    // MaxIntrospectionDepthRule bounds it
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, propagateOnRejection: false, onReject: [reportAs('QUERY_TOO_DEEP', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reportAs('TOO_MANY_ALIASES', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs('TOO_MANY_DIRECTIVES', limits.maxDirectives)] },
    maxTokens: { n: limits.maxTokens, propagateOnRejection: true, onReject: [(_context, error) => void rejectedTokens.add(error)] },
  });
  return [useTokenErrorTranslation(limits.maxTokens, rejectedTokens), ...(armor.protect().plugins as Plugin[])];
}
