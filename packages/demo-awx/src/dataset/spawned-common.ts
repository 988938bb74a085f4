import { SeededRandom } from '../random.js';
import type { JobRun } from './simulate.js';
import { urlOf, userSummaries } from './shape.js';
import { templateSummary } from './summaries.js';

/** What every spawned job type shares: its context, argv, environment and revision helpers. */

/** What a type-specific builder needs to know about the job. */
export interface SpawnContext {
  job: JobRun;
  /** created_by, inherited from the top workflow's launcher. */
  creator: number | null;
  url: string;
  parentId: number;
}

/** Type-specific related links, summaries (before and after source_workflow_job), fields and argv. */
export interface KindParts {
  related: Record<string, string>;
  summary: Record<string, unknown>;
  summaryTail: Record<string, unknown>;
  fields: Record<string, unknown>;
  args: string[];
}

/** A 40-hex git commit id, stable per seed (job or project id). */
export function revisionOf(seed: number): string {
  const rng = new SeededRandom(seed * 7 + 3);
  return Array.from({ length: 40 }, () => rng.int(0, 15).toString(16)).join('');
}

/** The execution environment every demo job runs in. */
export const EE_SUMMARY = { id: 1, name: 'AWX EE (latest)', description: '', image: 'quay.io/ansible/awx-ee:latest' };
const GROUP_SUMMARY = { id: 2, name: 'default', is_container_group: false };

/** Links and summaries every node-run job type repeats. */
export function common(ctx: SpawnContext) {
  const started = ctx.job.started !== null;
  return {
    source: { source_workflow_job: urlOf('workflow_jobs', ctx.parentId) },
    ee: { execution_environment: urlOf('execution_environments', 1) },
    group: started ? { instance_group: GROUP_SUMMARY } : {},
    creator: userSummaries(ctx.creator, null),
    counts: ctx.job.finished === null ? {} : hostCounts(ctx.job),
    // The commit checked out is only known once the job started.
    revision: started ? revisionOf(ctx.job.def.project ?? ctx.job.def.id) : '',
  };
}

function hostCounts(job: JobRun): Record<string, number> {
  return job.status === 'successful' ? { ok: 3, changed: job.id % 3 } : { ok: 2, failures: 1 };
}

/** The project summary on jobs and project updates. */
export function projectSummary(projectId: number): Record<string, unknown> {
  return { ...templateSummary(projectId), status: 'successful', scm_type: 'git', allow_override: false };
}

