import { JOB_PATH, TEMPLATES } from '../dataset/catalog.js';
import { urlOf } from '../dataset/shape.js';
import { historyOf, lastJobSummaries, lastRunState, recentJobs } from '../dataset/template-state.js';
import { UNIFIED_JOB_COLLECTIONS } from '../store.js';
import type { AwxRecord, CollectionName, DemoData } from '../types.js';

/**
 * Keeps templates in step with their jobs: AWX recomputes `status`, `last_job_run`, `last_job_failed`,
 * `summary_fields.last_job` and `recent_jobs` of a unified job template whenever one of its jobs changes.
 * Only those fields are rewritten, so anything else a test put on the template record stays.
 */

const TEMPLATE_COLLECTIONS: readonly CollectionName[] = ['job_templates', 'workflow_job_templates', 'projects',
  'inventory_sources', 'workflow_approval_templates'];

/** Recomputes the last-run state of the templates of these jobs. */
export function refreshTemplates(data: DemoData, jobs: readonly AwxRecord[]): void {
  const ids = new Set(jobs.map((job) => job.unified_job_template).filter((id): id is number => typeof id === 'number'));
  if (ids.size === 0) return;
  const history = historyOf(UNIFIED_JOB_COLLECTIONS.flatMap((name) =>
    data.collections[name].filter((job) => ids.has(job.unified_job_template as number))));
  for (const id of ids) {
    for (const name of TEMPLATE_COLLECTIONS) {
      const template = data.collections[name].find((record) => record.id === id);
      if (template) patch(template, history.get(id) ?? []);
    }
  }
}

function patch(template: AwxRecord, jobs: AwxRecord[]): void {
  const { last, fields } = lastRunState(jobs);
  // Assigning an existing key keeps its place, so the record keeps AWX's field order.
  Object.assign(template, fields);
  if ('last_updated' in template) {
    Object.assign(template, { last_updated: fields.last_job_run, last_update_failed: fields.last_job_failed });
  }
  const summary = (template.summary_fields ??= {}) as Record<string, unknown>;
  const lastSummaries = lastJobSummaries(last);
  for (const key of ['last_job', 'last_update']) {
    if (key in lastSummaries) summary[key] = lastSummaries[key];
    else delete summary[key];
  }
  if ('recent_jobs' in summary) summary.recent_jobs = recentJobs(jobs);
  const related = (template.related ??= {}) as Record<string, unknown>;
  const kind = TEMPLATES.find((def) => def.id === template.id)?.kind;
  if (!last || !kind) return;
  related.last_job = urlOf(JOB_PATH[kind], last.id);
  if ('last_update' in related) related.last_update = related.last_job;
}
