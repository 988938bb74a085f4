/** Relay pagination over AWX pages: complete walks, bounded upstream cost, backward paging, bad arguments. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, startTestGateway, type TestGateway } from './gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());
beforeEach(() => gw.fake.clearRequests());

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [WorkflowJobOrder!]) {
  workflowJobs(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function page(variables: Record<string, unknown>, auth?: string): Promise<Page> {
  const { body } = await gw.gql(PAGE, variables, auth);
  expect(body.errors).toBeUndefined();
  return body.data!.workflowJobs as Page;
}

/** Walks forward with `first`, checking each page's upstream cost; returns the ids seen in order. */
async function walk(first: number, extra: Record<string, unknown> = {}, auth?: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let guard = 0; guard < 1000; guard++) {
    gw.fake.clearRequests();
    const p = await page({ first, after, ...extra }, auth);
    expect(gw.upstreamPaths().length).toBeLessThanOrEqual(2);
    expect(p.nodes.map((n) => n.id)).toEqual(p.edges.map((e) => e.node.id));
    ids.push(...p.nodes.map((n) => n.id));
    total = p.totalCount;
    if (!p.pageInfo.hasNextPage) break;
    expect(p.nodes).toHaveLength(first);
    after = p.pageInfo.endCursor;
  }
  return { ids, total };
}

describe('workflowJobs pagination', () => {
  it('walks every job exactly once, in id order, with first: 7', async () => {
    const { ids, total } = await walk(7);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(ids).toHaveLength(total);
    const numbers = ids.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(total);
  });

  it('walks every job with first: 200 in as many pages as needed', async () => {
    const { ids, total } = await walk(200);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('walks a non-id ordering without skipping or repeating a job', async () => {
    const orderBy = [{ field: 'STATUS', direction: 'DESC' }];
    const { ids, total } = await walk(13, { orderBy });
    expect(new Set(ids).size).toBe(total);
    expect(ids).toHaveLength(total);
  });

  it('walks what an organization-scoped caller sees', async () => {
    const admin = await walk(200);
    const alice = await walk(9, {}, ALICE);
    expect(alice.total).toBeGreaterThan(0);
    expect(alice.total).toBeLessThan(admin.total);
    expect(alice.ids).toHaveLength(alice.total);
  });

  it('reads a window inside one AWX page when one fits', async () => {
    const first = await page({ first: 7 });
    gw.fake.clearRequests();
    await page({ first: 7, after: first.pageInfo.endCursor });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?order_by=id&page=2&page_size=7']);
  });

  it('pages backward with last/before and reports where the page sits', async () => {
    const all = await page({ first: 30 });
    const tail = await page({ last: 5 });
    expect(tail.totalCount).toBe(all.totalCount);
    expect(tail.pageInfo.hasNextPage).toBe(false);
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const before = await page({ last: 5, before: all.edges[20]!.cursor });
    expect(before.nodes.map((n) => n.id)).toEqual(all.nodes.slice(15, 20).map((n) => n.id));
    expect(before.pageInfo.hasPreviousPage).toBe(true);
    expect(before.pageInfo.hasNextPage).toBe(true);
    const lastIds = tail.nodes.map((n) => Number(n.id));
    expect(lastIds).toEqual([...lastIds].sort((a, b) => a - b));
  });

  it('answers an empty page past the end with the right total', async () => {
    const tail = await page({ last: 1 });
    const past = await page({ first: 5, after: tail.pageInfo.endCursor });
    expect(past.nodes).toEqual([]);
    expect(past.totalCount).toBe(tail.totalCount);
    expect(past.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });

  it('counts without items for first: 0', async () => {
    const zero = await page({ first: 0 });
    expect(zero.nodes).toEqual([]);
    expect(zero.totalCount).toBeGreaterThan(0);
  });

  it('refuses first over 200, negative counts and foreign cursors with BAD_USER_INPUT and no upstream call', async () => {
    for (const variables of [{ first: 201 }, { last: -1 }, { first: 5, after: 'not-a-cursor' }, { first: 5, after: Buffer.from('awx:-1').toString('base64url') }]) {
      const { body } = await gw.gql(PAGE, variables);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    const { body } = await gw.gql(PAGE, { first: 201 });
    expect(body.errors?.[0]?.message).toBe("'first' must be between 0 and 200, got 201.");
    expect(gw.upstreamPaths()).toEqual([]);
  });
});
