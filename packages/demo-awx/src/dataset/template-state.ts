import type { AwxRecord } from '../types.js';

/** What a template says about its jobs: last run, current status, recent jobs (UnifiedJobTemplate fields). */

/** The unified jobs of each template id, oldest first. */
export type TemplateHistory = Map<number, AwxRecord[]>;

/** Groups unified job records by `unified_job_template`. */
export function historyOf(jobs: readonly AwxRecord[]): TemplateHistory {
  const history: TemplateHistory = new Map();
  for (const job of [...jobs].sort((a, b) => a.id - b.id)) {
    const key = job.unified_job_template;
    if (typeof key !== 'number') continue;
    history.set(key, [...(history.get(key) ?? []), job]);
  }
  return history;
}

/** `last_job_run`, `last_job_failed`, `status` plus the last finished job, as UnifiedJobTemplate computes them. */
export function lastRunState(jobs: readonly AwxRecord[] = []) {
  const finished = jobs.filter((job) => job.finished !== null);
  const last = finished.sort((a, b) => String(a.finished).localeCompare(String(b.finished))).at(-1);
  const current = jobs.at(-1);
  const active = current && ['new', 'pending', 'waiting', 'running'].includes(String(current.status));
  const status = active ? current.status : last ? (last.failed ? 'failed' : 'successful') : 'never updated';
  return {
    last,
    fields: { last_job_run: last?.finished ?? null, last_job_failed: last?.failed === true, status },
  };
}

/** `summary_fields.last_job` and `last_update` of a template, when it has a finished job. */
export function lastJobSummaries(last: AwxRecord | undefined): Record<string, unknown> {
  if (!last) return {};
  const base = { id: last.id, name: last.name, description: last.description };
  return {
    last_job: { ...base, finished: last.finished, status: last.status, failed: last.failed },
    last_update: { ...base, status: last.status, failed: last.failed },
  };
}

/** `summary_fields.recent_jobs`: the 10 newest jobs, newest first. */
export function recentJobs(jobs: readonly AwxRecord[] = []): Record<string, unknown>[] {
  return [...jobs]
    .reverse()
    .slice(0, 10)
    .map((job) => ({ id: job.id, status: job.status, finished: job.finished, canceled_on: job.canceled_on, type: job.type }));
}

/** `next_job_run` sits between `last_job_failed` and `status` in AWX's field order. */
export function reorderStatus(rec: AwxRecord): AwxRecord {
  const { next_job_run, status, ...rest } = rec;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = value;
    if (key === 'last_job_failed') Object.assign(out, { next_job_run, status });
  }
  return out as AwxRecord;
}
