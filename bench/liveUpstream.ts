/**
 * The demo AWX for the subscriptions check (bench/subscriptions.ts), as a separate process: BENCH_LIVE_JOBS
 * running workflow jobs, and a control endpoint that moves jobs one step (`POST /advance?ids=1,2`) and says
 * what AWX saw (`GET /seen`): the gateway's watch requests, websocket handshakes and detail reads per job (those
 * carrying a `watch-` request id), and each job's status changes as AWX's own websocket announces them. Prints
 * `{"url","control","jobs"}` as one JSON line, runs until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { DEMO_AUTHORIZATION, startDemoAwx } from '@awx-graphql/demo-awx';

const JOBS = Number(process.env.BENCH_LIVE_JOBS ?? 200);
const demo = await startDemoAwx({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 5), maxRecordedRequests: 1_000_000 });

/** Launches a job of template 26 (it asks for nothing) and moves it to `running`. */
async function launchRunning(): Promise<number> {
  const response = await fetch(`${demo.url}/api/v2/workflow_job_templates/26/launch/`, {
    method: 'POST', headers: { authorization: DEMO_AUTHORIZATION.admin, 'content-type': 'application/json' }, body: '{}',
  });
  const { workflow_job: id } = (await response.json()) as { workflow_job: number };
  for (let status = 'pending'; status !== 'running'; status = demo.advanceJob(id));
  return id;
}

const jobs: number[] = [];
for (let i = 0; i < JOBS; i++) jobs.push(await launchRunning());

/** Status changes per launched workflow job (its own, and its spawned jobs'), as AWX's websocket tells them. */
const changes = new Map<number, number>();
const watched = new Set(jobs);
const observer = new WebSocket(`${demo.url.replace(/^http/, 'ws')}/websocket/`, { headers: { authorization: DEMO_AUTHORIZATION.admin, cookie: 'csrftoken=bench' } });
observer.on('open', () => observer.send(JSON.stringify({ xrftoken: 'bench', groups: { jobs: ['status_changed'] } })));
observer.on('message', (data) => {
  const event = JSON.parse(String(data)) as { unified_job_id?: number; workflow_job_id?: number };
  const job = [event.unified_job_id, event.workflow_job_id].find((id) => id !== undefined && watched.has(id));
  if (job !== undefined) changes.set(job, (changes.get(job) ?? 0) + 1);
});
await new Promise((resolve) => observer.once('message', resolve)); // AWX's accept

const fromGateway = (headers: Record<string, unknown>) => String(headers['x-request-id'] ?? '').startsWith('watch-');
const control = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://control');
  res.setHeader('content-type', 'application/json');
  if (req.method === 'POST' && url.pathname === '/advance') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean).map(Number);
    return res.end(JSON.stringify(ids.map((id) => demo.advanceJob(id))));
  }
  const mine = demo.requests.filter((r) => fromGateway(r.headers));
  const details = new Map<string, number>();
  for (const r of mine) {
    const job = /^\/api\/v2\/workflow_jobs\/(\d+)\/$/.exec(r.pathname)?.[1];
    if (job) details.set(job, (details.get(job) ?? 0) + 1);
  }
  res.end(JSON.stringify({
    requests: mine.filter((r) => r.pathname !== '/websocket/').length,
    handshakes: mine.filter((r) => r.pathname === '/websocket/').length,
    changes: Object.fromEntries(changes),
    details: Object.fromEntries(details),
  }));
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const { port } = control.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: demo.url, control: `http://127.0.0.1:${port}`, jobs })}\n`);
process.once('SIGTERM', () => {
  observer.terminate();
  control.close();
  void demo.close().then(() => process.exit(0));
});
