/** The connection pool to AWX, shared by all callers (it holds no credentials), with its resilience policies. */
import { readFileSync } from 'node:fs';
import { Agent } from './undici.js';
import { ApiLocator, layoutFor, normalizeApiPath } from './apiLayout.js';
import { CircuitBreaker } from './breaker.js';
import type { AwxTransport } from './client.js';
import { discoverApi } from './discovery.js';
import { ConcurrencyLimiter } from './limiter.js';
import { RepeatAnswers, REPEAT_ANSWER_BYTES } from './repeatAnswers.js';
import { DEFAULT_RETRY_POLICY } from './retry.js';

/** How to reach AWX, as read from configuration. */
export interface AwxTransportOptions {
  url: string;
  /** The API path (`/api/`, `/api/controller/`) when configured (CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX); found by discovery otherwise. */
  apiPath?: string;
  timeoutMs: number;
  caFile?: string;
  insecureTls?: boolean;
  maxBodyBytes?: number;
  connections?: number;
  /** Retries of a failed read (AWX_RETRIES, default 2). */
  retries?: number;
  /** Failures within the breaker's window before it may open (AWX_BREAKER_FAILURES, default 5; 0 disables it). */
  breakerFailures?: number;
  /** Percentage of the window's calls that must have failed for the breaker to open (AWX_BREAKER_FAILURE_RATE, default 50). */
  breakerFailureRate?: number;
  /** How far back the breaker counts calls (AWX_BREAKER_WINDOW_MS, default 10 s). */
  breakerWindowMs?: number;
  /** How long the breaker stays open before a probe (AWX_BREAKER_COOLDOWN_MS, default 10 s). */
  breakerCooldownMs?: number;
  /** AWX requests in flight at once (AWX_MAX_CONCURRENCY, default 32). */
  maxConcurrency?: number;
  /** AWX requests waiting for a slot before new ones are refused (AWX_MAX_QUEUE, default 1024). */
  maxQueue?: number;
  /** Bytes of AWX's last answers kept to recognise repeated ones (default REPEAT_ANSWER_BYTES; 0 parses every answer). */
  repeatAnswerBytes?: number;
}

/** Resilience defaults, used when an option is not given. */
export const RESILIENCE_DEFAULTS = {
  retries: 2, breakerFailures: 5, breakerFailureRate: 50, breakerWindowMs: 10_000, breakerCooldownMs: 10_000, maxConcurrency: 32, maxQueue: 1_024,
} as const;

/** Builds the keep-alive pool; a CA file trusts a private AWX certificate, `insecureTls` skips checks. */
export function createAwxTransport(options: AwxTransportOptions): AwxTransport {
  const connect: { ca?: Buffer; rejectUnauthorized?: boolean } = {};
  if (options.caFile) connect.ca = readFileSync(options.caFile);
  if (options.insecureTls) connect.rejectUnauthorized = false;
  const maxConcurrency = options.maxConcurrency ?? RESILIENCE_DEFAULTS.maxConcurrency;
  const dispatcher = new Agent({
    keepAliveTimeout: 10_000,
    // Never fewer sockets than the cap allows in flight, or requests would queue twice.
    connections: Math.max(options.connections ?? 64, maxConcurrency),
    connect,
  });
  const transport: AwxTransport = {
    baseUrl: new URL(options.url),
    api: new ApiLocator(() => discoverApi(transport), options.apiPath ? layoutFor(normalizeApiPath(options.apiPath), 'configured') : undefined),
    dispatcher,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 32 * 1024 * 1024,
    retry: { ...DEFAULT_RETRY_POLICY, retries: options.retries ?? RESILIENCE_DEFAULTS.retries },
    breaker: new CircuitBreaker({
      failureThreshold: options.breakerFailures ?? RESILIENCE_DEFAULTS.breakerFailures,
      failureRate: (options.breakerFailureRate ?? RESILIENCE_DEFAULTS.breakerFailureRate) / 100,
      windowMs: options.breakerWindowMs ?? RESILIENCE_DEFAULTS.breakerWindowMs,
      cooldownMs: options.breakerCooldownMs ?? RESILIENCE_DEFAULTS.breakerCooldownMs,
    }),
    limiter: new ConcurrencyLimiter(maxConcurrency, options.maxQueue ?? RESILIENCE_DEFAULTS.maxQueue),
    tls: connect,
    answers: new RepeatAnswers(options.repeatAnswerBytes ?? REPEAT_ANSWER_BYTES),
  };
  return transport;
}

/** A snapshot of the upstream's resilience state, for metrics and readiness. */
export interface UpstreamStatus {
  breaker: AwxTransport['breaker']['state'];
  inFlight: number;
  queued: number;
}

/** Reads the breaker state and the in-flight and queued counts of a transport. */
export function upstreamStatus(transport: AwxTransport): UpstreamStatus {
  return { breaker: transport.breaker.state, inFlight: transport.limiter.inFlight, queued: transport.limiter.queued };
}
