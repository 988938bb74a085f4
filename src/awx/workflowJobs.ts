/** AWX's workflow job endpoints: `GET /api/v2/workflow_jobs/` and `GET /api/v2/workflow_jobs/{id}/`. */
import type { AwxClient } from './client.js';
import { AwxHttpError, AwxResponseError } from './errors.js';
import { fetchKeysetPage, type KeysetResult, type KeysetWindow } from './keysetPage.js';
import type { OrderKey } from './paginate.js';
import type { AwxWorkflowJob } from './types.js';

/** The filters a client may ask for; each maps onto one fixed AWX lookup and nothing else. */
export interface WorkflowJobQuery {
  search?: string;
  statuses?: readonly string[];
  launchTypes?: readonly string[];
  failed?: boolean;
  name?: string;
  nameContains?: string;
  ids?: readonly number[];
  templateIds?: readonly number[];
  createdAfter?: string;
  createdBefore?: string;
  startedAfter?: string;
  startedBefore?: string;
  finishedAfter?: string;
  finishedBefore?: string;
}

/** Fields workflow jobs may be ordered by in AWX. */
export const WORKFLOW_JOB_ORDER_FIELDS = ['id', 'name', 'created', 'modified', 'started', 'finished', 'elapsed', 'status'] as const;

type ListKey = 'statuses' | 'launchTypes' | 'ids' | 'templateIds';
type ScalarKey = Exclude<keyof WorkflowJobQuery, ListKey | 'failed'>;

/** The allowlist: query key → AWX lookup. Lists become comma-joined `__in` values. */
const LIST_LOOKUPS: Record<ListKey, string> = {
  statuses: 'status__in',
  launchTypes: 'launch_type__in',
  ids: 'id__in',
  templateIds: 'workflow_job_template__in',
};
const SCALAR_LOOKUPS: Record<ScalarKey, string> = {
  search: 'search',
  name: 'name',
  nameContains: 'name__icontains',
  createdAfter: 'created__gte',
  createdBefore: 'created__lt',
  startedAfter: 'started__gte',
  startedBefore: 'started__lt',
  finishedAfter: 'finished__gte',
  finishedBefore: 'finished__lt',
};

/** Compiles a query into AWX list parameters, in a fixed order so upstream URLs are predictable. */
export function workflowJobParams(query: WorkflowJobQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, lookup] of Object.entries(SCALAR_LOOKUPS) as [ScalarKey, string][]) {
    const value = query[key];
    if (value !== undefined) params.set(lookup, value);
  }
  for (const [key, lookup] of Object.entries(LIST_LOOKUPS) as [ListKey, string][]) {
    const values = query[key];
    if (values !== undefined) params.set(lookup, values.join(','));
  }
  if (query.failed !== undefined) params.set('failed', String(query.failed));
  return params;
}

/** One workflow job (detail fields included), or null when AWX answers 404: absent or invisible to the caller. */
export async function getWorkflowJob(client: AwxClient, id: number, search?: string): Promise<AwxWorkflowJob | null> {
  const query = search === undefined ? undefined : new URLSearchParams({ search });
  let job: AwxWorkflowJob;
  try {
    job = await client.getJson<AwxWorkflowJob>(['workflow_jobs', id], query);
  } catch (error) {
    if (error instanceof AwxHttpError && error.status === 404) return null;
    throw error;
  }
  if (typeof job.id !== 'number') throw new AwxResponseError('AWX sent a workflow job without an id.');
  return job;
}

/** A keyset page of the filtered, ordered workflow job list (list rows: no detail-only fields). */
export function listWorkflowJobs(
  client: AwxClient,
  query: WorkflowJobQuery,
  order: readonly OrderKey[],
  window: KeysetWindow,
): Promise<KeysetResult<AwxWorkflowJob>> {
  return fetchKeysetPage<AwxWorkflowJob>(client, ['workflow_jobs'], workflowJobParams(query), order, window);
}
