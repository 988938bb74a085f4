/** The order keys of a keyset page: which fields, their values in a row, and how AWX (PostgreSQL) orders them. */
import type { OrderKey } from './paginate.js';

/** One order key value as AWX's JSON holds it: a datetime or text string, a number, or null. */
export type KeyValue = string | number | null;

/** A list row as far as keyset paging reads it. */
export type KeysetRow = { id: number };

/** Columns that may be NULL (`UnifiedJob.started`, `.finished`); every other order field is NOT NULL. */
const NULLABLE = new Set(['started', 'finished']);
const DATETIMES = new Set(['created', 'modified', 'started', 'finished']);
/** `UnifiedJob.STATUS_CHOICES`. */
const STATUSES = new Set(['new', 'pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled']);
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_NAME_LENGTH = 512;
const MAX_ID = 2 ** 31;

/** Whether AWX may hold NULL in this order field. */
export function isNullable(field: string): boolean {
  return NULLABLE.has(field);
}

/**
 * The complete sort: the keys as given, each field once (a repeated field sorts nothing more), cut
 * after `id` (unique, so later keys never matter), with `id` ascending appended when absent.
 */
export function keysetKeys(order: readonly OrderKey[]): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const key of order) {
    if (keys.some((k) => k.field === key.field)) continue;
    keys.push({ field: key.field, descending: key.descending });
    if (key.field === 'id') return keys;
  }
  return [...keys, { field: 'id', descending: false }];
}

/** The same keys read the other way round: PostgreSQL's exact reverse, nulls included. */
export function reverseKeys(keys: readonly OrderKey[]): OrderKey[] {
  return keys.map((key) => ({ field: key.field, descending: !key.descending }));
}

/** Whether a value can be a cursor's value for `field` (as AWX could send it). */
export function validKeyValue(field: string, value: unknown): value is KeyValue {
  if (value === null) return NULLABLE.has(field);
  if (DATETIMES.has(field)) return typeof value === 'string' && ISO_DATETIME.test(value) && micros(value) !== null;
  switch (field) {
    case 'id':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value < MAX_ID;
    case 'name':
      return typeof value === 'string' && value.length <= MAX_NAME_LENGTH;
    case 'status':
      return typeof value === 'string' && STATUSES.has(value);
    case 'elapsed':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e12;
    default:
      return false;
  }
}

/** Microseconds since the epoch of an ISO datetime (AWX's precision), or null when it does not parse. */
function micros(text: string): number | null {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(.*)$/.exec(text);
  if (!match) return null;
  const millis = Date.parse(`${match[1]}${match[3]}`);
  return Number.isNaN(millis) ? null : millis * 1000 + Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
}

function compareField(field: string, a: KeyValue, b: KeyValue): number {
  // PostgreSQL: NULL is greater than every value.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (DATETIMES.has(field)) return (micros(String(a)) ?? 0) - (micros(String(b)) ?? 0);
  // Code-unit order; PostgreSQL compares text under the database collation, which can differ for `name`.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two rows' key values as AWX sorts them by `keys` (negative when `a` comes first). */
export function compareKeyValues(a: readonly KeyValue[], b: readonly KeyValue[], keys: readonly OrderKey[]): number {
  for (const [i, key] of keys.entries()) {
    const order = compareField(key.field, a[i] ?? null, b[i] ?? null);
    if (order !== 0) return key.descending ? -order : order;
  }
  return 0;
}

/**
 * The value AWX sorts and filters a row by. For `elapsed` that is what AWX stores: 0 until the job finishes
 * (`UnifiedJob.save` in awx/main/models/unified_jobs.py computes it then), while the API shows a started,
 * unfinished job's live running time (`UnifiedJobSerializer.to_representation` in awx/api/serializers.py).
 */
function valueOf(row: KeysetRow, field: string): KeyValue {
  const record = row as unknown as Record<string, unknown>;
  if (field === 'elapsed' && record.started != null && record.finished == null) return 0;
  const value = record[field] ?? null;
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** Each row's values of `keys`: the values AWX sorted the rows by. */
export function keyValuesOf(rows: readonly KeysetRow[], keys: readonly OrderKey[]): KeyValue[][] {
  return rows.map((row) => keys.map((key) => valueOf(row, key.field)));
}
