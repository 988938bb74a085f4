import type { WorkflowRun } from '../dataset/simulate.js';
import { UNIFIED_JOB_COLLECTIONS } from '../store.js';
import { SECOND, isoFromMicros, microsFromIso, type Micros } from '../time.js';
import type { AwxRecord, DemoData } from '../types.js';
import { newRun, type NewRunSpec, type StepContext } from './new-run.js';
import { findRecord, maxId, parentJobId, removeWorkflowJob, unifiedJob } from './records.js';
import { runOf, storeRun } from './runs.js';
import { copyWorkflowJob } from './copy-job.js';
import { cancelRun } from './endings.js';
import { syncParents, TERMINAL } from './run-state.js';
import { stepWorkflow, type Outcome } from './steps.js';
import { refreshTemplates } from './template-refresh.js';

/** Receives the ids of unified jobs whose status changed, in order, after each operation. */
export type StatusListener = (jobIds: readonly number[]) => void;

/**
 * The demo AWX as a moving system: jobs are launched, move, are canceled and deleted. One engine per
 * DemoData (see engineOf), so servers sharing data share its clock, id sequences and status listeners.
 * The clock continues the dataset's: it starts at `data.clock` and follows real time, at least one
 * second per operation so every change gets its own instant.
 */
export class JobEngine {
  private lastJobId = 0;
  private lastNodeId = 0;
  private lastNow: Micros;
  private readonly startedAt = Date.now();
  private readonly startClock: Micros;
  private readonly listeners = new Set<StatusListener>();

  constructor(readonly data: DemoData) {
    this.startClock = microsFromIso(data.clock) ?? Date.now() * 1000;
    this.lastNow = this.startClock;
  }

  /** Calls `listener` after every operation that changed statuses; returns the unsubscribe function. */
  onStatusChanged(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Moves a workflow job one step (see steps.ts) and returns its status; undefined when there is no such job. */
  advance(id: number, outcome: Outcome = 'successful'): string | undefined {
    return this.operate((ctx) => this.step(ctx, id, outcome));
  }

  /**
   * Moves every unfinished workflow job one step, at one instant (motion's tick). Nested jobs move with
   * their parent; jobs the engine cannot read back (records put by hand, templates not in the catalog) stay.
   */
  advanceAll(): void {
    this.operate((ctx) => {
      for (const record of [...this.data.collections.workflow_jobs]) {
        if (TERMINAL.has(String(record.status)) || this.movesWithParent(record)) continue;
        try {
          this.step(ctx, record.id, 'successful');
        } catch {
          // Not a job of the demo catalog: it keeps its status.
        }
      }
    });
  }

  private step(ctx: StepContext, id: number, outcome: Outcome): string | undefined {
    const run = runOf(this.data, id);
    if (!run) return undefined;
    stepWorkflow(ctx, run, outcome);
    syncParents(run);
    return this.store(run, ctx).plan.status;
  }

  private movesWithParent(record: AwxRecord): boolean {
    const parentId = parentJobId(record);
    const parent = parentId === null ? undefined : findRecord(this.data, 'workflow_jobs', parentId);
    return parent !== undefined && !TERMINAL.has(String(parent.status));
  }

  /** Cancels an active workflow job and the jobs it runs. */
  cancel(id: number): void {
    this.operate((ctx) => {
      const run = runOf(this.data, id);
      if (!run) return;
      cancelRun(ctx, run);
      syncParents(run);
      this.store(run, ctx);
    });
  }

  /** Creates a new pending workflow job and returns its detail record. */
  create(spec: Omit<NewRunSpec, 'parent'>): AwxRecord {
    return this.operate((ctx) => {
      const run = this.store(newRun(ctx, { ...spec, parent: null }), ctx);
      return findRecord(this.data, 'workflow_jobs', run.plan.id)!;
    });
  }

  /** Relaunches a workflow job the engine cannot model (a bulk job) by copying its records; see copy-job.ts. */
  copy(id: number, creator: number): AwxRecord {
    return this.operate((ctx) => copyWorkflowJob(this.data, ctx, findRecord(this.data, 'workflow_jobs', id)!, creator));
  }

  /** Deletes a workflow job and its nodes; the node that ran it (in a parent workflow) forgets it. */
  remove(id: number): void {
    this.operate((ctx) => {
      const record = findRecord(this.data, 'workflow_jobs', id);
      if (!record) return;
      const parentId = parentJobId(record);
      removeWorkflowJob(this.data, id);
      const parent = parentId === null ? undefined : runOf(this.data, parentId);
      if (parent) storeRun(this.data, parent, ctx.now);
      refreshTemplates(this.data, [record]);
    });
  }

  /** The run of a workflow job (read from the stored records). */
  runOf(id: number): WorkflowRun | undefined {
    return runOf(this.data, id);
  }

  private store(run: WorkflowRun, ctx: StepContext): WorkflowRun {
    storeRun(this.data, run, ctx.now);
    return run;
  }

  private operate<T>(work: (ctx: StepContext) => T): T {
    const ctx: StepContext = {
      now: this.tick(), changed: [],
      nextJobId: () => (this.lastJobId = Math.max(this.lastJobId, maxId(this.data, UNIFIED_JOB_COLLECTIONS)) + 1),
      nextNodeId: () => (this.lastNodeId = Math.max(this.lastNodeId, maxId(this.data, ['workflow_job_nodes'])) + 1),
    };
    const result = work(ctx);
    if (ctx.changed.length === 0) return result;
    refreshTemplates(this.data, ctx.changed.map((id) => unifiedJob(this.data, id)).filter((job) => job !== undefined));
    for (const listener of this.listeners) listener(ctx.changed);
    return result;
  }

  private tick(): Micros {
    const real = this.startClock + (Date.now() - this.startedAt) * 1000;
    this.lastNow = Math.max(real, this.lastNow + SECOND);
    this.data.clock = isoFromMicros(this.lastNow);
    return this.lastNow;
  }
}

const ENGINES = new WeakMap<DemoData, JobEngine>();

/** The job engine of this dataset (created on first use). */
export function engineOf(data: DemoData): JobEngine {
  let engine = ENGINES.get(data);
  if (!engine) ENGINES.set(data, (engine = new JobEngine(data)));
  return engine;
}
