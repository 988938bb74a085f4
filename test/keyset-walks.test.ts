/**
 * Keyset pagination of `workflowJobs` under churn: for every order, walk all pages forward and then
 * backward, launching a job and deleting a finished one (often the cursor's own row) between page
 * reads. No job may be seen twice, every job present for the whole walk must be seen, in order, and
 * each page costs at most two AWX requests for a single key (plus one per extra key at a tie boundary).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compareKeyValues, keysetKeys, keyValuesOf, reverseKeys } from '../src/awx/keysetValues.js';
import { orderParam, type OrderKey } from '../src/awx/paginate.js';
import { ADMIN, awxPath, startTestGateway, type TestGateway } from './gateway.js';
import { allowlistViolations } from './hostile/allowlist.js';

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [WorkflowJobOrder!]) {
  workflowJobs(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    nodes { id name created modified started finished elapsed status }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const SIZE = 9;
const FIELDS = ['ID', 'NAME', 'CREATED', 'MODIFIED', 'STARTED', 'FINISHED', 'ELAPSED', 'STATUS'];
const ORDERS: { field: string; direction: string }[][] = [
  ...FIELDS.flatMap((field) => [[{ field, direction: 'ASC' }], [{ field, direction: 'DESC' }]]),
  [{ field: 'STATUS', direction: 'ASC' }, { field: 'FINISHED', direction: 'DESC' }],
  [{ field: 'NAME', direction: 'DESC' }, { field: 'STARTED', direction: 'ASC' }, { field: 'ELAPSED', direction: 'DESC' }],
];

type Job = { id: string; name: string; created: string; modified: string; started: string | null; finished: string | null; elapsed: number; status: string };
interface Page { totalCount: number; nodes: Job[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } }

let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

/** Calls the demo AWX directly, at `/api/v2/…` rewritten to this run's layout. */
async function awx(path: string, method = 'GET'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${gw!.demo.url}${awxPath(path)}`, { method, headers: { Authorization: ADMIN, 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Every job's id and status, straight from the demo AWX. */
async function allJobs(): Promise<Map<number, string>> {
  const jobs = new Map<number, string>();
  for (let page = 1; ; page++) {
    const { body } = await awx(`/api/v2/workflow_jobs/?page_size=200&page=${page}`);
    for (const row of body.results) jobs.set(row.id, row.status);
    if (!body.next) return jobs;
  }
}

/** Between two page reads: a new job, and a finished job gone (the cursor's own row when it is finished). */
async function churn(jobs: Map<number, string>, cursorRow: Job | undefined, step: number): Promise<{ launched: number; deleted: number }> {
  const launch = await awx(`/api/v2/workflow_job_templates/${[26, 29, 35][step % 3]}/launch/`, 'POST');
  expect(launch.status).toBe(201);
  jobs.set(launch.body.id, launch.body.status);
  const finished = [...jobs].filter(([, status]) => ['successful', 'failed', 'error', 'canceled'].includes(status)).map(([id]) => id);
  const own = cursorRow && finished.includes(Number(cursorRow.id)) && step % 2 === 0 ? Number(cursorRow.id) : undefined;
  const victim = own ?? finished[(step * 7919) % finished.length]!;
  expect((await awx(`/api/v2/workflow_jobs/${victim}/`, 'DELETE')).status).toBe(204);
  jobs.delete(victim);
  return { launched: launch.body.id, deleted: victim };
}

function keysOf(orderBy: { field: string; direction: string }[]): OrderKey[] {
  return keysetKeys(orderBy.map((o) => ({ field: o.field.toLowerCase(), descending: o.direction === 'DESC' })));
}

/** Walks every page one way; returns the jobs in the order seen and the ids gone or added meanwhile. */
async function walk(orderBy: { field: string; direction: string }[], backward: boolean) {
  const jobs = await allJobs();
  const atStart = new Set(jobs.keys());
  const seen: Job[] = [];
  const deleted = new Set<number>();
  let cursor: string | null = null;
  for (let step = 0; ; step++) {
    gw!.demo.clearRequests();
    const variables = backward ? { last: SIZE, before: cursor, orderBy } : { first: SIZE, after: cursor, orderBy };
    const { body } = await gw!.gql(PAGE, variables);
    expect(body.errors).toBeUndefined();
    const page = body.data!.workflowJobs as Page;
    const paths = gw!.upstreamPaths();
    expect(paths.flatMap(allowlistViolations)).toEqual([]);
    expect(paths.length, paths.join('\n')).toBeLessThanOrEqual(orderBy.length + 1);
    expect(page.totalCount).toBe(jobs.size);
    expect(backward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage).toBe(step > 0);
    seen.push(...(backward ? [...page.nodes].reverse() : page.nodes));
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return { seen, kept: [...atStart].filter((id) => !deleted.has(id)) };
    expect(page.nodes).toHaveLength(SIZE);
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    deleted.add((await churn(jobs, backward ? page.nodes[0] : page.nodes.at(-1), step)).deleted);
  }
}

describe('keyset pagination while jobs are launched and deleted', () => {
  it.each(ORDERS.map((orderBy) => [orderBy.map((o) => `${o.field} ${o.direction}`).join(', '), orderBy] as const))(
    'sees each job once, forward then backward: %s',
    async (_name, orderBy) => {
      gw = await startTestGateway();
      for (const backward of [false, true]) {
        const { seen, kept } = await walk(orderBy, backward);
        const ids = seen.map((job) => Number(job.id));
        expect(new Set(ids).size, 'a job was seen twice').toBe(ids.length);
        expect(ids).toEqual(expect.arrayContaining(kept));
        // In the order asked for (walked backward, seen last to first); running jobs sort by the elapsed AWX stores, 0.
        const keys = backward ? reverseKeys(keysOf(orderBy)) : keysOf(orderBy);
        const rows = seen.map((job) => ({ ...job, id: Number(job.id), status: job.status.toLowerCase() }));
        const values = keyValuesOf(rows, keys);
        values.slice(1).forEach((v, i) => expect(compareKeyValues(values[i]!, v, keys), `${orderParam(keys)} at ${i}`).toBeLessThan(0));
        if (orderBy.some((o) => o.field === 'STARTED' || o.field === 'FINISHED')) expect(seen.some((job) => job.started === null)).toBe(true);
      }
    },
    60_000,
  );
});

describe('cursors on the awkward rows', () => {
  const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [WorkflowJobOrder!]) {
    workflowJobs(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { nodes { id started finished } pageInfo { endCursor } }
  }`;
  const read = async (variables: Record<string, unknown>) => {
    const { body } = await gw!.gql(LIST, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.workflowJobs as { nodes: { id: string; started: string | null; finished: string | null }[]; pageInfo: { endCursor: string } };
  };
  const running = (job: Record<string, unknown>, _next?: Record<string, unknown>) => job.started !== null && job.finished === null;
  const edgeOfNulls = (field: 'started' | 'finished') => (job: Record<string, unknown>, next?: Record<string, unknown>) =>
    next !== undefined && (job[field] === null) !== (next[field] === null);

  it.each([
    ['ELAPSED', 'ASC', running], ['ELAPSED', 'DESC', running], ['FINISHED', 'ASC', edgeOfNulls('finished')],
    ['FINISHED', 'DESC', edgeOfNulls('finished')], ['STARTED', 'ASC', edgeOfNulls('started')], ['STARTED', 'DESC', edgeOfNulls('started')],
  ] as const)('pages on from a cursor at each interesting row: %s %s', async (field, direction, interesting) => {
    gw = await startTestGateway();
    const orderBy = [{ field, direction }];
    const head = await read({ first: 200, orderBy });
    const all = [...head.nodes, ...(await read({ first: 200, after: head.pageInfo.endCursor, orderBy })).nodes];
    const cursorAt = async (i: number) =>
      (await (i < 200 ? read({ first: i + 1, orderBy }) : read({ first: i - 199, after: head.pageInfo.endCursor, orderBy }))).pageInfo.endCursor;
    const targets = all.flatMap((job, i) => (interesting(job, all[i + 1]) ? [i] : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const i of targets) {
      const cursor = await cursorAt(i);
      const after = await read({ first: 200, after: cursor, orderBy });
      expect(after.nodes.map((n) => n.id), `after ${all[i]!.id}`).toEqual(all.slice(i + 1, i + 201).map((n) => n.id));
      const before = await read({ last: 200, before: cursor, orderBy });
      expect(before.nodes.map((n) => n.id), `before ${all[i]!.id}`).toEqual(all.slice(Math.max(0, i - 200), i).map((n) => n.id));
    }
  });
});
