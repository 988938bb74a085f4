/** The deadline of one AWX read, joined with the caller's disconnect. */
import type { AbortCause } from './response.js';

/** One read's deadline: its signal ends at `timeoutMs` or at the caller's disconnect, whichever comes first. */
export interface Deadline extends AbortCause {
  signal: AbortSignal;
  remainingMs: () => number;
}

/** Starts the deadline that bounds a whole read: the wait for a slot, every attempt and every backoff. */
export function startDeadline(timeoutMs: number, caller?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(timeoutMs);
  const endsAt = performance.now() + timeoutMs;
  const signal = caller ? AbortSignal.any([nodeSignal(caller), timeout]) : timeout;
  return {
    signal,
    get timedOut() {
      return timeout.aborted;
    },
    // Yoga's request signal (whatwg-node's CustomAbortControllerSignal) can still read `aborted: false` after
    // it fired, so the caller is known to have gone when the joint signal ended without the timeout.
    get canceled() {
      return (caller?.aborted ?? false) || (signal.aborted && !timeout.aborted);
    },
    remainingMs: () => endsAt - performance.now(),
  };
}

/** Each caller's signal and the Node signal that follows it. */
const followers = new WeakMap<AbortSignal, AbortSignal>();

/**
 * The caller's signal as one of Node's own. Yoga's request signal is whatwg-node's look-alike (a proxy of an
 * EventTarget), which Node 24's `AbortSignal.any` refuses ("signals[0] is not of type AbortSignal"); a Node
 * signal aborted by its 'abort' event is accepted on every Node line. One follower per caller signal, so a
 * request making many AWX reads adds one listener, not one per read.
 */
function nodeSignal(caller: AbortSignal): AbortSignal {
  let follower = followers.get(caller);
  if (!follower) {
    const controller = new AbortController();
    if (caller.aborted) controller.abort(caller.reason);
    else caller.addEventListener('abort', () => controller.abort(caller.reason), { once: true });
    follower = controller.signal;
    followers.set(caller, follower);
  }
  return follower;
}
