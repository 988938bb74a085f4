/**
 * Query limits, all enforced before any AWX call: the query's size before parsing, its tokens while
 * parsing, depth/aliases/directives while validating (graphql-armor), and its cost just before execution,
 * once the variables that set `first` are known.
 */
import type { Plugin } from 'graphql-yoga';
import { armorPlugins } from './armor.js';
import { estimateAwxCalls } from './awxCalls.js';
import { estimateCost } from './cost.js';
import { useInputChecks } from './input.js';
import { limitError } from './errors.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './types.js';

export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './types.js';

/** Refuses query text over the byte limit before it is parsed. */
function useQuerySizeLimit(maxBytes: number): Plugin {
  return {
    onParams: ({ params, setResult }) => {
      // a non-string query is Yoga's to refuse, after this hook
      if (typeof params.query !== 'string') return;
      const bytes = Buffer.byteLength(params.query, 'utf8');
      if (bytes > maxBytes) setResult({ errors: [limitError('QUERY_TOO_LARGE', maxBytes, bytes)] });
    },
  };
}

/**
 * Refuses a query whose cost, or estimated number of AWX calls, is over its limit. It runs at execution, not
 * as a validation rule, because both depend on variables and Yoga caches validation results by document alone.
 */
function useCostLimit(maxCost: number, maxAwxCalls: number): Plugin {
  type Check = Parameters<NonNullable<Plugin['onExecute']>>[0];
  const check = ({ args, setResultAndStopExecution }: Pick<Check, 'args' | 'setResultAndStopExecution'>) => {
    const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues);
    if (cost !== undefined && cost > maxCost) {
      return setResultAndStopExecution({ errors: [limitError('QUERY_TOO_COSTLY', maxCost, cost)] });
    }
    const calls = estimateAwxCalls(args.schema, args.document, args.operationName, args.variableValues);
    if (calls !== undefined && calls > maxAwxCalls) setResultAndStopExecution({ errors: [limitError('TOO_MANY_AWX_CALLS', maxAwxCalls, calls)] });
  };
  // A subscription's selection is resolved again for every event: it is checked once, when it starts.
  return { onExecute: check, onSubscribe: check };
}

/** The Yoga plugins that enforce the limits; unset limits take their defaults. */
export function queryLimitPlugins(limits: Partial<QueryLimits> = {}): Plugin[] {
  const resolved: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...definedOnly(limits) };
  // the input depth first: the cost estimate reads variables (`first`), and must not walk a hostile one
  return [useQuerySizeLimit(resolved.maxQueryBytes), ...armorPlugins(resolved), useInputChecks(resolved.maxInputDepth), useCostLimit(resolved.maxCost, resolved.maxAwxCalls)];
}

function definedOnly(limits: Partial<QueryLimits>): Partial<QueryLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}
