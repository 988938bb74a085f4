/** The resilience building blocks on their own: the retry rule, the circuit breaker and the concurrency cap. */
import { createCustomAbortControllerSignal } from '@whatwg-node/server';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type BreakerState } from '../src/awx/breaker.js';
import { loadConfig } from '../src/config.js';
import { AwxCircuitOpenError, AwxOverloadedError } from '../src/awx/errors.js';
import { startDeadline } from '../src/awx/deadline.js';
import { ConcurrencyLimiter } from '../src/awx/limiter.js';
import { backoffMs, parseRetryAfter, retryDelay, withRetries, type AttemptOutcome, type RetryPolicy } from '../src/awx/retry.js';

const POLICY: RetryPolicy = { retries: 2, baseDelayMs: 100, maxDelayMs: 2_000, random: () => 1 };
const status = (code: number, headers: Record<string, string> = {}): AttemptOutcome => ({ status: code, headers });
const failure = (code: string): AttemptOutcome => ({ error: Object.assign(new Error(code), { code }) });

describe('retry rule', () => {
  it('retries GETs on 502, 503, 504 and connection resets, and on a 500 once', () => {
    for (const outcome of [status(502), status(503), status(504), status(500), failure('ECONNRESET'), failure('UND_ERR_SOCKET')]) {
      expect(retryDelay('GET', outcome, 0, POLICY, 5_000)).toBe(100);
    }
    expect(retryDelay('GET', status(503), 1, POLICY, 5_000)).toBe(200);
    expect(retryDelay('GET', status(500), 1, POLICY, 5_000)).toBeUndefined(); // a 500 twice is AWX's bug, not a blip
    for (const outcome of [status(200), status(404), status(429), failure('ECONNREFUSED'), failure('UND_ERR_ABORTED'), { error: new Error('x') }]) {
      expect(retryDelay('GET', outcome, 0, POLICY, 5_000)).toBeUndefined();
    }
  });

  it('never retries a write, whatever the failure', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(retryDelay(method, status(503), 0, POLICY, 5_000)).toBeUndefined();
      expect(retryDelay(method, failure('ECONNRESET'), 0, POLICY, 5_000)).toBeUndefined();
    }
  });

  it('stops after the configured number of retries', () => {
    expect(retryDelay('GET', status(503), 1, POLICY, 5_000)).toBe(200);
    expect(retryDelay('GET', status(503), 2, POLICY, 5_000)).toBeUndefined();
    expect(retryDelay('GET', status(503), 0, { ...POLICY, retries: 0 }, 5_000)).toBeUndefined();
  });

  it('backs off exponentially with jitter between half and all of each step, capped', () => {
    expect([0, 1, 2].map((n) => backoffMs(n, { ...POLICY, random: () => 0 }))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((n) => backoffMs(n, POLICY))).toEqual([100, 200, 400]);
    expect(backoffMs(10, POLICY)).toBe(2_000);
  });

  it('honours Retry-After in seconds or as an HTTP date, and gives up when it ends past the deadline', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:02 GMT', now)).toBe(2_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(retryDelay('GET', status(503, { 'retry-after': '1' }), 0, POLICY, 5_000)).toBe(1_000);
    expect(retryDelay('GET', status(503, { 'retry-after': '5' }), 0, POLICY, 5_000)).toBeUndefined();
    expect(retryDelay('GET', status(503), 0, POLICY, 120)).toBeUndefined();
  });

  it('runs attempts until one stands, and stops waiting when the signal aborts', async () => {
    const answers = [503, 503, 200];
    const scope = { method: 'GET', policy: { ...POLICY, baseDelayMs: 1 }, signal: new AbortController().signal, remainingMs: () => 5_000 };
    const tried: number[] = [];
    const last = await withRetries(scope, async (n) => (tried.push(n), answers[n]!), (code) => status(code));
    expect({ last, tried }).toEqual({ last: 200, tried: [0, 1, 2] });
    const controller = new AbortController();
    const waiting = withRetries({ ...scope, policy: { ...POLICY, baseDelayMs: 60_000, maxDelayMs: 60_000 }, signal: controller.signal, remainingMs: () => 600_000 },
      async () => 503, (code) => status(code));
    controller.abort(new Error('caller left'));
    await expect(waiting).rejects.toThrow('caller left');
  });
});

describe('circuit breaker', () => {
  const setup = () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => now });
    const changes: BreakerState[] = [];
    breaker.onStateChange((state) => changes.push(state));
    return { breaker, changes, tick: (ms: number) => (now += ms) };
  };

  it('opens on a failure rate over the window, never on a run of failures while most calls succeed', () => {
    const { breaker, changes, tick } = setup();
    // one call in three fails (AWX is up but flaky): far more than 3 failures, never half the calls
    for (let i = 0; i < 30; i++) breaker.admit()(i % 3 === 0 ? 'failure' : 'success');
    breaker.admit()('failure');
    breaker.admit()('failure');
    expect(breaker.state).toBe('closed');
    tick(10_000); // the window moves on: those calls no longer count
    breaker.admit()('failure');
    breaker.admit()('neutral'); // says nothing about AWX
    breaker.admit()('failure');
    breaker.admit()('success');
    expect(breaker.state).toBe('closed');
    breaker.admit()('failure'); // 3 failures of 4 calls: at least 3, and over half
    expect(breaker.state).toBe('open');
    expect(() => breaker.admit()).toThrow(AwxCircuitOpenError);
    expect(() => breaker.admit()).toThrow('AWX is unavailable: too many recent failures; retrying in 1s.');
    expect(changes).toEqual(['open']);
  });

  it('lets one probe through after the cool-down: success closes it, failure reopens it', () => {
    const { breaker, changes, tick } = setup();
    for (let i = 0; i < 3; i++) breaker.admit()('failure');
    tick(1_000);
    expect(breaker.state).toBe('half-open');
    const probe = breaker.admit();
    expect(() => breaker.admit()).toThrow(AwxCircuitOpenError);
    probe('failure');
    expect(breaker.state).toBe('open');
    tick(1_000);
    breaker.admit()('neutral'); // a probe whose caller left decides nothing
    expect(breaker.state).toBe('half-open');
    breaker.admit()('success');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('makes calls that arrive during a probe wait for its verdict instead of failing', async () => {
    const { breaker, tick } = setup();
    for (let i = 0; i < 3; i++) breaker.admit()('failure');
    tick(1_000);
    const probe = breaker.admit();
    const waiting = [breaker.enter(), breaker.enter()];
    probe('success');
    const admitted = await Promise.all(waiting);
    expect(admitted).toHaveLength(2);
    expect(breaker.state).toBe('closed');
    // a waiter whose deadline passes first gives up, refused like any call while the breaker is not closed
    for (let i = 0; i < 3; i++) breaker.admit()('failure');
    tick(1_000);
    const second = breaker.admit();
    await expect(breaker.enter(AbortSignal.abort())).rejects.toThrow(AwxCircuitOpenError);
    second('failure');
    await expect(breaker.enter()).rejects.toThrow(AwxCircuitOpenError);
  });

  it('is off with a threshold of 0', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1_000 });
    for (let i = 0; i < 20; i++) breaker.admit()('failure');
    expect(breaker.state).toBe('closed');
  });
});

describe('concurrency cap', () => {
  it('runs M at once, queues Q in order, refuses the rest at once, and lets an aborted waiter leave', async () => {
    const limiter = new ConcurrencyLimiter(2, 2);
    const [a, b] = await Promise.all([limiter.acquire(), limiter.acquire()]);
    const order: string[] = [];
    const controller = new AbortController();
    const c = limiter.acquire(controller.signal);
    const d = limiter.acquire().then((release) => (order.push('d'), release));
    await expect(limiter.acquire()).rejects.toThrow(AwxOverloadedError);
    expect({ inFlight: limiter.inFlight, queued: limiter.queued }).toEqual({ inFlight: 2, queued: 2 });
    controller.abort(new Error('gone'));
    await expect(c).rejects.toThrow('gone');
    expect(limiter.queued).toBe(1);
    a();
    a(); // a second release of the same slot changes nothing
    const releaseD = await d;
    expect({ order, inFlight: limiter.inFlight, queued: limiter.queued }).toEqual({ order: ['d'], inFlight: 2, queued: 0 });
    b();
    releaseD();
    expect(limiter.inFlight).toBe(0);
  });
});

describe('deadline', () => {
  // Yoga's request signal is whatwg-node's look-alike, which Node 24's AbortSignal.any refuses outright.
  it("ends with the caller's request signal, as Yoga makes it, and not by timing out", async () => {
    const request = createCustomAbortControllerSignal();
    const deadline = startDeadline(60_000, request.signal);
    const second = startDeadline(60_000, request.signal);
    expect([deadline.signal.aborted, deadline.canceled, deadline.timedOut]).toEqual([false, false, false]);
    request.abort(new Error('client gone'));
    expect([deadline.signal.aborted, deadline.canceled, deadline.timedOut, second.signal.aborted]).toEqual([true, true, false, true]);
    expect(deadline.signal.reason).toEqual(new Error('client gone'));
    const gone = startDeadline(60_000, request.signal);
    expect([gone.signal.aborted, gone.canceled]).toEqual([true, true]);
  });

  it('once ended, neither follows the caller nor times out', async () => {
    const request = createCustomAbortControllerSignal();
    const ended = startDeadline(50, request.signal);
    const running = startDeadline(60_000, request.signal);
    ended.end();
    request.abort(new Error('client gone'));
    expect([ended.signal.aborted, running.signal.aborted]).toEqual([false, true]);
    const timed = startDeadline(50);
    await expect.poll(() => timed.signal.aborted).toBe(true);
    expect([ended.signal.aborted, ended.timedOut]).toEqual([false, false]);
  });

  it('times out on its own when the caller stays', async () => {
    const deadline = startDeadline(100, createCustomAbortControllerSignal().signal);
    await expect.poll(() => deadline.signal.aborted).toBe(true);
    expect([deadline.timedOut, deadline.canceled]).toEqual([true, false]);
  });
});

describe('configuration', () => {
  it('reads the resilience variables and SHUTDOWN_TIMEOUT_MS, and names bad ones', () => {
    const config = loadConfig({
      AWX_RETRIES: '0', AWX_BREAKER_FAILURES: '0', AWX_BREAKER_FAILURE_RATE: '80', AWX_BREAKER_WINDOW_MS: '30000', AWX_BREAKER_COOLDOWN_MS: '500',
      AWX_MAX_CONCURRENCY: '4', AWX_MAX_QUEUE: '0', SHUTDOWN_TIMEOUT_MS: '0', OPERATION_TIMEOUT_MS: '4000',
    });
    expect(config.resilience).toEqual({ retries: 0, breakerFailures: 0, breakerFailureRate: 80, breakerWindowMs: 30_000, breakerCooldownMs: 500, maxConcurrency: 4, maxQueue: 0 });
    expect(config.shutdownTimeoutMs).toBe(0);
    expect(config.operationTimeoutMs).toBe(4_000);
    // by default an operation may wait 15 s on AWX in all, or one AWX timeout when that is longer
    expect([loadConfig({}).operationTimeoutMs, loadConfig({ AWX_TIMEOUT_MS: '30000' }).operationTimeoutMs]).toEqual([15_000, 30_000]);
    const bad = () => loadConfig({ AWX_RETRIES: '3', AWX_MAX_CONCURRENCY: '0', AWX_BREAKER_COOLDOWN_MS: 'soon', SHUTDOWN_TIMEOUT_MS: '-1', AWX_BREAKER_FAILURE_RATE: '0', OPERATION_TIMEOUT_MS: '50' });
    expect(bad).toThrow(/AWX_BREAKER_FAILURE_RATE must be an integer from 1 to 100, got "0"/);
    expect(bad).toThrow(/OPERATION_TIMEOUT_MS must be an integer from 100 to 600000, got "50"/);
    expect(bad).toThrow(/AWX_RETRIES must be an integer from 0 to 2, got "3"/);
    expect(bad).toThrow(/AWX_MAX_CONCURRENCY must be an integer from 1 to 1024, got "0"/);
    expect(bad).toThrow(/AWX_BREAKER_COOLDOWN_MS must be an integer from 100 to 600000, got "soon"/);
    expect(bad).toThrow(/SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000, got "-1"/);
  });
});
