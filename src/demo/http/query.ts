import type { AwxRecord, Caller, DemoData } from '../types.js';
import { notFound } from './errors.js';
import { catalogFields } from './fields.js';
import { compileFilters } from './filters.js';
import { compileOrdering } from './ordering.js';
import { paginate } from './pagination.js';
import { UNIFIED_JOB_TYPES, detailOnlyFields, type ResourceSpec } from './resources.js';
import { canSee, rowsOf } from './visibility.js';

/** The generic list and detail pipeline: visibility, type/field/search filters, ordering, pagination. */

/** Who asks, and for which URL (raw path and query, as links are built from them). */
export interface QueryRequest {
  data: DemoData;
  caller: Caller;
  pathname: string;
  rawQuery: string;
}

/** Visible records of a resource passing the request's filters, in the requested order. */
function select(request: QueryRequest, spec: ResourceSpec, scope?: (record: AwxRecord) => boolean, view: 'list' | 'detail' = 'list'): AwxRecord[] {
  const { data, caller } = request;
  const rows = rowsOf(data, spec.sources);
  const catalog = catalogFields(spec, data, rows.map((row) => row.record));
  const query = new URLSearchParams(request.rawQuery);
  // Compile first: a bad filter is a 400 (or 403) whatever the caller may see.
  const matches = compileFilters(catalog, query, view);
  const order = compileOrdering(catalog, query);
  return order(
    rows
      .filter((row) => (!scope || scope(row.record)) && canSee(data, caller, row) && matches(row.record))
      .map((row) => row.record),
  );
}

/** A paginated list response; unified-job rows lose their detail-only fields. */
export function listResponse(
  request: QueryRequest, spec: ResourceSpec, scope?: (record: AwxRecord) => boolean,
): Record<string, unknown> {
  const page = paginate(select(request, spec, scope), request.pathname, request.rawQuery);
  return { ...page, results: (page.results as AwxRecord[]).map(listView) };
}

/** A detail response: the full record, if visible and matching the filters (DRF's get_object filters too). */
export function detailResponse(request: QueryRequest, spec: ResourceSpec, id: number): AwxRecord {
  const found = select(request, spec, (record) => record.id === id, 'detail')[0];
  if (!found) throw notFound();
  return found;
}

/** The record of a parent resource for a sub-list, ignoring the query's filters; 404 when invisible. */
export function parentRecord(request: QueryRequest, spec: ResourceSpec, id: number): AwxRecord {
  const row = rowsOf(request.data, spec.sources).find((candidate) => candidate.record.id === id);
  if (!row || !canSee(request.data, request.caller, row)) throw notFound();
  return row.record;
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
