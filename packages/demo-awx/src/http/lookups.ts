import { microsFromIso } from '../time.js';
import { badRequest, invalidValue } from './errors.js';
import type { FieldKind } from './resources.js';

/** Django field lookups over JSON values: parsing the query value, then testing a record value. */

/** Lookups FieldLookupBackend accepts as the last `__` part of a filter key. */
export const LOOKUPS = new Set(['exact', 'iexact', 'contains', 'icontains', 'startswith', 'istartswith', 'endswith',
  'iendswith', 'regex', 'iregex', 'gt', 'gte', 'lt', 'lte', 'in', 'isnull', 'search']);

const TEXT_LOOKUPS: Record<string, (value: string, wanted: string) => boolean> = {
  contains: (v, w) => v.includes(w),
  icontains: (v, w) => v.toLowerCase().includes(w.toLowerCase()),
  search: (v, w) => v.toLowerCase().includes(w.toLowerCase()),
  startswith: (v, w) => v.startsWith(w),
  istartswith: (v, w) => v.toLowerCase().startsWith(w.toLowerCase()),
  endswith: (v, w) => v.endsWith(w),
  iendswith: (v, w) => v.toLowerCase().endsWith(w.toLowerCase()),
  iexact: (v, w) => v.toLowerCase() === w.toLowerCase(),
};

/** Parses booleans as DAB's to_python_boolean (ansible_base/lib/utils/validation.py): true/1/t, false/0/f, any case. */
export function parseBoolean(raw: string): boolean {
  const lowered = raw.toLowerCase();
  if (lowered === 'true' || lowered === '1' || lowered === 't') return true;
  if (lowered === 'false' || lowered === '0' || lowered === 'f') return false;
  throw badRequest(`Unable to convert "${raw}" to boolean`);
}

/** Converts one query value for a field of `kind`; bad values give AWX's 400. */
export function parseValue(kind: FieldKind, field: string, raw: string): unknown {
  switch (kind) {
    case 'fk':
    case 'm2m':
      // DAB's to_python_related: `none`/`null` are NULL, else int(); a bad id is its own ParseError.
      if (/^(none|null)$/i.test(raw)) return null;
      if (!INTEGER.test(raw)) throw badRequest(`Invalid ${field} id: ${raw}`);
      return Number(raw);
    case 'int':
      // Django's IntegerField.to_python; DAB reports the ValidationError's messages as a JSON list.
      if (!INTEGER.test(raw)) throw invalidValue(`“${raw}” value must be an integer.`);
      return Number(raw);
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) throw invalidValue(`“${raw}” value must be a decimal number.`);
      return value;
    }
    case 'bool':
      return parseBoolean(raw);
    case 'datetime': {
      const micros = microsFromIso(raw);
      if (micros === null) {
        throw invalidValue(`“${raw}” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.`);
      }
      return micros;
    }
    default:
      return raw;
  }
}

/** What Python's int() accepts of a decimal string. */
const INTEGER = /^\s*[+-]?\d+(_\d+)*\s*$/;

/** A record value in comparable form: datetimes as microseconds, everything else unchanged. */
export function normalize(kind: FieldKind, value: unknown): unknown {
  if (kind === 'datetime' && typeof value === 'string') return microsFromIso(value);
  return value ?? null;
}

/** Orders two non-null normalized values of the same kind. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Builds the test of one lookup against a record value, parsing the query value once. */
export function compileLookup(kind: FieldKind, field: string, lookup: string, raw: string): (value: unknown) => boolean {
  if (lookup === 'isnull') {
    const wanted = parseBoolean(raw);
    return (value) => isNull(value) === wanted;
  }
  if (lookup === 'in') {
    if (raw === '') throw badRequest('cannot provide empty value for __in');
    const wanted = raw.split(',').map((item) => parseValue(kind, field, item));
    return (value) => wanted.some((w) => equals(kind, value, w));
  }
  if (lookup === 'regex' || lookup === 'iregex') return regexTest(raw, lookup === 'iregex');
  const text = TEXT_LOOKUPS[lookup];
  if (text && (lookup !== 'iexact' || kind === 'text')) {
    return (value) => someValue(value, (v) => v !== null && text(stringOf(v), raw));
  }
  const wanted = parseValue(kind, field, raw);
  if (lookup === 'exact' || lookup === 'iexact') return (value) => equals(kind, value, wanted);
  const order = { gt: (c: number) => c > 0, gte: (c: number) => c >= 0, lt: (c: number) => c < 0, lte: (c: number) => c <= 0 }[
    lookup as 'gt'
  ];
  return (value) => someValue(value, (v) => v !== null && wanted !== null && order(compareValues(normalize(kind, v), wanted)));
}

function regexTest(pattern: string, insensitive: boolean): (value: unknown) => boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, insensitive ? 'i' : '');
  } catch (error) {
    throw badRequest(`invalid regular expression: ${(error as Error).message}`);
  }
  return (value) => someValue(value, (v) => v !== null && regex.test(stringOf(v)));
}

/** Many-to-many values match when any member does, like a SQL join. */
function someValue(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value ?? null);
}

function isNull(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function equals(kind: FieldKind, value: unknown, wanted: unknown): boolean {
  if (wanted === null) return isNull(value);
  if (kind === 'json') return JSON.stringify(value) === wanted;
  return someValue(value, (v) => v !== null && normalize(kind, v) === wanted);
}

function stringOf(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
