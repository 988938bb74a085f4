/**
 * What one GraphQL query or mutation may spend on AWX, all its loader rounds together: one deadline
 * (OPERATION_TIMEOUT_MS) and a number of calls (MAX_AWX_CALLS). Each call takes what is left; none is sent
 * once either is spent.
 */
import { AwxCallLimitError, AwxTimeoutError } from './errors.js';
import { MIN_ATTEMPT_MS } from './retry.js';

/** An operation's budget: when its deadline ends (`performance.now()` time), how long it was, and its calls. */
export interface OperationBudget {
  endsAt: number;
  timeoutMs: number;
  maxCalls: number;
  calls: number;
}

/** Starts an operation's budget of `timeoutMs` and `maxCalls` from now. */
export function operationBudget(timeoutMs: number, maxCalls: number): OperationBudget {
  return { endsAt: performance.now() + timeoutMs, timeoutMs, maxCalls, calls: 0 };
}

/**
 * Takes one call from the budget and gives its timeout: AWX_TIMEOUT_MS, or what is left of the operation's
 * deadline when that is less (`shortened`). Throws at once, AWX not called, when the calls are spent
 * (TOO_MANY_AWX_CALLS) or too little time is left for an attempt (UPSTREAM_TIMEOUT).
 */
export function takeCall(timeoutMs: number, budget?: OperationBudget): { timeoutMs: number; shortened: boolean } {
  if (!budget) return { timeoutMs, shortened: false };
  if (budget.calls >= budget.maxCalls) throw new AwxCallLimitError(budget.maxCalls);
  const leftMs = Math.floor(budget.endsAt - performance.now());
  if (leftMs < MIN_ATTEMPT_MS) throw new AwxTimeoutError(budget.timeoutMs, budget.timeoutMs);
  budget.calls++;
  return leftMs < timeoutMs ? { timeoutMs: leftMs, shortened: true } : { timeoutMs, shortened: false };
}
