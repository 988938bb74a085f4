/** The refusal every query limit gives: a stable code, the limit and what the query had. */
import { GraphQLError } from 'graphql';

/** The `extensions.code` of each limit. */
export type LimitCode =
  | 'QUERY_TOO_LARGE'
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_AWX_CALLS';

const WORDING: Record<LimitCode, { what: string; unit: string; hint: string }> = {
  QUERY_TOO_LARGE: { what: 'Query size', unit: ' bytes', hint: 'send a shorter query' },
  TOO_MANY_TOKENS: { what: 'Query token count', unit: '', hint: 'send a shorter query' },
  QUERY_TOO_DEEP: { what: 'Query depth', unit: '', hint: 'nest fewer fields' },
  TOO_MANY_ALIASES: { what: 'Query alias count', unit: '', hint: 'split the query or use fewer aliases' },
  TOO_MANY_DIRECTIVES: { what: 'Query directive count', unit: '', hint: 'use fewer directives' },
  QUERY_TOO_COSTLY: { what: 'Query cost', unit: '', hint: 'lower `first` on list fields' },
  TOO_MANY_AWX_CALLS: { what: 'Estimated AWX calls', unit: '', hint: 'select fields AWX leaves out of list rows (jobArgs, jobCwd, jobEnv, resultTraceback, ancestorJob) on fewer items, or split the query' },
};

/**
 * A refused query, e.g. "Query cost 40601 exceeds the limit of 20000: lower `first` on list fields.".
 * It is a request error (no `data`): HTTP 400 for `application/graphql-response+json` clients and 200 for
 * `application/json` ones, as Yoga does for validation errors. It has no `originalError`, so `maskError`
 * passes it unmasked.
 */
export function limitError(code: LimitCode, limit: number, found: number): GraphQLError {
  const { what, unit, hint } = WORDING[code];
  return new GraphQLError(`${what} ${found}${unit} exceeds the limit of ${limit}${unit}: ${hint}.`, {
    extensions: { code, limit, found, http: { status: 400, spec: true } },
  });
}
