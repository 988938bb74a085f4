import type { AwxRecord, Caller, DemoData } from '../types.js';
import { forbidden, notFound } from './errors.js';
import { catalogFields } from './fields.js';
import { compileFilters } from './filters.js';
import { compileOrdering } from './ordering.js';
import { paginate } from './pagination.js';
import { present } from './present.js';
import { UNIFIED_JOB_TYPES, detailOnlyFields, type ResourceSpec } from './resources.js';
import { Access } from './roles.js';
import { canSee, rowsOf, type ReadCheck } from './visibility.js';

/** The generic list and detail pipeline: visibility, type/field/search filters, ordering, pagination. */

/** Who asks, and for which URL (raw path and query, as links are built from them). */
export interface QueryRequest {
  data: DemoData;
  caller: Caller;
  pathname: string;
  rawQuery: string;
}

/**
 * The records a sub-list holds. AWX intersects them with what the caller may read of the child model,
 * unless the view sets `filter_read_permission = False` (`parentAccessOnly`): then reading the parent
 * is enough (SubListAPIView.get_queryset in awx/api/generics.py).
 */
export type RecordScope = ((record: AwxRecord) => boolean) & { parentAccessOnly?: boolean };

/** List views that refuse everybody but superusers and system auditors, before any filter (awx/api/views). */
const SUPERUSER_LISTS = new Set(['system_jobs', 'system_job_templates']);

/** Visible records of a resource passing the request's filters, in the requested order. */
function select(
  access: Access, request: QueryRequest, spec: ResourceSpec, scope?: RecordScope, check: ReadCheck | 'unchecked' = 'list',
): AwxRecord[] {
  const { data } = request;
  const rows = rowsOf(data, spec.sources);
  const catalog = catalogFields(spec, data, rows.map((row) => row.record));
  const query = new URLSearchParams(request.rawQuery);
  // Compile first: a bad filter is a 400 (or 403) whatever the caller may see.
  const matches = compileFilters(catalog, query, check === 'list' ? 'list' : 'detail');
  const order = compileOrdering(catalog, query);
  const readable = (row: (typeof rows)[number]) => check === 'unchecked' || scope?.parentAccessOnly === true || canSee(access, row, check, spec.name);
  return order(
    rows
      .filter((row) => (!scope || scope(row.record)) && readable(row) && matches(row.record))
      .map((row) => row.record),
  );
}

/** A paginated list response, each row as its list serializer shows it to the caller. */
export function listResponse(request: QueryRequest, spec: ResourceSpec, scope?: RecordScope): Record<string, unknown> {
  const { account } = request.caller;
  // SystemJobList.get and SystemJobTemplateList.get (sub-lists always come with a scope).
  if (!scope && SUPERUSER_LISTS.has(spec.name) && !account.isSuperuser && !account.isSystemAuditor) {
    throw forbidden('Superuser privileges needed.');
  }
  const access = new Access(request.data, request.caller);
  const page = paginate(select(access, request, spec, scope), request.pathname, request.rawQuery);
  return { ...page, results: (page.results as AwxRecord[]).map((record) => listView(present(access, record))) };
}

/**
 * A detail response: the full record when it exists and matches the filters (DRF's get_object filters too),
 * else 404; an existing record the caller may not read is 403. AWX's detail views look among all objects
 * (`GenericAPIView.get_queryset` in awx/api/generics.py) and then check the object's access, rather than
 * looking among what the caller may see as its lists do.
 */
export function detailResponse(request: QueryRequest, spec: ResourceSpec, id: number): AwxRecord {
  const access = new Access(request.data, request.caller);
  const found = select(access, request, spec, (record) => record.id === id, 'unchecked')[0];
  if (!found) throw notFound();
  if (!canSee(access, rowOf(request, spec, id)!, 'object', spec.name)) throw forbidden();
  return present(access, found);
}

/**
 * The stored record of a parent resource for a sub-list or an action, ignoring the query's filters: 404 when
 * absent, 403 when the caller may not read it (`ParentMixin.get_parent_object` and `check_parent_access`,
 * awx/api/generics.py; detail actions go through get_object the same way).
 */
export function parentRecord(request: QueryRequest, spec: ResourceSpec, id: number): AwxRecord {
  const row = rowOf(request, spec, id);
  if (!row) throw notFound();
  if (!canSee(new Access(request.data, request.caller), row, 'object', spec.name)) throw forbidden();
  return row.record;
}

function rowOf(request: QueryRequest, spec: ResourceSpec, id: number) {
  return rowsOf(request.data, spec.sources).find((candidate) => candidate.record.id === id);
}

/** The list-serializer shape: unified jobs drop job_args, job_cwd, job_env, result_traceback, ancestor_job. */
export function listView(record: AwxRecord): AwxRecord {
  if (!UNIFIED_JOB_TYPES.has(record.type)) return record;
  const detailOnly = detailOnlyFields(record.type);
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (detailOnly.has(key)) continue;
    row[key] = key === 'summary_fields' ? withoutAncestor(value) : value;
  }
  return row as AwxRecord;
}

function withoutAncestor(summary: unknown): unknown {
  if (summary === null || typeof summary !== 'object' || !('ancestor_job' in summary)) return summary;
  const { ancestor_job: _detailOnly, ...rest } = summary as Record<string, unknown>;
  return rest;
}
