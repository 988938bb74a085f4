/** The deadline of one AWX read, joined with the caller's disconnect. */
import type { AbortCause } from './response.js';

/**
 * What a read's waits listen to (the wait for a slot, for the breaker's probe, between retries, and undici's
 * request: src/awx/answerReader.ts): the part of AbortSignal they use. Node's AbortSignal fits it too.
 */
export interface AbortLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * A read's own abort signal: a flag and its few listeners. Node's AbortSignal is an EventTarget, and making
 * one per AWX read, then adding and removing each wait's listener, was a third of what the gateway spends
 * around a call (src/awx/client.ts) besides undici and JSON: 5 to 11 of them for a dashboard page.
 */
export class ReadSignal implements AbortLike {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    // Like an EventTarget: a listener added twice is called once, and none is called after the abort.
    if (!this.aborted && !this.listeners.includes(listener)) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        // As an EventTarget reports a listener's throw: uncaught, and the other listeners still run.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }
}

/** One read's deadline: its signal ends at `timeoutMs` or at the caller's disconnect, whichever comes first. */
export interface Deadline extends AbortCause {
  signal: AbortLike;
  remainingMs: () => number;
  /** The read is over: its timer stops and it stops following the caller's signal. */
  end(): void;
}

/**
 * Starts the deadline that bounds a whole read: the wait for a slot, every attempt and every backoff. Its timer
 * and its link to the caller last only while the read does (`end`): a request reads AWX several times, and
 * signals left joined to it would each be aborted, and each timer kept, long after their reads were answered.
 */
export function startDeadline(timeoutMs: number, caller?: AbortLike): Deadline {
  return new ReadDeadline(timeoutMs, caller);
}

/**
 * A class, not an object literal with getters: a literal's accessors are defined one by one, each read, on V8's
 * slow path (the literal was 0.3% of a one-job query's busy time under load, more than the rest of starting it).
 */
class ReadDeadline implements Deadline {
  readonly signal = new ReadSignal();
  private readonly endsAt: number;
  private expired = false;
  private readonly timer: NodeJS.Timeout;
  private readonly follower: ReadSignal | undefined;
  private readonly onCallerGone = () => this.signal.abort(this.follower!.reason);
  /** A function of its own: the read hands it to its retries apart from the deadline. */
  readonly remainingMs = () => this.endsAt - performance.now();

  constructor(timeoutMs: number, private readonly caller?: AbortLike) {
    this.endsAt = performance.now() + timeoutMs;
    this.timer = setTimeout(() => {
      this.expired = true;
      this.signal.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, timeoutMs);
    this.timer.unref();
    // A read signal of the caller's own (src/http/callerSignal.ts) takes the reads' listeners itself.
    this.follower = caller instanceof ReadSignal ? caller : caller && followerOf(caller);
    if (this.follower?.aborted) this.signal.abort(this.follower.reason);
    else this.follower?.addEventListener('abort', this.onCallerGone);
  }

  get timedOut(): boolean {
    return this.expired;
  }

  // Yoga's request signal (whatwg-node's CustomAbortControllerSignal) can still read `aborted: false` after
  // it fired, so the caller is known to have gone when the signal ended without the timeout.
  get canceled(): boolean {
    return (this.caller?.aborted ?? false) || (this.signal.aborted && !this.expired);
  }

  end(): void {
    clearTimeout(this.timer);
    this.follower?.removeEventListener('abort', this.onCallerGone);
  }
}

/** Each caller's signal and the signal that follows it. */
const followers = new WeakMap<AbortLike, ReadSignal>();

/**
 * The caller's signal as one of the reads' own. Yoga's request signal is whatwg-node's look-alike (a proxy of
 * an EventTarget); one follower per caller signal, so a request adds one listener to it however many AWX reads
 * it makes. The follower has one listener per read in flight: a dashboard may have dozens, which is no leak.
 */
function followerOf(caller: AbortLike): ReadSignal {
  let follower = followers.get(caller);
  if (!follower) {
    const created = new ReadSignal();
    if (caller.aborted) created.abort(caller.reason);
    else caller.addEventListener('abort', () => created.abort(caller.reason), { once: true });
    follower = created;
    followers.set(caller, follower);
  }
  return follower;
}
