/** AWX_RETRIES, AWX_BREAKER_* and AWX_MAX_* from the environment: how the gateway spares a failing or busy AWX. */
import { integer, type Env } from '../envParsers.js';
import { RESILIENCE_DEFAULTS } from './transport.js';

/** How the gateway spares a failing or busy AWX; passed on to `createAwxTransport`. */
export interface ResilienceConfig {
  retries: number;
  breakerFailures: number;
  breakerFailureRate: number;
  breakerWindowMs: number;
  breakerCooldownMs: number;
  maxConcurrency: number;
  maxQueue: number;
}

/** The resilience settings, each defaulting to RESILIENCE_DEFAULTS; AWX_BREAKER_FAILURES=0 turns the breaker off. */
export function resilience(env: Env, problems: string[]): ResilienceConfig {
  const fallback = RESILIENCE_DEFAULTS;
  return {
    retries: integer(env, 'AWX_RETRIES', fallback.retries, 0, 2, problems),
    breakerFailures: integer(env, 'AWX_BREAKER_FAILURES', fallback.breakerFailures, 0, 1_000, problems),
    breakerFailureRate: integer(env, 'AWX_BREAKER_FAILURE_RATE', fallback.breakerFailureRate, 1, 100, problems),
    breakerWindowMs: integer(env, 'AWX_BREAKER_WINDOW_MS', fallback.breakerWindowMs, 1_000, 600_000, problems),
    breakerCooldownMs: integer(env, 'AWX_BREAKER_COOLDOWN_MS', fallback.breakerCooldownMs, 100, 600_000, problems),
    maxConcurrency: integer(env, 'AWX_MAX_CONCURRENCY', fallback.maxConcurrency, 1, 1_024, problems),
    maxQueue: integer(env, 'AWX_MAX_QUEUE', fallback.maxQueue, 0, 100_000, problems),
  };
}

