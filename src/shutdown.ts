/** Graceful stop: refuse new connections, let in-flight requests finish (within a bound), then release the upstream. */
import type { Server } from 'node:http';
import type { Logger } from 'pino';

/** How a stop goes. */
export interface DrainOptions {
  /** Longest wait for in-flight requests (SHUTDOWN_TIMEOUT_MS); then their connections are cut. */
  timeoutMs: number;
  logger: Logger;
  /** Releases what requests used (the AWX pool, the demo upstream); `forced` when requests were cut. */
  release: (forced: boolean) => Promise<unknown>;
  /** Ends long-lived streams (subscriptions over SSE and WebSocket) as the stop begins, so their requests finish. */
  endStreams?: () => unknown;
}

// Keep-alive sockets go idle as their last response ends; close() alone would wait for their keep-alive timeout.
const IDLE_SWEEP_MS = 50;

/**
 * Stops `server` accepting connections at once, waits until every in-flight request has been answered or
 * `timeoutMs` passed (then cuts the remaining connections, which cancels their AWX calls), and releases
 * the upstream. Resolves with whether it had to cut requests.
 */
export async function drainServer(server: Server, options: DrainOptions): Promise<{ forced: boolean }> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.resolve(options.endStreams?.()).catch((error: unknown) => options.logger.warn({ err: error }, 'ending open subscriptions failed'));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), options.timeoutMs)));
  const forced = await Promise.race([closed.then(() => false), expired]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (forced) {
    options.logger.warn({ timeoutMs: options.timeoutMs }, 'shutdown timeout: closing the connections of unfinished requests');
    server.closeAllConnections();
    await closed;
  }
  await options.release(forced);
  return { forced };
}

/**
 * Drains on the first SIGTERM or SIGINT and exits 0; a second signal, or a release that hangs, exits at once.
 * A repeat of the first signal within `repeatWindowMs` is the same request arriving twice (see servesForStandIn).
 */
export function exitGracefullyOnSignals(server: Server, options: DrainOptions & { repeatWindowMs?: number }): void {
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (first) {
      if (signal === first.signal && performance.now() - first.at < (options.repeatWindowMs ?? 0)) return;
      process.exit(1);
    }
    first = { signal, at: performance.now() };
    options.logger.info({ signal, timeoutMs: options.timeoutMs }, 'shutting down: finishing in-flight requests');
    setTimeout(() => process.exit(1), options.timeoutMs + 5_000).unref();
    void drainServer(server, options).then(
      ({ forced }) => {
        options.logger.info({ forced }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
