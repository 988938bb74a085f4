/**
 * What a request's AWX reads follow to stop when its client has gone. Yoga's `request.signal` is whatwg-node's
 * stand-in: a Proxy around an EventTarget, every property read of which goes through a trap, so adding one
 * listener to it and reading its state was 2% of a one-job query's busy time under load (V8's profile: a read's
 * deadline started in 3.1% of it, 1.1% now). Served over Node's HTTP (Yoga's context then holds the response),
 * the response's own `close` before it finished is the same event, as whatwg-node decides it, and one plain
 * listener on it costs 0.16%. Other servers (Yoga's `fetch`, tests) keep `request.signal`.
 */
import type { ServerResponse } from 'node:http';
import type { YogaInitialContext } from 'graphql-yoga';
import { ReadSignal, type AbortLike } from '../awx/deadline.js';

/** Aborts when `res` closes before its answer was written in full (the client hung up, or its socket failed). */
function closedEarly(res: ServerResponse): AbortLike {
  const signal = new ReadSignal();
  res.once('close', () => {
    if (!res.writableFinished) signal.abort(res.errored ?? new DOMException('This operation was aborted', 'AbortError'));
  });
  return signal;
}

/** The caller's disconnect, for the AWX reads made on its behalf. */
export function callerSignal(context: YogaInitialContext & { res?: Partial<ServerResponse> }): AbortLike {
  const { res } = context;
  return typeof res?.once === 'function' && typeof res.writableFinished === 'boolean' ? closedEarly(res as ServerResponse) : context.request.signal;
}
