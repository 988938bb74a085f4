/** A round of batched reads answers, job by job, what reading each job alone answers (its detail, then its nodes). */
import { beforeAll, describe, expect, it } from 'vitest';
import { AwxClient } from '../src/awx/client.js';
import { readRound, type ReadKind, type RoundItem, type RoundOutcome } from '../src/live/round.js';
import { changeKey, type JobSnapshot } from '../src/live/snapshot.js';
import { ADMIN, BOB, useTestGateway } from './gateway.js';

const gw = useTestGateway();

/** The job as one read of it alone sees it: `GET /workflow_jobs/{id}/`, then its nodes. */
async function alone(id: number, auth: string): Promise<JobSnapshot | 'NOT_FOUND'> {
  const get = (path: string) => fetch(`${gw.demo.url}${gw.demo.apiRoot}${path}`, { headers: { authorization: auth } });
  const detail = await get(`workflow_jobs/${id}/`);
  if (detail.status === 404 || detail.status === 403) return 'NOT_FOUND';
  const nodes = await (await get(`workflow_job_nodes/?workflow_job__in=${id}&order_by=id&page_size=200`)).json();
  return { job: await detail.json(), nodes: nodes.results };
}

function items(auth: string, ids: number[], kind: ReadKind, lastKeys: Map<number, string> = new Map()): RoundItem[] {
  const client = new AwxClient(gw.transport, { authorization: auth, requestId: 'watch-test' });
  return ids.map((jobId) => ({ jobId, kind, lastKey: lastKeys.get(jobId), client }));
}

const round = (auth: string, roundItems: RoundItem[]) => readRound(new AwxClient(gw.transport, { authorization: auth }), roundItems);

/** Job ids as a round sends them in a filter: ascending, comma-joined (encoded). */
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b).join('%2C');

/** What each outcome says, as comparable values: the snapshot, `unchanged`, or the error's code. */
const said = (outcomes: RoundOutcome[]) => outcomes.map((o) => ('snapshot' in o ? o.snapshot : 'unchanged' in o ? 'unchanged' : (o.error as { code?: string }).code));

describe('a round of reads', () => {
  const byStatus = (status: string) => gw.demo.data.collections.workflow_jobs.filter((job) => job.status === status).map((job) => job.id);
  /** Jobs running (nodes moving), finished and waiting (no node ran yet), in the demo's data. */
  let ids: number[] = [];
  beforeAll(() => void (ids = [...byStatus('running').slice(0, 2), ...byStatus('successful').slice(0, 2), ...byStatus('waiting').slice(0, 1)]));

  it('gives each polled job its detail and nodes, as a read of it alone would, with a few list calls', async () => {
    const expected = await Promise.all(ids.map((id) => alone(id, ADMIN)));
    gw.demo.clearRequests();
    const first = await round(ADMIN, items(ADMIN, [...ids, 999_999], 'check'));
    expect(said(first)).toEqual([...expected, 'NOT_FOUND']);
    // One list call and one node call for all, a detail per job (it had no reading yet), nodes read after them.
    const paths = gw.upstreamPaths();
    expect(paths.filter((p) => p.startsWith('/api/v2/workflow_jobs/?'))).toEqual([`/api/v2/workflow_jobs/?id__in=${sorted([...ids, 999_999])}&page_size=200`]);
    expect(paths.filter((p) => p.startsWith('/api/v2/workflow_job_nodes/'))).toHaveLength(1);
    expect(paths.filter((p) => /^\/api\/v2\/workflow_jobs\/\d+\/$/.test(p)).sort()).toEqual([...ids, 999_999].map((id) => `/api/v2/workflow_jobs/${id}/`).sort());

    gw.demo.clearRequests();
    const keys = new Map(ids.map((id, i) => [id, changeKey(expected[i] as JobSnapshot)]));
    const again = await round(ADMIN, items(ADMIN, ids, 'check', keys));
    expect(said(again)).toEqual(ids.map(() => 'unchanged'));
    expect(gw.upstreamPaths()).toEqual([
      `/api/v2/workflow_jobs/?id__in=${sorted(ids)}&page_size=200`,
      `/api/v2/workflow_job_nodes/?workflow_job__in=${sorted(ids)}&order_by=id&page=1&page_size=200`,
    ]);
  });

  it('reads the detail of every job AWX announced a change of, and their nodes after it in one call', async () => {
    const expected = await Promise.all(ids.map((id) => alone(id, ADMIN)));
    gw.demo.clearRequests();
    expect(said(await round(ADMIN, items(ADMIN, ids, 'read')))).toEqual(expected);
    const paths = gw.upstreamPaths();
    expect(paths.slice(0, ids.length).sort()).toEqual(ids.map((id) => `/api/v2/workflow_jobs/${id}/`).sort());
    expect(paths.slice(ids.length)).toEqual([`/api/v2/workflow_job_nodes/?workflow_job__in=${sorted(ids)}&order_by=id&page=1&page_size=200`]);
  });

  it('reads by id a job its caller may read but not list, and keeps each credential\'s view', async () => {
    // Bob launched bulk job 952: AWX reads it to him by id, and leaves it out of his lists (WorkflowJobAccess).
    const running = byStatus('running')[0]!;
    const expected = [await alone(952, BOB), await alone(running, BOB)];
    expect(expected[0]).toMatchObject({ job: { id: 952 } });
    gw.demo.clearRequests();
    const keys = new Map([[952, changeKey(expected[0] as JobSnapshot)]]);
    // Its reading is the same as before, so its watcher tells no one; but only its detail could say so.
    expect(said(await round(BOB, items(BOB, [952, running], 'check', keys)))).toEqual(expected);
    expect(gw.upstreamPaths()).toContain('/api/v2/workflow_jobs/952/');
    expect(said(await round(ADMIN, items(ADMIN, [running], 'read')))).toEqual([await alone(running, ADMIN)]);
  });
});
