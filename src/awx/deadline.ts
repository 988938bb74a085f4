/** The deadline of one AWX read, joined with the caller's disconnect. */
import { setMaxListeners } from 'node:events';
import type { AbortCause } from './response.js';

/** One read's deadline: its signal ends at `timeoutMs` or at the caller's disconnect, whichever comes first. */
export interface Deadline extends AbortCause {
  signal: AbortSignal;
  remainingMs: () => number;
  /** The read is over: its timer stops and it stops following the caller's signal. */
  end(): void;
}

/**
 * Starts the deadline that bounds a whole read: the wait for a slot, every attempt and every backoff. Its timer
 * and its link to the caller last only while the read does (`end`): a request reads AWX several times, and
 * signals left joined to it would each be aborted, and each timer kept, long after their reads were answered.
 */
export function startDeadline(timeoutMs: number, caller?: AbortSignal): Deadline {
  const controller = new AbortController();
  const endsAt = performance.now() + timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  timer.unref();
  const follower = caller && nodeSignal(caller);
  const onCallerGone = () => controller.abort(follower!.reason);
  if (follower?.aborted) controller.abort(follower.reason);
  else follower?.addEventListener('abort', onCallerGone, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    // Yoga's request signal (whatwg-node's CustomAbortControllerSignal) can still read `aborted: false` after
    // it fired, so the caller is known to have gone when the signal ended without the timeout.
    get canceled() {
      return (caller?.aborted ?? false) || (controller.signal.aborted && !timedOut);
    },
    remainingMs: () => endsAt - performance.now(),
    end() {
      clearTimeout(timer);
      follower?.removeEventListener('abort', onCallerGone);
    },
  };
}

/** Each caller's signal and the Node signal that follows it. */
const followers = new WeakMap<AbortSignal, AbortSignal>();

/**
 * The caller's signal as one of Node's own. Yoga's request signal is whatwg-node's look-alike (a proxy of an
 * EventTarget); one follower per caller signal, so a request adds one listener to it however many AWX reads it
 * makes. The follower has one listener per read in flight: a dashboard may have dozens, which is no leak.
 */
function nodeSignal(caller: AbortSignal): AbortSignal {
  let follower = followers.get(caller);
  if (!follower) {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    if (caller.aborted) controller.abort(caller.reason);
    else caller.addEventListener('abort', () => controller.abort(caller.reason), { once: true });
    follower = controller.signal;
    followers.set(caller, follower);
  }
  return follower;
}
