/** The query limits and their defaults (each one an environment variable, see config.ts and docs/configuration.md). */

/** Limits every query must meet before anything is sent to AWX. */
export interface QueryLimits {
  /** Bytes of query text (MAX_QUERY_BYTES), checked before parsing. */
  maxQueryBytes: number;
  /** Lexical tokens (MAX_TOKENS), counted while parsing. */
  maxTokens: number;
  /** Nesting of fields, fragments flattened, `__schema` excluded (MAX_DEPTH). */
  maxDepth: number;
  /** Aliases, `__typename` excepted (MAX_ALIASES). */
  maxAliases: number;
  /** Directives (MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Estimated objects in the answer, lists multiplied by their `first`/`last` (MAX_COST). */
  maxCost: number;
  /** AWX calls one query or mutation may make, estimated before it runs and counted as it runs (MAX_AWX_CALLS). */
  maxAwxCalls: number;
  /** Nesting of lists and objects in variables and literal arguments, `_entities` representations included (MAX_INPUT_DEPTH). */
  maxInputDepth: number;
}

/**
 * Defaults: generous for dashboards and tools, tight for abuse. GraphiQL's full introspection query has
 * about 200 tokens and `__type` lookups nest `ofType` 9 deep (depth 13); the API guide's page of 50 jobs with
 * their creators, templates and node graphs costs 7,751, while 200 jobs each with 200 nodes cost 40,601.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxQueryBytes: 32_768,
  maxTokens: 1_000,
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 20_000,
  maxAwxCalls: 250,
  maxInputDepth: 64,
};
