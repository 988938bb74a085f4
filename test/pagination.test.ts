/** Relay pagination of workflowJobs by keyset cursors: complete walks, bounded upstream cost, backward paging, bad arguments. */
import { describe, expect, it } from 'vitest';
import { ALICE, useTestGateway } from './gateway.js';

const gw = useTestGateway();

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
    gw.demo.clearRequests();
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

  it('reads the first page in one request whose count is the total, a later one in a keyset request and a parallel count', async () => {
    const first = await page({ first: 7 });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?order_by=id&page=1&page_size=7']);
    expect(first.pageInfo.hasPreviousPage).toBe(false);
    gw.demo.clearRequests();
    const second = await page({ first: 7, after: first.pageInfo.endCursor });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?id__gt=7&order_by=id&page=1&page_size=7', '/api/v2/workflow_jobs/?page_size=1']);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(second.totalCount).toBe(first.totalCount);
    expect(second.nodes[0]!.id).toBe('8');
  });

  it('says "after this finished time" with the lookups of a nullable key', async () => {
    const orderBy = [{ field: 'FINISHED', direction: 'ASC' }];
    const first = await page({ first: 3, orderBy });
    const last = first.nodes.at(-1)!.id;
    const finished = (await gw.gql(`{ workflowJob(id: ${last}) { finished } }`)).body.data!.workflowJob.finished as string;
    gw.demo.clearRequests();
    await page({ first: 3, after: first.pageInfo.endCursor, orderBy });
    const lookups = new URLSearchParams([['not__finished__lt', finished], ['or__finished__gt', finished], ['or__finished__isnull', 'true'], ['or__id__gt', last]]);
    expect(gw.upstreamPaths()[0]).toBe(`/api/v2/workflow_jobs/?${lookups}&order_by=finished%2Cid&page=1&page_size=3`);
  });

  it('skips the count when neither totalCount nor the flag of the side not paged is selected', async () => {
    const first = await page({ first: 5 });
    const cost = async (query: string, variables: Record<string, unknown>) => {
      gw.demo.clearRequests();
      expect((await gw.gql(query, variables)).body.errors).toBeUndefined();
      return gw.upstreamPaths().length;
    };
    const forward = 'query($c: String) { workflowJobs(first: 5, after: $c) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const backward = 'query($c: String) { workflowJobs(last: 5, before: $c) { nodes { id } pageInfo { hasPreviousPage startCursor } } }';
    expect(await cost(forward, { c: first.pageInfo.endCursor })).toBe(1);
    expect(await cost(backward, { c: first.pageInfo.endCursor })).toBe(1);
    expect(await cost(forward.replace('hasNextPage', 'hasPreviousPage'), { c: first.pageInfo.endCursor })).toBe(2);
    expect(await cost(backward.replace('hasPreviousPage', '... on PageInfo { hasNextPage }'), { c: first.pageInfo.endCursor })).toBe(2);
  });

  it('pages running jobs by the elapsed AWX stores (0 until they finish), asking nothing more of AWX', async () => {
    const orderBy = [{ field: 'ELAPSED', direction: 'ASC' }];
    const first = await page({ first: 4, orderBy });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?order_by=elapsed%2Cid&page=1&page_size=4']);
    const running = gw.demo.data.collections.workflow_jobs.filter((job) => job.started != null && job.finished == null);
    expect(running.length).toBeGreaterThan(0);
    // AWX sorts by the stored 0, so a running job (shown with its live time) comes among the first rows.
    const zeros = gw.demo.data.collections.workflow_jobs.filter((job) => job.started == null || job.finished == null || job.elapsed === 0);
    expect(zeros.length).toBeGreaterThanOrEqual(4);
    expect(first.nodes.map((n) => Number(n.id))).toEqual(zeros.map((job) => job.id).sort((a, b) => a - b).slice(0, 4));
    gw.demo.clearRequests();
    await page({ first: 4, after: first.pageInfo.endCursor, orderBy });
    expect(gw.upstreamPaths()).toHaveLength(2); // the keyset page and the count of totalCount
  });

  it('reads the next tie group of a two-key order with one more request at the group boundary', async () => {
    const orderBy = [{ field: 'STATUS', direction: 'ASC' }, { field: 'FINISHED', direction: 'DESC' }];
    const head = await page({ first: 200, orderBy });
    const all = [...head.nodes, ...(await page({ first: 200, after: head.pageInfo.endCursor, orderBy })).nodes].map((n) => n.id);
    const statuses = (await gw.gql('{ workflowJobs(first: 200, orderBy: [{ field: STATUS }, { field: FINISHED, direction: DESC }]) { nodes { status } } }')).body.data!.workflowJobs.nodes as { status: string }[];
    const end = statuses.findIndex((n, i) => statuses[i + 1] && statuses[i + 1]!.status !== n.status);
    const cursor = (await page({ first: end + 1, orderBy })).pageInfo.endCursor;
    gw.demo.clearRequests();
    const next = await page({ first: 5, after: cursor, orderBy });
    expect(next.nodes.map((n) => n.id)).toEqual(all.slice(end + 1, end + 6));
    expect(gw.upstreamPaths()).toHaveLength(3);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('reads between two cursors, forward or backward, and keeps the last of the first', async () => {
    const all = await page({ first: 30 });
    const [from, to] = [all.edges[4]!.cursor, all.edges[15]!.cursor];
    const ids = (p: Page) => p.nodes.map((n) => n.id);
    const between = await page({ first: 20, after: from, before: to });
    expect(ids(between)).toEqual(ids(all).slice(5, 15));
    expect(between.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(ids(await page({ last: 3, after: from, before: to }))).toEqual(ids(all).slice(12, 15));
    expect(ids(await page({ last: 20, after: from, before: to }))).toEqual(ids(all).slice(5, 15));
    expect(ids(await page({ first: 6, last: 2, after: from }))).toEqual(ids(all).slice(9, 11));
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

  it('refuses first over 200, negative counts and cursors it did not issue for this list, with BAD_USER_INPUT and no upstream call', async () => {
    const byId = await page({ first: 2 });
    const byName = await page({ first: 2, orderBy: [{ field: 'NAME' }] });
    const { body: failed } = await gw.gql('{ workflowJobs(first: 2, filter: { status: [FAILED] }) { pageInfo { endCursor } } }');
    const { body: searched } = await gw.gql('{ workflowJobs(first: 2, search: "backup") { pageInfo { endCursor } } }');
    const cursor = byId.pageInfo.endCursor!;
    const text = Buffer.from(cursor, 'base64url').toString();
    const forged = (values: string) => Buffer.from(text.replace(/\[.*\]$/, values)).toString('base64url');
    gw.demo.clearRequests();
    const refused: [Record<string, unknown>, string?][] = [
      [{ first: 201 }], [{ last: -1 }], [{ first: 5, after: 'not-a-cursor' }], [{ first: 5, after: Buffer.from('awx:1').toString('base64url') }],
      [{ first: 5, after: byName.pageInfo.endCursor }], [{ last: 5, before: byName.pageInfo.endCursor }],
      [{ first: 5, after: failed.data!.workflowJobs.pageInfo.endCursor }], [{ first: 5, after: searched.data!.workflowJobs.pageInfo.endCursor }],
      [{ first: 5, after: cursor, orderBy: [{ field: 'ID', direction: 'DESC' }] }], [{ first: 5, after: forged('[0]') }],
      [{ first: 5, after: forged('[2147483648]') }], [{ first: 5, after: forged('["2"]') }], [{ first: 5, after: forged('[2,3]') }],
      [{ first: 5, after: cursor + 'A'.repeat(5000) }], [{ first: 5, before: cursor.slice(0, -2) }],
    ];
    for (const [variables] of refused) {
      const { body } = await gw.gql(PAGE, variables);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 120)).toBe('BAD_USER_INPUT');
    }
    const { body } = await gw.gql(PAGE, { first: 201 });
    expect(body.errors?.[0]?.message).toBe("'first' must be between 0 and 200, got 201.");
    expect(gw.upstreamPaths()).toEqual([]);
    expect(await page({ first: 5, after: forged('[2]') })).toMatchObject({ nodes: [{ id: '3' }, { id: '4' }, { id: '5' }, { id: '6' }, { id: '7' }] });
  });

  it('keeps position cursors on the lists of one job, and each kind of connection refuses the other\'s cursors', async () => {
    const query = `query($after: String) { workflowJob(id: 1) { related { labels(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } } } }`;
    const labels = (await gw.gql(query)).body.data!.workflowJob.related.labels;
    expect(Buffer.from(labels.pageInfo.endCursor, 'base64url').toString()).toBe('awx:0');
    const keyset = (await page({ first: 1 })).pageInfo.endCursor;
    const { body } = await gw.gql(query, { after: keyset });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await gw.gql(PAGE, { first: 1, after: labels.pageInfo.endCursor });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
