/** AWX's workflow job endpoints: `GET /api/v2/workflow_jobs/` and `GET /api/v2/workflow_jobs/{id}/`. */
import { fetchByIds } from './byIds.js';
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
  unifiedJobTemplateIds?: readonly number[];
  labelIds?: readonly number[];
  labelNames?: readonly string[];
  organizationIds?: readonly number[];
  createdByIds?: readonly number[];
  createdByUsernames?: readonly string[];
  scheduleIds?: readonly number[];
  isSlicedJob?: boolean;
  notStatuses?: readonly string[];
  notLaunchTypes?: readonly string[];
  createdAfter?: string;
  createdBefore?: string;
  startedAfter?: string;
  startedBefore?: string;
  finishedAfter?: string;
  finishedBefore?: string;
}

/** Fields workflow jobs may be ordered by in AWX. */
export const WORKFLOW_JOB_ORDER_FIELDS = ['id', 'name', 'created', 'modified', 'started', 'finished', 'elapsed', 'status'] as const;

type ListKey = 'statuses' | 'launchTypes' | 'ids' | 'templateIds' | 'unifiedJobTemplateIds' | 'labelIds' | 'labelNames'
  | 'organizationIds' | 'createdByIds' | 'createdByUsernames' | 'scheduleIds' | 'notStatuses' | 'notLaunchTypes';
type BooleanKey = 'failed' | 'isSlicedJob';
type ScalarKey = Exclude<keyof WorkflowJobQuery, ListKey | BooleanKey>;

/**
 * The allowlist: query key → AWX lookup, each on a field of AWX's WorkflowJob model (awx/main/models/workflow.py,
 * unified_jobs.py). Serializer keys that are not model fields — `limit`, `scm_branch`, `job_tags`, `skip_tags`
 * (launch prompts kept in `char_prompts`) and `launched_by` (a property) — would get AWX's 400, so none is here.
 * Lists become comma-joined `__in` values (DAB's FieldLookupBackend splits them on commas).
 */
const LIST_LOOKUPS: Record<ListKey, string> = {
  statuses: 'status__in',
  launchTypes: 'launch_type__in',
  ids: 'id__in',
  templateIds: 'workflow_job_template__in',
  unifiedJobTemplateIds: 'unified_job_template__in',
  labelIds: 'labels__in',
  labelNames: 'labels__name__in',
  organizationIds: 'organization__in',
  createdByIds: 'created_by__in',
  createdByUsernames: 'created_by__username__in',
  scheduleIds: 'schedule__in',
  notStatuses: 'not__status__in',
  notLaunchTypes: 'not__launch_type__in',
};
const BOOLEAN_LOOKUPS: Record<BooleanKey, string> = { failed: 'failed', isSlicedJob: 'is_sliced_job' };
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
  for (const [key, lookup] of Object.entries(BOOLEAN_LOOKUPS) as [BooleanKey, string][]) {
    const value = query[key];
    if (value !== undefined) params.set(lookup, String(value));
  }
  return params;
}

/**
 * One workflow job (detail fields included), or null when the caller may not see it: AWX answers 404 for a
 * job that does not exist and 403 for one that exists but that the caller may not read (its detail views
 * look among all objects, `GenericAPIView.get_queryset` in awx/api/generics.py, then check access).
 */
export async function getWorkflowJob(client: AwxClient, id: number): Promise<AwxWorkflowJob | null> {
  let job: AwxWorkflowJob;
  try {
    job = await client.getJson<AwxWorkflowJob>(['workflow_jobs', id]);
  } catch (error) {
    if (error instanceof AwxHttpError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
  if (typeof job.id !== 'number') throw new AwxResponseError('AWX sent a workflow job without an id.');
  return job;
}

/**
 * Which of these workflow jobs match the search terms, as list rows by id. AWX searches on its list endpoint
 * only: `search_fields` belongs to `ListAPIView` (awx/api/generics.py), and DRF's SearchFilter leaves a
 * detail URL's answer unfiltered, so `?id__in=…&search=…` is asked instead of the detail.
 */
export function matchWorkflowJobs(client: AwxClient, ids: readonly number[], search: string): Promise<Map<number, AwxWorkflowJob>> {
  return fetchByIds<AwxWorkflowJob>(client, 'workflow_jobs', ids, { search });
}

/**
 * The list rows of these workflow jobs the caller may list, by id: one `?id__in=…&page_size=200` request per 200
 * ids. Rows lack the detail-only fields (job_args, job_env, result_traceback…); a job AWX leaves out of the list
 * may still be readable by id (WorkflowJobAccess lists less than it lets read, e.g. a launcher's bulk job).
 */
export function workflowJobRows(client: AwxClient, ids: readonly number[]): Promise<Map<number, AwxWorkflowJob>> {
  return fetchByIds<AwxWorkflowJob>(client, 'workflow_jobs', ids);
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
