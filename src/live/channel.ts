/**
 * Everything a gateway reads from AWX for the jobs one credential watches: one AWX websocket whose events go
 * to the jobs they concern, polls gathered into rounds, and every read of a turn of the event loop made as one
 * round of batched list calls (see round.ts). It closes when its last job leaves.
 */
import { newRequestId } from '../observability/requestScope.js';
import { AwxClient } from '../awx/client.js';
import type { AwxStatusEvent } from '../awx/websocket.js';
import { ChannelSocket } from './channelSocket.js';
import { PollRounds } from './polling.js';
import { readRound, type RoundItem, type RoundOutcome } from './round.js';
import type { ChannelDeps, Upstream } from './types.js';
import type { Report } from './watcher.js';
import { WatchedJob, type WatchMeta } from './watchedJob.js';

/** One credential's reads of AWX. */
export class CredentialChannel {
  /** Sent as `x-request-id` with the websocket handshake and the round's list calls (each job's detail read sends its watch's). */
  readonly requestId = newRequestId('watch-');
  private readonly jobs = new Map<number, Set<WatchedJob>>();
  private readonly rounds = new PollRounds<WatchedJob>((due) => due.forEach((job) => this.poll(job)));
  private readonly socket: ChannelSocket;
  private readonly abort = new AbortController();
  private queued: { job: WatchedJob; item: RoundItem; resolve: (outcome: RoundOutcome) => void }[] = [];
  private readonly deps: ChannelDeps;

  constructor(deps: ChannelDeps, private readonly onClose: () => void) {
    this.deps = { ...deps, log: deps.log.child({ requestId: this.requestId }) };
    this.socket = new ChannelSocket(this.deps, this.requestId, {
      onEvent: (event) => this.dispatch(event),
      onReady: () => this.everyJob((job) => this.pace(job, deps.config.pollMaxMs, true)),
      onLost: () => this.everyJob((job) => this.pace(job, deps.config.pollMs, false)),
    });
  }

  /** Whether this channel holds an AWX websocket (open or opening). */
  get socketOpen(): boolean {
    return this.socket.open;
  }

  /** Starts reading a job for its watcher: at once, then on each event about it, or by polling. */
  watch(jobId: number, report: Report, meta: WatchMeta): Upstream {
    const job: WatchedJob = new WatchedJob(jobId, meta, this.deps, report, (item) => this.enqueue(job, item));
    const held = this.jobs.get(jobId) ?? new Set();
    this.jobs.set(jobId, held.add(job));
    void job.request('read').then(() => {
      if (job.stopped || job.polling) return;
      job.polling = true;
      const { pollMs, pollMaxMs } = this.deps.config;
      if (this.socket.ready) job.setRange(pollMaxMs, pollMaxMs);
      else job.setRange(pollMs, pollMaxMs);
      this.rounds.schedule(job, job.interval);
      this.socket.want();
    });
    return { stop: () => this.unwatch(job) };
  }

  private unwatch(job: WatchedJob): void {
    job.stop();
    this.rounds.cancel(job);
    const held = this.jobs.get(job.jobId);
    held?.delete(job);
    if (held?.size === 0) this.jobs.delete(job.jobId);
    if (this.jobs.size > 0) return;
    this.rounds.stop();
    this.socket.close();
    this.abort.abort();
    this.onClose();
  }

  /** Each event re-reads the jobs it concerns: a workflow job's own, and its spawned jobs' (`workflow_job_id`). */
  private dispatch(event: AwxStatusEvent): void {
    for (const id of [event.unifiedJobId, event.workflowJobId]) {
      if (id === undefined) continue;
      for (const job of this.jobs.get(id) ?? []) void job.request('read');
    }
  }

  /**
   * A new polling pace for a job: a safety poll while the websocket works, backoff from `pollMs` without. Once
   * the socket is ready, a check covers changes made before AWX confirmed the subscription (a job still in its
   * first read gets it after that read).
   */
  private pace(job: WatchedJob, minMs: number, viaSocket: boolean): void {
    if (!job.polling) {
      if (viaSocket) void job.request('check');
      return;
    }
    job.setRange(minMs, this.deps.config.pollMaxMs);
    if (viaSocket) this.poll(job);
    else if (this.rounds.has(job)) this.rounds.schedule(job, job.interval);
  }

  private poll(job: WatchedJob): void {
    const started = Date.now();
    this.rounds.cancel(job);
    void job.request('check').then((changed) => {
      if (!job.stopped && job.polling) this.rounds.schedule(job, job.backOff(changed), started);
    });
  }

  private everyJob(action: (job: WatchedJob) => void): void {
    for (const held of this.jobs.values()) for (const job of held) action(job);
  }

  /** Adds a read to the round that starts once this turn of the event loop is over. */
  private enqueue(job: WatchedJob, item: RoundItem): Promise<RoundOutcome> {
    return new Promise((resolve) => {
      if (this.queued.push({ job, item, resolve }) === 1) setImmediate(() => void this.runRound());
    });
  }

  /** Reads the queued jobs still watched, as one round; a job that left meanwhile is told nothing changed. */
  private async runRound(): Promise<void> {
    const queued = this.queued.filter(({ job }) => !job.stopped);
    for (const left of this.queued) if (left.job.stopped) left.resolve({ unchanged: true });
    this.queued = [];
    if (queued.length === 0) return;
    const { transport, authorization, onCall } = this.deps;
    const client = new AwxClient(transport, { authorization, signal: this.abort.signal, requestId: this.requestId, onCall });
    let outcomes: RoundOutcome[];
    try {
      outcomes = await readRound(client, queued.map(({ item }) => item));
    } catch (error) {
      outcomes = queued.map(() => ({ error: error as Error }));
    }
    queued.forEach(({ resolve }, i) => resolve(outcomes[i]!));
  }
}
