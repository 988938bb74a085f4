/** One job a credential's channel reads for its watcher: what was last read, its polling pace, and its reads in turn. */
import type { Logger } from 'pino';
import { AwxClient } from '../awx/client.js';
import { AwxError } from '../awx/errors.js';
import { nextInterval } from './polling.js';
import type { ReadKind, RoundItem, RoundOutcome } from './round.js';
import { changeKey } from './snapshot.js';
import type { ChannelDeps } from './types.js';
import type { Report } from './watcher.js';

/** Errors after which reading again cannot help: the credential or the job is gone for this caller. */
const FINAL_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);

/** Joins the next round of the channel, resolving with this job's outcome. */
export type Enqueue = (item: RoundItem) => Promise<RoundOutcome>;

/** Who the job is read for: the watch's request id (sent to AWX as `x-request-id`) and logger. */
export interface WatchMeta {
  requestId: string;
  log: Logger;
}

/**
 * A watched job: reads never overlap (one asked for while another runs makes one more after it, the
 * stronger kind of the two), each outcome is reported to the watcher, and the poll interval backs off.
 */
export class WatchedJob {
  /** Set once the first read succeeded: the job then polls (and its channel listens to AWX's websocket). */
  polling = false;
  private lastKey?: string;
  private reads = 0;
  private range: { minMs: number; maxMs: number };
  private intervalMs: number;
  private running?: Promise<boolean>;
  private again?: ReadKind;
  private readonly abort = new AbortController();

  constructor(
    readonly jobId: number,
    private readonly meta: WatchMeta,
    private readonly deps: ChannelDeps,
    private readonly report: Report,
    private readonly enqueue: Enqueue,
  ) {
    this.range = { minMs: deps.config.pollMs, maxMs: deps.config.pollMaxMs };
    this.intervalMs = this.range.minMs;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** How long until the next poll. */
  get interval(): number {
    return this.intervalMs;
  }

  /** Reads the job in the next round; resolves whether that was news. */
  request(kind: ReadKind): Promise<boolean> {
    if (this.running) {
      this.again = this.again === 'read' || kind === 'read' ? 'read' : 'check';
      return this.running;
    }
    this.running = this.readOnce(kind).finally(() => {
      this.running = undefined;
      const again = this.again;
      this.again = undefined;
      if (again && !this.stopped) void this.request(again);
    });
    return this.running;
  }

  /** Polls every `minMs` from now on, doubling while nothing changes, up to `maxMs`. */
  setRange(minMs: number, maxMs: number): void {
    this.range = { minMs, maxMs };
    this.intervalMs = minMs;
  }

  /** The interval after a poll that did (or did not) see a change. */
  backOff(changed: boolean): number {
    this.intervalMs = nextInterval(this.intervalMs, changed, this.range.minMs, this.range.maxMs);
    return this.intervalMs;
  }

  stop(): void {
    this.abort.abort();
  }

  private async readOnce(kind: ReadKind): Promise<boolean> {
    // A fresh client per read: nothing read earlier is reused, and stopping cancels the read.
    const { transport, authorization, onCall } = this.deps;
    const client = new AwxClient(transport, { authorization, signal: this.abort.signal, requestId: this.meta.requestId, onCall });
    const outcome = await this.enqueue({ jobId: this.jobId, kind, lastKey: this.lastKey, client });
    return this.settle(outcome);
  }

  /** Reports a new reading or an error that ends the watch; resolves whether it was news. */
  private settle(outcome: RoundOutcome): boolean {
    if (this.stopped || 'unchanged' in outcome) return false;
    const first = this.reads++ === 0;
    if ('snapshot' in outcome) {
      this.lastKey = changeKey(outcome.snapshot);
      return this.report(outcome);
    }
    const { error } = outcome;
    const final = !(error instanceof AwxError) || FINAL_CODES.has(error.code);
    if (first || final) return this.report({ error });
    this.meta.log.warn({ code: error.code }, 'reading a watched job failed; retrying later');
    return false;
  }
}
