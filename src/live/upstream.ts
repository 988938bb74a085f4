/** Reads one watched job from AWX with its subscribers' credential: on AWX's websocket events, else by polling. */
import type { Logger } from 'pino';
import { AwxClient, type AwxTransport, type UpstreamCall } from '../awx/client.js';
import { AwxError } from '../awx/errors.js';
import { openStatusEvents, type AwxEventSocket, type AwxStatusEvent } from '../awx/websocket.js';
import type { SubscriptionConfig } from './config.js';
import { startPoller, type Poller } from './polling.js';
import { readSnapshot } from './snapshot.js';
import type { Report } from './watcher.js';

/** What reading AWX for a watcher needs. */
export interface UpstreamDeps {
  transport: AwxTransport;
  /** The subscribers' `Authorization` (all of them send exactly this one). */
  authorization?: string;
  config: SubscriptionConfig;
  log: Logger;
  /** Sent to AWX as `x-request-id` with every read of this watch. */
  requestId: string;
  /** Told of each AWX call, for the metrics. */
  onCall?: (call: UpstreamCall) => void;
}

/** A running upstream watch. */
export interface Upstream {
  stop(): void;
}

/** Errors after which reading again cannot help: the credential or the job is gone for this caller. */
const FINAL_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);

/** Whether an AWX status event is about this workflow job or a job it spawned. */
export function concernsJob(event: AwxStatusEvent, jobId: number): boolean {
  return event.unifiedJobId === jobId || event.workflowJobId === jobId;
}

/** Runs `read` on each call but never twice at once: calls during a read make one more read after it. */
export function coalesced(read: () => Promise<boolean>, active: () => boolean): () => Promise<boolean> {
  let running: Promise<boolean> | undefined;
  let again = false;
  const refresh = (): Promise<boolean> => {
    if (running) {
      again = true;
      return running;
    }
    running = read().finally(() => {
      running = undefined;
      if (again && active()) {
        again = false;
        void refresh();
      }
    });
    return running;
  };
  return refresh;
}

/**
 * Listens to AWX's websocket: each event about the job re-reads it, and polling slows to a safety net while
 * it works. When it drops, polling speeds up again and `onLost` is told (to reconnect later).
 */
function listen(jobId: number, deps: UpstreamDeps, refresh: () => Promise<boolean>, poller: Poller, signal: AbortSignal, onLost: () => void): AwxEventSocket {
  const { pollMs, pollMaxMs } = deps.config;
  const socket = openStatusEvents(deps.transport, {
    authorization: deps.authorization,
    requestId: deps.requestId,
    workflowJobId: jobId,
    onEvent: (event) => void (concernsJob(event, jobId) && refresh()),
    onLost: (reason) => {
      deps.log.info({ reason }, 'AWX websocket lost: polling the watched job');
      poller.setRange(pollMs, pollMaxMs);
      onLost();
    },
  });
  socket.ready.then(
    () => {
      deps.log.debug('watching the job through AWX websocket');
      poller.setRange(pollMaxMs, pollMaxMs);
      void refresh(); // covers changes between the first read and the subscription
    },
    (error: Error) => {
      if (!signal.aborted) deps.log.info({ reason: error.message }, 'AWX websocket unavailable: polling the watched job');
    },
  );
  return socket;
}

/** One read of the job, reported; resolves whether it was news. */
function reader(jobId: number, deps: UpstreamDeps, report: Report, signal: AbortSignal): () => Promise<boolean> {
  let reads = 0;
  return async () => {
    // A fresh client per read: nothing read earlier is reused, and stopping cancels the read.
    const client = new AwxClient(deps.transport, { authorization: deps.authorization, signal, requestId: deps.requestId, onCall: deps.onCall });
    const first = reads++ === 0;
    try {
      return report({ snapshot: await readSnapshot(client, jobId) });
    } catch (error) {
      if (signal.aborted) return false;
      const final = !(error instanceof AwxError) || FINAL_CODES.has(error.code);
      if (first || final) return report({ error: error as Error });
      deps.log.warn({ code: error.code }, 'reading a watched job failed; retrying later');
      return false;
    }
  };
}

/**
 * Starts watching: reads the job at once and reports it, then re-reads on each websocket event about the
 * job (with a safety poll every SUBSCRIPTION_POLL_MAX_MS), or, without AWX's websocket, polls with backoff.
 * The first read's failure, and later ones that reading again cannot fix, are reported; transient ones
 * only slow polling down.
 */
export function startUpstream(jobId: number, deps: UpstreamDeps, report: Report): Upstream {
  const abort = new AbortController();
  const refresh = coalesced(reader(jobId, deps, report, abort.signal), () => !abort.signal.aborted);
  let poller: Poller | undefined;
  let socket: AwxEventSocket | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  // A dropped websocket (AWX restarting) is tried again after the longest poll interval; a refused one is not.
  const connect = () => {
    socket = listen(jobId, deps, refresh, poller!, abort.signal, () => {
      if (!abort.signal.aborted) reconnect = setTimeout(connect, deps.config.pollMaxMs);
    });
  };
  void refresh().then(() => {
    if (abort.signal.aborted) return;
    poller = startPoller(refresh, deps.config.pollMs, deps.config.pollMaxMs);
    if (deps.config.websocket === 'auto') connect();
  });
  return {
    stop() {
      abort.abort();
      clearTimeout(reconnect);
      poller?.stop();
      socket?.close();
    },
  };
}
