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

/** A document's cost and AWX-call estimates, by operation name and variables (both depend on `first`). */
type Estimates = { cost: number | undefined; calls: number | undefined };

/** At most this many variable sets per document are remembered; a client paging through one query uses a few. */
const ESTIMATES_PER_DOCUMENT = 32;

/**
 * Refuses a query whose cost, or estimated number of AWX calls, is over its limit. It runs at execution, not
 * as a validation rule, because both depend on variables and Yoga caches validation results by document alone.
 * Yoga's parse cache hands the same document object to every request with the same text, so the estimates
 * are kept per document and variables: a dashboard asked again is not walked again.
 */
function useCostLimit(maxCost: number, maxAwxCalls: number): Plugin {
  type Check = Parameters<NonNullable<Plugin['onExecute']>>[0];
  const known = new WeakMap<object, Map<string, Estimates>>();
  const estimate = (args: Check['args']): Estimates => {
    // The variables were checked for depth just before (useInputChecks): they are safe to serialize.
    const key = `${args.operationName ?? ''}\n${args.variableValues ? JSON.stringify(args.variableValues) : ''}`;
    let byKey = known.get(args.document);
    const hit = byKey?.get(key);
    if (hit) return hit;
    const found = {
      cost: estimateCost(args.schema, args.document, args.operationName, args.variableValues),
      calls: estimateAwxCalls(args.schema, args.document, args.operationName, args.variableValues),
    };
    if (!byKey || byKey.size >= ESTIMATES_PER_DOCUMENT) known.set(args.document, (byKey = new Map()));
    byKey.set(key, found);
    return found;
  };
  const check = ({ args, setResultAndStopExecution }: Pick<Check, 'args' | 'setResultAndStopExecution'>) => {
    const { cost, calls } = estimate(args);
    if (cost !== undefined && cost > maxCost) {
      return setResultAndStopExecution({ errors: [limitError('QUERY_TOO_COSTLY', maxCost, cost)] });
    }
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
