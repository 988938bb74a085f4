/** Jobs that move in the demo AWX: advanceJob step by step, the admin route, motion timers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ALICE } from './demo-auth.js';
import {
  createDemoData,
  startDemoAwx,
  type AwxRecord,
  type DemoAwx,
} from '../src/index.js';
import { runOf, storeRun } from '../src/engine/runs.js';
import { microsFromIso } from '../src/time.js';
import { call as callDemo } from './call.js';

const TERMINAL = ['successful', 'failed', 'error', 'canceled'];

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

const call = (path: string, auth: string | null = ADMIN, method = 'GET', body?: unknown) => callDemo(demo, path, auth, method, body);

async function launch(templateId: number, auth = ALICE, server = demo): Promise<number> {
  const res = await fetch(`${server.url}/api/v2/workflow_job_templates/${templateId}/launch/`, { method: 'POST', headers: { Authorization: auth } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { workflow_job: number }).workflow_job;
}

const job = async (id: number) => (await call(`/api/v2/workflow_jobs/${id}/`)).body as AwxRecord;
const nodesOf = async (id: number) => ((await call(`/api/v2/workflow_jobs/${id}/workflow_nodes/?page_size=200`)).body.results as AwxRecord[]);
const nodeJob = (node: AwxRecord) => (node.summary_fields as { job?: { id: number; status: string; type: string } }).job;

/** Steps until the job finishes (at most 60 steps), returning every status it went through. */
function runToEnd(id: number, server = demo): string[] {
  const seen: string[] = [];
  for (let step = 0; step < 60 && !TERMINAL.includes(seen.at(-1) ?? ''); step++) seen.push(server.advanceJob(id));
  return seen;
}

describe('stored runs', () => {
  it('rebuild every record of the dataset exactly (moved jobs look like the others)', () => {
    const data = createDemoData();
    const before = JSON.stringify(data);
    const unmodelled: number[] = [];
    for (const record of [...data.collections.workflow_jobs]) {
      const run = runOf(data, record.id);
      if (run) storeRun(data, run, microsFromIso(data.clock)!);
      else unmodelled.push(record.id);
    }
    expect(JSON.stringify(data) === before).toBe(true);
    // Only the hand-built edge jobs stay out of the engine: the bulk job (no template) and the run of a system job.
    expect(unmodelled).toHaveLength(2);
    expect(unmodelled).toContain(data.bulkJobs[0]);
  });
});

describe('advanceJob', () => {
  it('queues, runs every node\'s job and ends successful', async () => {
    const id = await launch(29);
    expect(runToEnd(id).slice(0, 3)).toEqual(['waiting', 'running', 'running']);
    const done = await job(id);
    expect(done).toMatchObject({ status: 'successful', failed: false, started: expect.any(String), finished: expect.any(String) });
    expect(Number(done.elapsed)).toBeGreaterThan(0);
    const nodes = await nodesOf(id);
    expect(nodes.map((n) => nodeJob(n)?.status ?? (n.do_not_run ? 'do_not_run' : 'none'))).toEqual(
      ['successful', 'successful', 'successful', 'successful', 'successful', 'do_not_run']);
    const kinds = new Map([['project_update', 'project_updates'], ['inventory_update', 'inventory_updates'], ['job', 'jobs']]);
    for (const node of nodes.filter((n) => n.job !== null)) {
      const { body: spawned, status } = await call(`/api/v2/${kinds.get(nodeJob(node)!.type)}/${node.job}/`);
      expect(status).toBe(200);
      expect(spawned).toMatchObject({ status: 'successful', launch_type: 'workflow', unified_job_template: node.unified_job_template });
      expect(spawned.summary_fields.source_workflow_job).toMatchObject({ id, status: 'successful' });
      const sameKind = (await call(`/api/v2/${kinds.get(spawned.type)}/?page_size=1&launch_type=workflow`)).body.results[0];
      const { body: old } = await call(`/api/v2/${kinds.get(spawned.type)}/${sameKind.id}/`);
      expect(Object.keys(spawned)).toEqual(Object.keys(old));
    }
    const template = (await call('/api/v2/workflow_job_templates/29/')).body;
    expect(template).toMatchObject({ status: 'successful', last_job_run: done.finished, last_job_failed: false });
    expect(template.summary_fields.last_job.id).toBe(id);
  });

  it('leaves a finished job as it is', async () => {
    const before = await job(1);
    expect(demo.advanceJob(1)).toBe('successful');
    expect(await job(1)).toEqual(before);
    expect(() => demo.advanceJob(999_999)).toThrow(/no workflow job 999999/);
  });

  it('runs a nested workflow inside its parent node, and the approval', async () => {
    const id = await launch(31);
    let nestedId: number | undefined;
    for (let step = 0; step < 30 && nestedId === undefined; step++) {
      demo.advanceJob(id);
      nestedId = (await nodesOf(id)).find((n) => n.job !== null)?.job as number | undefined;
    }
    const nested = await job(nestedId!);
    expect(nested).toMatchObject({ launch_type: 'workflow', status: 'pending', name: 'Build and test' });
    expect((nested.summary_fields as any).source_workflow_job).toMatchObject({ id, status: 'running' });
    expect(await call(`/api/v2/workflow_jobs/${nestedId}/`, ADMIN, 'DELETE')).toMatchObject({
      status: 403, body: { detail: 'Cannot delete job resource when associated workflow job is running.' },
    });
    expect(runToEnd(id).at(-1)).toBe('successful');
    expect((await job(nestedId!)).status).toBe('successful');
    const nodes = await nodesOf(id);
    expect(nodes.map((n) => nodeJob(n)?.type ?? 'none')).toEqual(['workflow_job', 'workflow_approval', 'job', 'job', 'none']);
    expect((await nodesOf(nestedId!)).every((n) => nodeJob(n)?.status === 'successful' || n.do_not_run === true)).toBe(true);
  });

  it('fails a job on request: its running jobs fail, the nodes not reached never run', async () => {
    const id = await launch(30);
    for (let step = 0; step < 4; step++) demo.advanceJob(id);
    expect(demo.advanceJob(id, { outcome: 'failed' })).toBe('failed');
    const failed = await job(id);
    expect(failed).toMatchObject({ failed: true, job_explanation: 'No error handling paths found, marking workflow as failed' });
    const nodes = await nodesOf(id);
    expect(nodes.filter((n) => n.job !== null).map((n) => nodeJob(n)!.status)).toEqual(['failed']);
    expect(nodes.filter((n) => n.job === null).every((n) => n.do_not_run === true)).toBe(true);
  });

  it('moves the dataset\'s running jobs to the end too', async () => {
    const running = (await nodesOf(230)).filter((n) => n.job !== null && !TERMINAL.includes(nodeJob(n)!.status));
    expect(running.length).toBeGreaterThan(0);
    expect(runToEnd(230).at(-1)).toBe('successful');
    const after = await nodesOf(230);
    for (const node of running) expect(nodeJob(after.find((n) => n.id === node.id)!)!.status).toBe('successful');
  });
});

describe('the admin route', () => {
  it('moves a job for a superuser only', async () => {
    const id = await launch(30);
    expect(await call(`/_demo/workflow_jobs/${id}/advance/`, ADMIN, 'POST')).toEqual({ status: 200, body: { id, status: 'waiting' } });
    expect(await call(`/_demo/workflow_jobs/${id}/advance/`, ALICE, 'POST')).toMatchObject({ status: 403 });
    expect(await call(`/_demo/workflow_jobs/${id}/advance/`, null, 'POST')).toMatchObject({ status: 401 });
    expect(await call(`/_demo/workflow_jobs/${id}/advance/`, ADMIN, 'GET')).toMatchObject({ status: 405 });
    expect(await call('/_demo/workflow_jobs/999999/advance/', ADMIN, 'POST')).toMatchObject({ status: 404 });
    expect(await call(`/_demo/workflow_jobs/${id}/advance/`, ADMIN, 'POST', { outcome: 'maybe' })).toEqual({
      status: 400, body: { outcome: ['"maybe" is not a valid choice.'] },
    });
    expect((await call(`/_demo/workflow_jobs/${id}/advance/`, ADMIN, 'POST', { outcome: 'failed' })).body.status).toBe('failed');
  });
});

describe('motion', () => {
  it('moves every unfinished job on a timer until it ends, and stops on close', async () => {
    const moving = await startDemoAwx({ motion: { stepMs: 15 } });
    try {
      const id = await launch(26, ADMIN, moving);
      const active = () => moving.data.collections.workflow_jobs.filter((r) => !TERMINAL.includes(String(r.status)));
      expect(active().length).toBeGreaterThan(10);
      await expect.poll(() => active().map((r) => r.id), { timeout: 10_000, interval: 20 }).toEqual([]);
      expect(moving.data.collections.workflow_jobs.find((r) => r.id === id)?.status).toBe('successful');
    } finally {
      await moving.close();
    }
    const stopped = JSON.stringify(moving.data.collections.workflow_jobs);
    await new Promise((r) => setTimeout(r, 60));
    expect(JSON.stringify(moving.data.collections.workflow_jobs) === stopped).toBe(true);
  });

  it('leaves jobs still without motion', async () => {
    const before = JSON.stringify(demo.data.collections.workflow_jobs.filter((r) => r.id === 228));
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(demo.data.collections.workflow_jobs.filter((r) => r.id === 228))).toBe(before);
  });
});
