/**
 * A job's nested connections (`workflowNodes`, `labels`, `notifications`, `activityStream`) page backward with
 * `last`/`before` as `workflowJobs` does: the same rows as the forward walk, and AWX's `page`/`page_size`
 * pages read for them (a tail alone is one request in reverse order).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestGateway } from './gateway.js';

const gw = useTestGateway();

type List = 'workflowNodes' | 'labels' | 'notifications' | 'activityStream';

/** One list of one job, forward and whole: ids in order, and each row's cursor. */
interface Walk {
  jobId: string;
  ids: string[];
  cursors: string[];
}

/** The job with the longest such list among the demo's first 60 jobs. */
async function longest(list: List): Promise<Walk> {
  const { body } = await gw.gql(`{ workflowJobs(first: 60) { nodes { id related { ${list}(first: 1) { totalCount } } } } }`);
  const jobs = body.data!.workflowJobs.nodes as { id: string; related: Record<List, { totalCount: number }> }[];
  const job = jobs.reduce((a, b) => (b.related[list].totalCount > a.related[list].totalCount ? b : a));
  const whole = await gw.gql(`{ workflowJob(id: ${job.id}) { related { ${list}(first: 200) { edges { cursor node { id } } } } } }`);
  const edges = whole.body.data!.workflowJob.related[list].edges as { cursor: string; node: { id: string } }[];
  return { jobId: job.id, ids: edges.map((e) => e.node.id), cursors: edges.map((e) => e.cursor) };
}

/** One page of the list with these arguments: its ids and page info, and the AWX reads it cost. */
async function page(walk: Walk, list: List, args: string) {
  gw.demo.clearRequests();
  const { body } = await gw.gql(`{ workflowJob(id: ${walk.jobId}) { related { ${list}(${args}) {
    totalCount nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
  } } } }`);
  expect(body.errors).toBeUndefined();
  const connection = body.data!.workflowJob.related[list];
  const reads = gw.demo.requests
    .filter((r) => r.pathname !== `/api/v2/workflow_jobs/${walk.jobId}/`)
    .map((r) => `${r.pathname}?${['order_by', 'page', 'page_size'].map((k) => `${k}=${r.query.get(k)}`).join('&')}`);
  return { ids: connection.nodes.map((n: { id: string }) => n.id), pageInfo: connection.pageInfo, totalCount: connection.totalCount, reads };
}

describe.each([
  ['notifications', 'notifications'],
  ['activityStream', 'activity_stream'],
  ['labels', 'labels'],
] as const)('%s', (list, resource) => {
  let walk: Walk;
  beforeAll(async () => {
    walk = await longest(list);
    // The job's labels come from AWX's /labels/ list, not its summary, only past ten.
    expect(walk.ids.length).toBeGreaterThan(list === 'labels' ? 10 : 3);
  });
  const path = () => `/api/v2/workflow_jobs/${walk.jobId}/${resource}/`;

  it('gives the last rows for `last` alone, with one AWX request in reverse order', async () => {
    const { ids, pageInfo, totalCount, reads } = await page(walk, list, 'last: 3');
    expect(ids).toEqual(walk.ids.slice(-3));
    expect(totalCount).toBe(walk.ids.length);
    expect(pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false, startCursor: walk.cursors.at(-3), endCursor: walk.cursors.at(-1) });
    expect(reads).toEqual([`${path()}?order_by=-id&page=1&page_size=3`]);
  });

  it('gives the rows just before `before`, read as one AWX page', async () => {
    const { ids, pageInfo, reads } = await page(walk, list, `last: 2, before: "${walk.cursors[3]}"`);
    expect(ids).toEqual(walk.ids.slice(1, 3));
    expect(pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true, startCursor: walk.cursors[1] });
    // Rows 1 and 2 share no page of size 2; the first page of size 3 holds both.
    expect(reads).toEqual([`${path()}?order_by=id&page=1&page_size=3`]);
  });

  it('never reaches back past `after`: the tail is cut where `after` points', async () => {
    const n = walk.ids.length;
    const { ids, reads } = await page(walk, list, `after: "${walk.cursors[n - 2]}", last: 5`);
    expect(ids).toEqual(walk.ids.slice(n - 1));
    expect(reads).toEqual([`${path()}?order_by=-id&page=1&page_size=5`]);
  });
});

describe('workflowNodes', () => {
  let walk: Walk;
  beforeAll(async () => {
    walk = await longest('workflowNodes');
    expect(walk.ids.length).toBeGreaterThan(3);
  });
  const NODES = ['/api/v2/workflow_job_nodes/?order_by=id&page=1&page_size=200'];

  it('pages backward on the graph read with the job, at no more AWX requests', async () => {
    const tail = await page(walk, 'workflowNodes', 'last: 2');
    expect(tail.ids).toEqual(walk.ids.slice(-2));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.reads).toEqual(NODES);
    const before = await page(walk, 'workflowNodes', `last: 2, before: "${walk.cursors[3]}"`);
    expect(before.ids).toEqual(walk.ids.slice(1, 3));
    expect(before.reads).toEqual(NODES);
  });

  it('returns every node before `before` when neither count is given', async () => {
    const { ids, pageInfo } = await page(walk, 'workflowNodes', `before: "${walk.cursors[2]}"`);
    expect(ids).toEqual(walk.ids.slice(0, 2));
    expect(pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('refuses a `before` that is not one of its cursors with BAD_USER_INPUT, reading no nodes', async () => {
    gw.demo.clearRequests();
    const { body } = await gw.gql(`{ workflowJob(id: ${walk.jobId}) { related { workflowNodes(last: 2, before: "nope") { totalCount } } } }`);
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining("'before' is not a cursor"), extensions: { code: 'BAD_USER_INPUT' } });
    expect(gw.demo.requests.map((r) => r.pathname)).toEqual([`/api/v2/workflow_jobs/${walk.jobId}/`]);
  });
});
