/** AWX page arithmetic: any (offset, limit) window of a list, read in at most two `page`/`page_size` requests. */
import { AwxHttpError, AwxResponseError } from './errors.js';
import type { AwxClient, AwxPath } from './client.js';
import type { AwxPage } from './types.js';

/** AWX refuses larger pages (it silently caps `page_size` at 200). */
export const MAX_PAGE_SIZE = 200;

/** One sort key of an AWX `order_by`. */
export interface OrderKey {
  field: string;
  descending: boolean;
}

/** Which slice of the ordered list to read: from `offset`, or the last `limit` items when `offset` is 'end'. */
export interface ListWindow {
  offset: number | 'end';
  limit: number;
}

/** The items of a window, where the first of them sits in the full list, and the list's total. */
export interface WindowResult<T> {
  totalCount: number;
  offset: number;
  items: T[];
}

interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Chooses AWX pages covering [offset, offset + limit): a single page whenever some page size up to
 * 200 holds the whole window, otherwise two consecutive pages of size `limit`.
 */
export function planPages(offset: number, limit: number): PageRequest[] {
  const size = Math.max(limit, 1);
  const last = offset + size - 1;
  for (let pageSize = size; pageSize <= MAX_PAGE_SIZE; pageSize++) {
    if (Math.floor(offset / pageSize) === Math.floor(last / pageSize)) {
      return [{ page: Math.floor(offset / pageSize) + 1, pageSize }];
    }
  }
  const first = Math.floor(offset / size) + 1;
  return [{ page: first, pageSize: size }, { page: first + 1, pageSize: size }];
}

/** AWX `order_by` for these keys; `id` is appended so the order is total and pages never overlap. */
export function orderParam(keys: readonly OrderKey[], reverse = false): string {
  const all = keys.some((k) => k.field === 'id') ? keys : [...keys, { field: 'id', descending: false }];
  return all.map((k) => (k.descending !== reverse ? '-' : '') + k.field).join(',');
}

/** Reads one window of a filtered, ordered AWX list. */
export async function fetchWindow<T>(
  client: AwxClient,
  path: AwxPath,
  filters: URLSearchParams,
  order: readonly OrderKey[],
  window: ListWindow,
): Promise<WindowResult<T>> {
  if (window.offset === 'end') {
    // The last N items are the first N of the reversed order: one request instead of count + fetch.
    const page = await fetchFirstPage<T>(client, path, filters, orderParam(order, true), Math.max(window.limit, 1));
    const items = page.results.slice(0, window.limit).reverse();
    return { totalCount: page.count, offset: page.count - items.length, items };
  }
  const offset = window.offset;
  const plan = planPages(offset, window.limit);
  const pages = await Promise.all(plan.map((p) => fetchPage<T>(client, path, filters, orderParam(order), p)));
  // Past the end, AWX gives no count: ask for it with the smallest page.
  const found = pages.find((p) => p !== null) ?? (await fetchFirstPage<T>(client, path, filters, orderParam(order), 1));
  const rows: T[] = [];
  pages.forEach((page, i) => {
    if (!page) return;
    const start = (plan[i]!.page - 1) * plan[i]!.pageSize;
    page.results.forEach((row, j) => {
      const position = start + j;
      if (position >= offset && position < offset + window.limit) rows.push(row);
    });
  });
  return { totalCount: found.count, offset, items: rows };
}

/** Page 1 always exists (possibly empty), so this never answers null. */
async function fetchFirstPage<T>(client: AwxClient, path: AwxPath, filters: URLSearchParams, orderBy: string, pageSize: number) {
  return (await fetchPage<T>(client, path, filters, orderBy, { page: 1, pageSize })) as AwxPage<T>;
}

/** One AWX page, or null when the page lies past the end (AWX answers 404 "Invalid page."). */
async function fetchPage<T>(
  client: AwxClient,
  path: AwxPath,
  filters: URLSearchParams,
  orderBy: string,
  request: PageRequest,
): Promise<AwxPage<T> | null> {
  const query = new URLSearchParams(filters);
  query.set('order_by', orderBy);
  query.set('page', String(request.page));
  query.set('page_size', String(request.pageSize));
  try {
    return await readPage<T>(client, path, query);
  } catch (error) {
    if (error instanceof AwxHttpError && error.status === 404 && request.page > 1) return null;
    throw error;
  }
}

/** One AWX list response, checked to have its `count` and `results`. */
export async function readPage<T>(client: AwxClient, path: AwxPath, query: URLSearchParams): Promise<AwxPage<T>> {
  const page = await client.getJson<AwxPage<T>>(path, query);
  if (!Array.isArray(page.results) || typeof page.count !== 'number') {
    throw new AwxResponseError('AWX sent a list without count and results.');
  }
  return page;
}
