import { invalidPage } from './errors.js';

/** AWX's page-number pagination: `{count, next, previous, results}` with relative links. */

/** REST_FRAMEWORK['PAGE_SIZE']. */
export const DEFAULT_PAGE_SIZE = 25;
/** settings.MAX_PAGE_SIZE: larger page_size values are silently capped. */
export const MAX_PAGE_SIZE = 200;

/** DRF's page size: a positive integer capped at 200; anything else falls back to 25. */
export function pageSizeOf(query: URLSearchParams): number {
  const raw = query.get('page_size');
  if (raw === null || !/^\s*\+?\d+\s*$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  return size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

/** One page of rows, or 404 "Invalid page." for page numbers that are not integers or out of range. */
export function paginate<T>(rows: readonly T[], pathname: string, rawQuery: string): Record<string, unknown> {
  const query = new URLSearchParams(rawQuery);
  const size = pageSizeOf(query);
  // With count_disabled AWX swaps in a paginator that claims a single page and sends only `results`.
  const countDisabled = query.has('count_disabled');
  const pages = countDisabled ? 1 : Math.max(1, Math.ceil(rows.length / size));
  const page = pageNumber(query.get('page'), pages);
  const results = rows.slice((page - 1) * size, page * size);
  if (countDisabled) return { results };
  const link = (n: number): string => `${pathname}?${replaceParams(rawQuery, size, n)}`;
  return {
    count: rows.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results,
  };
}

function pageNumber(raw: string | null, pages: number): number {
  if (raw === null) return 1;
  if (raw === 'last') return pages;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw invalidPage();
  const page = Number(raw);
  if (page < 1 || page > pages) throw invalidPage();
  return page;
}

/**
 * Python's `replace_query_param` on the request's full path: parse, set `page` (and the capped
 * `page_size` when one was sent), then `urlencode(sorted(...), doseq=True)`, so keys come out sorted.
 */
function replaceParams(rawQuery: string, size: number, page: number): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  if (grouped.has('page_size')) grouped.set('page_size', [String(size)]);
  grouped.set('page', [String(page)]);
  return [...grouped.keys()]
    .sort()
    .flatMap((key) => grouped.get(key)!.map((value) => `${quotePlus(key)}=${quotePlus(value)}`))
    .join('&');
}

/** Python's `urllib.parse.quote_plus`: only letters, digits and `_.-~` stay as they are; space becomes `+`. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');
}
