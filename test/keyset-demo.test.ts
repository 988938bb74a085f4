/**
 * The keyset lookups against the demo AWX: for every order and many cursor positions (NULLs and ties
 * included), the lookup sets return exactly the rows after the cursor in AWX's own sorted list. This
 * holds the lookup building and the demo's Django semantics (negation, NULL order, precision) together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterLevels, type Lookup } from '../src/awx/keyset.js';
import { keysetKeys, keyValuesOf, reverseKeys, type KeysetRow } from '../src/awx/keysetValues.js';
import { orderParam, type OrderKey } from '../src/awx/paginate.js';
import { startDemoAwx, type DemoAwx } from '@awx-graphql/demo-awx';
import { ADMIN } from './demo-auth.js';

type Row = KeysetRow & Record<string, unknown>;

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

async function list(params: [string, string][]): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams([...params, ['page_size', '200'], ['page', String(page)]]);
    const response = await fetch(`${demo.url}/api/v2/workflow_jobs/?${query}`, { headers: { Authorization: ADMIN } });
    const body = (await response.json()) as { results: Row[]; next: string | null };
    expect(response.status, JSON.stringify(body)).toBe(200);
    rows.push(...body.results);
    if (!body.next) return rows;
  }
}

const FIELDS = ['id', 'name', 'created', 'modified', 'started', 'finished', 'elapsed', 'status'];
const ORDERS: OrderKey[][] = [
  ...FIELDS.flatMap((field) => [[{ field, descending: false }], [{ field, descending: true }]]),
  [{ field: 'status', descending: false }, { field: 'finished', descending: true }],
  [{ field: 'started', descending: true }, { field: 'name', descending: false }, { field: 'elapsed', descending: true }],
];

/** Cursor positions worth checking: both ends, where the first key turns NULL or non-NULL, a few ties, a spread. */
function positions(values: unknown[][]): number[] {
  const picked = new Set([0, values.length - 2, values.length - 1]);
  let ties = 0;
  values.forEach((v, i) => {
    const previous = values[i - 1]?.[0];
    if (i > 0 && (v[0] === null) !== (previous === null)) picked.add(i - 1).add(i);
    if (i > 0 && v[0] === previous && v[0] !== null && ties++ < 3) picked.add(i);
    if (i % 47 === 20) picked.add(i);
  });
  return [...picked].filter((i) => i >= 0 && i < values.length);
}

describe('keyset lookups on the demo AWX', () => {
  it.each(ORDERS.map((order) => [orderParam(order), order] as const))('return exactly the rows after each cursor: %s', async (_name, order) => {
    for (const keys of [keysetKeys(order), reverseKeys(keysetKeys(order))]) {
      const sorted = await list([['order_by', orderParam(keys)]]);
      expect(sorted.length).toBeGreaterThan(200);
      const values = keyValuesOf(sorted, keys); // as AWX, the demo sorts running jobs by the elapsed it stores: 0
      const picked = positions(values);
      if (keys[0]!.field === 'started' || keys[0]!.field === 'finished') expect(values.some((v) => v[0] === null)).toBe(true);
      for (const i of picked) {
        for (const orGroup of [true, false]) {
          const seen: number[] = [];
          for (const level of afterLevels(keys, values[i]!, orGroup)) {
            seen.push(...(await list([...(level as Lookup[]).map(([k, v]) => [k, v] as [string, string]), ['order_by', orderParam(keys)]])).map((r) => r.id));
          }
          expect(seen, `after #${i} ${JSON.stringify(values[i])} (orGroup ${orGroup})`).toEqual(sorted.slice(i + 1).map((r) => r.id));
        }
      }
    }
  });

  it('matches NULL with a negated comparison, compares datetimes to the microsecond and elapsed as a decimal', async () => {
    const all = await list([['order_by', 'id']]);
    const finished = all.find((r) => typeof r.finished === 'string' && /\.\d{6}Z$/.test(r.finished as string))!;
    const nulls = all.filter((r) => r.finished === null).map((r) => r.id);
    expect(nulls.length).toBeGreaterThan(0);
    const notBefore = (await list([['not__finished__lt', finished.finished as string]])).map((r) => r.id);
    expect(notBefore).toEqual(expect.arrayContaining(nulls));
    expect((await list([['finished__exact', finished.finished as string]])).map((r) => r.id)).toEqual([finished.id]);
    const lessOneMicro = (finished.finished as string).replace(/(\d)Z$/, (_m, d: string) => `${(Number(d) + 9) % 10}Z`);
    expect(await list([['finished__exact', lessOneMicro]])).toEqual([]);
    const elapsed = all.find((r) => typeof r.elapsed === 'number' && !Number.isInteger(r.elapsed))!;
    expect((await list([['elapsed__exact', String(elapsed.elapsed)]])).map((r) => r.id)).toContain(elapsed.id);
    expect((await list([['elapsed__gt', String(elapsed.elapsed)], ['id', String(elapsed.id)]]))).toEqual([]);
  });
});
