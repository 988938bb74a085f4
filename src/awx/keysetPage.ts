/** Keyset pages of an AWX list: the rows after (or before) a cursor's key values, read with field lookups. */
import type { AwxClient, AwxPath } from './client.js';
import { afterLevels, type Lookup } from './keyset.js';
import { compareKeyValues, keysetKeys, keyValuesOf, reverseKeys, type KeyValue, type KeysetRow } from './keysetValues.js';
import { orderParam, readPage, type OrderKey } from './paginate.js';

/** Which page to read: the first `limit` rows after `after`, or (backward) the last `limit` before `before`. */
export interface KeysetWindow {
  backward: boolean;
  limit: number;
  /** Key values of the row the page starts after (exclusive), as `keysetKeys` lists the keys. */
  after?: readonly KeyValue[];
  /** Key values of the row the page ends before (exclusive). */
  before?: readonly KeyValue[];
  /** Whether the list's total is wanted when a cursor is sent (one more request, in parallel). */
  count: boolean;
}

/** A page, its rows' key values, and whether rows lie beyond it on either side. */
export interface KeysetResult<T> {
  items: T[];
  values: KeyValue[][];
  /** The whole filtered list's size; undefined when a cursor was sent and `count` was not asked for. */
  totalCount?: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface Read<T> {
  rows: T[];
  /** How many rows lie after the sent cursor (or in the whole list) in the lookup sets read. */
  known: number;
  total?: number;
}

function query(filters: URLSearchParams, lookups: readonly Lookup[], orderBy: string, pageSize: number): URLSearchParams {
  const params = new URLSearchParams(filters);
  for (const [key, value] of lookups) params.append(key, value);
  params.set('order_by', orderBy);
  params.set('page', '1');
  params.set('page_size', String(Math.max(pageSize, 1))); // AWX reads page_size=0 as its default, 25
  return params;
}

/** Reads the lookup sets in turn until the page is full and it is known whether more rows follow. */
async function readLevels<T>(client: AwxClient, path: AwxPath, filters: URLSearchParams, orderBy: string, levels: Lookup[][], limit: number) {
  const rows: T[] = [];
  let known = 0;
  for (const level of levels) {
    const need = limit - rows.length;
    const page = await readPage<T>(client, path, query(filters, level, orderBy, need));
    known += page.count;
    rows.push(...page.results.slice(0, need));
    if (known > rows.length) break; // the page is full and more rows follow
  }
  return { rows, known };
}

/** The first rows of the list: one request, whose count is the total. */
async function readFirst<T>(client: AwxClient, path: AwxPath, filters: URLSearchParams, keys: OrderKey[], limit: number): Promise<Read<T>> {
  const page = await readPage<T>(client, path, query(filters, [], orderParam(keys), limit));
  return { rows: page.results.slice(0, limit), known: page.count, total: page.count };
}

async function readAfter<T>(
  client: AwxClient, path: AwxPath, filters: URLSearchParams, keys: OrderKey[], cursor: readonly KeyValue[], window: KeysetWindow,
): Promise<Read<T>> {
  const orGroup = ![...filters.keys()].some((key) => key.startsWith('or__')); // AWX has one OR group per request
  const levels = afterLevels(keys, cursor, orGroup);
  const reading = readLevels<T>(client, path, filters, orderParam(keys), levels, window.limit);
  const counting = window.count ? readPage<T>(client, path, new URLSearchParams([...filters, ['page_size', '1']])) : undefined;
  const [read, count] = await Promise.all([reading, counting]);
  return { ...read, total: count?.count };
}

/** How many rows come before `bound` (exclusive): its row found by id, else by comparing key values. */
function keptBefore(rows: readonly KeysetRow[], values: readonly KeyValue[][], keys: readonly OrderKey[], bound: readonly KeyValue[]): number {
  const byId = rows.findIndex((row) => row.id === bound[bound.length - 1]);
  if (byId >= 0) return byId;
  const past = values.findIndex((row) => compareKeyValues(row, bound, keys) >= 0);
  return past < 0 ? rows.length : past;
}

/**
 * Reads one keyset page. The cursor on the side being paged from goes to AWX as lookups; a cursor on
 * the other side (both `after` and `before`) trims the returned rows here. Backward pages read the
 * reversed order and turn the rows round. Without a cursor this is one request, whose count is the
 * total; with one, the count is a second request (page_size=1) sent in parallel, when asked for.
 */
export async function fetchKeysetPage<T extends KeysetRow>(
  client: AwxClient, path: AwxPath, filters: URLSearchParams, order: readonly OrderKey[], window: KeysetWindow,
): Promise<KeysetResult<T>> {
  const keys = window.backward ? reverseKeys(keysetKeys(order)) : keysetKeys(order);
  const [sent, other] = window.backward ? [window.before, window.after] : [window.after, window.before];
  const read = await (sent ? readAfter<T>(client, path, filters, keys, sent, window) : readFirst<T>(client, path, filters, keys, window.limit));
  const values = keyValuesOf(read.rows, keys);
  const kept = other ? keptBefore(read.rows, values, keys, other) : read.rows.length;
  const items = read.rows.slice(0, kept);
  const keptValues = values.slice(0, kept);
  const ahead = read.known > kept;
  // Rows before the sent cursor: exact for single-key orders; with several keys, lookup sets left
  // unread count here too, which only matters when the cursor's row and all before it are gone.
  const behind = sent !== undefined && read.total !== undefined && read.total > read.known;
  if (window.backward) {
    return { items: items.reverse(), values: keptValues.reverse(), totalCount: read.total, hasNextPage: behind, hasPreviousPage: ahead };
  }
  return { items, values: keptValues, totalCount: read.total, hasNextPage: ahead, hasPreviousPage: behind };
}
