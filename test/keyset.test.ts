/** Keyset paging units: the lookups that say "after this cursor", key values, and the cursor codec. */
import { describe, expect, it } from 'vitest';
import { afterLevels } from '../src/awx/keyset.js';
import { compareKeyValues, keysetKeys, keyValuesOf, reverseKeys, validKeyValue } from '../src/awx/keysetValues.js';
import type { OrderKey } from '../src/awx/paginate.js';
import { decodeKeysetCursor, encodeKeysetCursor, keysetCursors } from '../src/resolvers/keysetConnection.js';

const asc = (field: string): OrderKey => ({ field, descending: false });
const desc = (field: string): OrderKey => ({ field, descending: true });
const T = '2024-05-06T07:18:12.717678Z';
const levels = (keys: OrderKey[], values: (string | number | null)[], orGroup = true) =>
  afterLevels(keysetKeys(keys), values, orGroup).map((level) => level.map(([k, v]) => `${k}=${v}`).join('&'));

describe('keysetKeys', () => {
  it('appends id ascending, keeps each field once and stops at id', () => {
    expect(keysetKeys([])).toEqual([asc('id')]);
    expect(keysetKeys([desc('finished')])).toEqual([desc('finished'), asc('id')]);
    expect(keysetKeys([asc('name'), desc('name'), desc('id'), asc('status')])).toEqual([asc('name'), desc('id')]);
    expect(reverseKeys(keysetKeys([asc('started')]))).toEqual([desc('started'), desc('id')]);
  });
});

describe('afterLevels: one key and the id tie-break, in one request', () => {
  it('ascending on a nullable field: after the value, the NULL tail, or a tie with a higher id', () => {
    expect(levels([asc('finished')], [T, 42])).toEqual([
      `not__finished__lt=${T}&or__finished__gt=${T}&or__finished__isnull=true&or__id__gt=42`,
    ]);
  });

  it('ascending inside the NULL tail: NULL and a higher id', () => {
    expect(levels([asc('started')], [null, 42])).toEqual(['started__isnull=true&id__gt=42']);
  });

  it('ascending on a NOT NULL field: no isnull parts, gte', () => {
    expect(levels([asc('name')], ['Deploy', 42])).toEqual(['name__gte=Deploy&or__name__gt=Deploy&or__id__gt=42']);
    expect(levels([asc('elapsed')], [12.5, 42])).toEqual(['elapsed__gte=12.5&or__elapsed__gt=12.5&or__id__gt=42']);
  });

  it('descending: NULLs came first, so they are before a non-null cursor', () => {
    expect(levels([desc('finished')], [T, 42])).toEqual([`finished__lte=${T}&or__finished__lt=${T}&or__id__gt=42`]);
    expect(levels([desc('status')], ['running', 42])).toEqual(['status__lte=running&or__status__lt=running&or__id__gt=42']);
  });

  it('descending inside the NULL head: any non-null, or NULL with a higher id', () => {
    expect(levels([desc('finished')], [null, 42])).toEqual(['or__finished__isnull=false&or__id__gt=42']);
  });

  it('by id alone: id__gt or id__lt', () => {
    expect(levels([], [42])).toEqual(['id__gt=42']);
    expect(levels([desc('id')], [42])).toEqual(['id__lt=42']);
  });

  it('reads the reversed order for backward pages', () => {
    const keys = reverseKeys(keysetKeys([asc('finished')]));
    expect(afterLevels(keys, [null, 42], true)).toEqual([[['or__finished__isnull', 'false'], ['or__id__lt', '42']]]);
  });
});

describe('afterLevels: several keys, level by level', () => {
  it('merges the two deepest levels, then "earlier keys equal, this one after" up to the first key', () => {
    expect(levels([asc('status'), desc('finished')], ['failed', T, 7])).toEqual([
      `status__exact=failed&finished__lte=${T}&or__finished__lt=${T}&or__id__gt=7`,
      'status__gt=failed',
    ]);
    expect(levels([desc('started'), asc('finished'), asc('name')], [null, T, 'x', 7])).toEqual([
      `started__isnull=true&finished__exact=${T}&name__gte=x&or__name__gt=x&or__id__gt=7`,
      `started__isnull=true&not__finished__lte=${T}`,
      'started__isnull=false',
    ]);
  });

  it('leaves out levels that cannot match (after the NULL tail)', () => {
    expect(levels([asc('started'), asc('name')], [null, 'x', 7])).toEqual(['started__isnull=true&name__gte=x&or__name__gt=x&or__id__gt=7']);
  });

  it('uses no OR group when the filters already have one', () => {
    expect(levels([asc('finished')], [T, 42], false)).toEqual([`finished__exact=${T}&id__gt=42`, `not__finished__lte=${T}`]);
    expect(levels([desc('finished')], [null, 42], false)).toEqual(['finished__isnull=true&id__gt=42', 'finished__isnull=false']);
  });
});

describe('key values', () => {
  it('orders NULL after every value ascending and first descending, then by the next key', () => {
    const keys = keysetKeys([asc('finished')]);
    expect(compareKeyValues([null, 1], [T, 2], keys)).toBeGreaterThan(0);
    expect(compareKeyValues([null, 1], [T, 2], reverseKeys(keys))).toBeLessThan(0);
    expect(compareKeyValues([T, 1], [T, 2], keys)).toBeLessThan(0);
    expect(compareKeyValues(['2024-05-06T07:18:12.7176Z', 1], ['2024-05-06T07:18:12.717599Z', 1], keys)).toBeGreaterThan(0);
  });

  it('reads a running job by the elapsed AWX sorts it by: the 0 it stores until the job finishes, not the live time it shows', () => {
    const keys = keysetKeys([asc('elapsed')]);
    const rows = [{ id: 5, elapsed: 0, started: null, finished: null }, { id: 9, elapsed: 37.25, started: T, finished: null }, { id: 3, elapsed: 20, started: T, finished: T }];
    expect(keyValuesOf(rows, keys)).toEqual([[0, 5], [0, 9], [20, 3]]);
    expect(keyValuesOf(rows, keysetKeys([desc('started')]))).toEqual([[null, 5], [T, 9], [T, 3]]);
  });

  it('accepts only values AWX could send for the field', () => {
    expect(validKeyValue('id', 2 ** 31 - 1)).toBe(true);
    for (const [field, value] of [['id', 0], ['id', 2 ** 31], ['id', 1.5], ['id', '3'], ['name', 'x'.repeat(513)], ['name', null],
      ['status', 'paused'], ['elapsed', '1'], ['elapsed', Infinity], ['created', null], ['created', '2024-05-06'], ['started', '2024-13-45T99:00:00Z'],
      ['finished', 'yesterday'], ['password', 'x']] as const) {
      expect(validKeyValue(field, value), `${field}=${value}`).toBe(false);
    }
    expect(validKeyValue('started', null)).toBe(true);
    expect(validKeyValue('finished', '2024-05-06T07:18:12+02:00')).toBe(true);
  });
});

describe('cursor codec', () => {
  const order = [desc('finished')];
  const cursors = keysetCursors({ statuses: ['failed', 'error'], search: 'x' }, order);

  it('round-trips key values and scopes them to the filters, search and order', () => {
    const cursor = encodeKeysetCursor(cursors.scope, [T, 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor, 'after', cursors)).toEqual({ values: [T, 42] });
    expect(decodeKeysetCursor(encodeKeysetCursor(cursors.scope, [null, 1]), 'after', cursors)).toEqual({ values: [null, 1] });
    expect(keysetCursors({ search: 'x', statuses: ['error', 'failed'] }, order).scope).toBe(cursors.scope);
    expect(keysetCursors({}, []).scope).toBe(keysetCursors({}, [asc('id'), desc('name')]).scope);
    for (const other of [keysetCursors({ statuses: ['failed'], search: 'x' }, order), keysetCursors({ statuses: ['failed', 'error'] }, order),
      keysetCursors({ statuses: ['failed', 'error'], search: 'x' }, [asc('finished')])]) {
      expect(other.scope).not.toBe(cursors.scope);
      expect(() => decodeKeysetCursor(cursor, 'after', other)).toThrow(/issued under another filter, search or order/);
    }
  });

  it('gives a list the same scope after many other lists were read, and each of them its own', () => {
    const others = Array.from({ length: 1_200 }, (_, i) => keysetCursors({ statuses: ['failed'], search: `s${i}` }, order).scope);
    expect(new Set(others).size).toBe(others.length);
    expect(keysetCursors({ search: 'x', statuses: ['error', 'failed'] }, order).scope).toBe(cursors.scope);
    expect(keysetCursors({ statuses: ['failed'], search: 's7' }, order).scope).toBe(others[7]);
  });

  it('refuses anything it did not issue with BAD_USER_INPUT', () => {
    const raw = (text: string) => Buffer.from(text).toString('base64url');
    const head = `k2.${cursors.scope}.`;
    expect(decodeKeysetCursor(raw(`${head}[null,42]`), 'before', cursors).values).toEqual([null, 42]);
    const bad = [
      '', '!!!', raw('awx:5'), raw(`${head}[null,42`), raw(`${head}[null]`), raw(`${head}[null,42,1]`), raw(`${head}["tomorrow",42]`),
      raw(`${head}[null,-1]`), raw(`${head}[null,"42"]`), raw(`${head}{"a":1}`), raw(`${head}[null,42]`) + 'A'.repeat(4096),
      raw(`${head}[null,42]\n`), raw(`k2.${cursors.scope}.x.[null,42]`), raw(`k1.${cursors.scope}.s.[null,42]`), `${raw(`${head}[null,42]`)}=`,
    ];
    for (const cursor of bad) {
      let code: unknown;
      try {
        decodeKeysetCursor(cursor, 'before', cursors);
      } catch (error) {
        code = (error as { extensions?: { code?: string } }).extensions?.code;
      }
      expect(code, cursor.slice(0, 60)).toBe('BAD_USER_INPUT');
    }
  });
});
