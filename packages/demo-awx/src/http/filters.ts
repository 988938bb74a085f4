import type { AwxRecord } from '../types.js';
import { noSuchField, resolveField, type FieldCatalog } from './fields.js';
import { LOOKUPS, compileLookup } from './lookups.js';
import { searchTermsOf } from './search.js';

/** The filter backends AWX runs on every list (and detail) view: type, field lookups, search. */

type Predicate = (record: AwxRecord) => boolean;

/** Query parameters the field-lookup filter ignores (ANSIBLE_BASE_REST_FILTERS_RESERVED_NAMES). */
export const RESERVED_PARAMS = new Set(['page', 'page_size', 'format', 'order', 'order_by', 'search', 'type',
  'host_filter', 'count_disabled', 'no_truncate', 'limit', 'validate']);

/**
 * Compiles every filter of the query string into one predicate; errors surface before any row is read.
 * `search` is applied on lists only: a detail view has no `search_fields` (they belong to `ListAPIView`
 * in awx/api/generics.py) and DRF's SearchFilter returns its queryset unchanged, while field lookups
 * still apply there (DRF's get_object() runs filter_queryset()).
 */
export function compileFilters(catalog: FieldCatalog, query: URLSearchParams, view: 'list' | 'detail' = 'list'): Predicate {
  const all: Predicate[] = [typeFilter(query), ...(view === 'list' ? searchFilter(catalog, query) : [])];
  const anyOf: Predicate[] = [];
  for (const [key, raw] of query) {
    if (RESERVED_PARAMS.has(key)) continue;
    const { path, negate, or } = stripPrefixes(key);
    const test = compileKey(catalog, path, raw);
    const predicate: Predicate = negate ? (record) => !test(record) : test;
    (or ? anyOf : all).push(predicate);
  }
  // All `or__` filters form one OR group, ANDed with everything else.
  return (record) => all.every((p) => p(record)) && (anyOf.length === 0 || anyOf.some((p) => p(record)));
}

/**
 * The prefixes FieldLookupBackend.filter_queryset reads (DAB rest_filters/rest_framework/field_lookup_backend.py):
 * at most one of `chain__` / `or__`, then optionally `not__`, in that order. Any other order leaves a
 * prefix in the field path, which then fails as an unknown field (e.g. `not__or__status` → no field "or").
 */
function stripPrefixes(key: string): { path: string; negate: boolean; or: boolean } {
  let path = key;
  let or = false;
  if (path.startsWith('chain__')) path = path.slice('chain__'.length);
  else if (path.startsWith('or__')) {
    path = path.slice('or__'.length);
    or = true;
  }
  const negate = path.startsWith('not__');
  if (negate) path = path.slice('not__'.length);
  return { path, negate, or };
}

function compileKey(catalog: FieldCatalog, path: string, raw: string): Predicate {
  const parts = path.split('__');
  const last = parts[parts.length - 1]!;
  const hasLookup = parts.length > 1 && LOOKUPS.has(last);
  const lookup = hasLookup ? last : 'exact';
  const fieldParts = hasLookup ? parts.slice(0, -1) : parts;
  const field = resolveField(catalog, fieldParts, noSuchField(catalog));
  const test = compileLookup(field.kind, fieldParts[fieldParts.length - 1] ?? path, lookup, raw);
  return (record) => test(field.read(record));
}

/** `type=a,b` keeps rows whose `type` is listed (TypeFilterBackend; the last `type` parameter wins). */
function typeFilter(query: URLSearchParams): Predicate {
  const raw = query.getAll('type').at(-1);
  if (!raw) return () => true;
  const types = new Set(raw.split(','));
  return (record) => types.has(record.type);
}

/** `search=`: terms (search.ts) ANDed; each term icontains over the view's search fields, ORed. */
function searchFilter(catalog: FieldCatalog, query: URLSearchParams): Predicate[] {
  const terms = searchTermsOf(query).map((t) => t.toLowerCase());
  if (terms.length === 0) return [];
  const paths = (catalog.spec.searchPaths ?? defaultSearchPaths(catalog)).map((path) => path.split('.'));
  const texts = (record: AwxRecord): string[] =>
    paths.map((path) => searchText(readPath(record, path)))
      .filter((v): v is string => v !== null)
      .map((v) => v.toLowerCase());
  return [(record) => {
    const haystack = texts(record);
    return terms.every((term) => haystack.some((text) => text.includes(term)));
  }];
}

/** AWX's get_search_fields: whichever of these the model has. */
function defaultSearchPaths(catalog: FieldCatalog): string[] {
  return ['username', 'first_name', 'last_name', 'email', 'name', 'description'].filter((f) => catalog.kind(f) !== undefined);
}

/** A searched value as text: AWX stores JSON blobs such as activity `changes` as text and searches that. */
function searchText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : null;
}

function readPath(record: AwxRecord, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
