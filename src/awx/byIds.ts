/** Reads many objects of one collection at once with AWX's `id__in` filter. */
import type { AwxClient } from './client.js';
import { AwxHttpError, AwxResponseError } from './errors.js';
import { MAX_PAGE_SIZE } from './paginate.js';
import type { AwxFamilyList, AwxResource } from './resources.js';
import type { AwxPage } from './types.js';

/** Any AWX object: an id plus whatever its serializer sends. */
export interface AwxRecord {
  id: number;
  type?: string;
  [key: string]: unknown;
}

/**
 * The objects with these ids that the caller may see (and that pass `filters`, e.g. `search`), by id. One
 * request per 200 ids (AWX's page cap), sent in parallel; ids AWX leaves out (absent, invisible or
 * filtered out) are simply missing from the map.
 */
export async function fetchByIds<T extends AwxRecord>(
  client: AwxClient,
  resource: AwxResource | AwxFamilyList,
  ids: readonly number[],
  filters?: Readonly<Record<string, string>>,
): Promise<Map<number, T>> {
  const unique = [...new Set(ids)];
  const chunks: number[][] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE) chunks.push(unique.slice(i, i + MAX_PAGE_SIZE));
  const pages = await Promise.all(
    chunks.map((chunk) =>
      client.getJson<AwxPage<T>>([resource], new URLSearchParams({ ...filters, id__in: chunk.join(','), page_size: String(MAX_PAGE_SIZE) }))
        .catch((error: unknown) => seesNone<T>(resource, error)),
    ),
  );
  const found = new Map<number, T>();
  for (const page of pages) {
    if (!Array.isArray(page.results)) throw new AwxResponseError(`AWX sent a ${resource} list without results.`);
    for (const record of page.results) {
      if (record && typeof record.id === 'number') found.set(record.id, record);
    }
  }
  return found;
}

/**
 * Lists AWX refuses with 403 "Superuser privileges needed." to anyone but superusers and system auditors
 * (`SystemJobList.get`, `SystemJobTemplateList.get` in awx/api/views/__init__.py): for everyone else they
 * hold nothing the caller may see, so a by-id read answers "none" rather than failing its whole batch.
 */
const PRIVILEGED_LISTS: ReadonlySet<string> = new Set(['system_jobs', 'system_job_templates']);

function seesNone<T>(resource: string, error: unknown): AwxPage<T> {
  if (PRIVILEGED_LISTS.has(resource) && error instanceof AwxHttpError && error.status === 403) return { count: 0, next: null, previous: null, results: [] };
  throw error;
}

/** Every page of a filtered list (page 1 first for the count, then the rest in parallel). */
export async function fetchAll<T>(client: AwxClient, path: readonly (string | number)[], filters: URLSearchParams): Promise<T[]> {
  const query = (page: number) => {
    const params = new URLSearchParams(filters);
    params.set('page', String(page));
    params.set('page_size', String(MAX_PAGE_SIZE));
    return params;
  };
  const first = await client.getJson<AwxPage<T>>(path, query(1));
  if (!Array.isArray(first.results) || typeof first.count !== 'number') {
    throw new AwxResponseError('AWX sent a list without count and results.');
  }
  const pageCount = Math.ceil(first.count / MAX_PAGE_SIZE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => client.getJson<AwxPage<T>>(path, query(i + 2))),
  );
  return [first, ...rest].flatMap((page) => page.results ?? []);
}
