/**
 * The REST baselines (the batching client and the naive one) in a process of their own, on their own event
 * loop, as the gateway runs in its own: measured in the benchmark's process, they shared its heap, its
 * collector and whatever it had just done, and the batching client's CPU per S2 page swung from 1.6 to 3.8 ms
 * between runs. Prints its URL as one JSON line; answers
 * - `GET /run?baseline=…&n=…`: runs the baseline once, answers `{"calls":k}` (its AWX requests);
 * - `GET /load?baseline=…&n=…&connections=…&seconds=…`: the load loop (bench/loop.ts), answers its figures;
 * - `GET /noop`: nothing, so a meter can take what answering HTTP costs off the baseline's CPU.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { batchedDashboard, batchedNodeGraphs } from './batching.js';
import { loop } from './loop.js';
import { dashboardPage, NaiveClient, nodeGraphs } from './naive.js';

const upstream = process.env.UPSTREAM_URL;
if (!upstream) throw new Error('UPSTREAM_URL must be set, got nothing');
const AUTH = `Bearer ${DEMO_CREDENTIALS.admin.token}`;

/** The baselines by name, each a function of a counting client and a page size. */
export const BASELINES = {
  'batching-dashboard': batchedDashboard,
  'naive-dashboard': dashboardPage,
  'batching-graphs': batchedNodeGraphs,
  'naive-graphs': nodeGraphs,
} satisfies Record<string, (client: NaiveClient, n: number) => Promise<unknown>>;

type Name = keyof typeof BASELINES;

const answer = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function handle(url: URL): Promise<unknown> {
  if (url.pathname === '/noop') return {};
  const name = url.searchParams.get('baseline') as Name;
  const baseline = BASELINES[name];
  if (!baseline) throw new Error(`unknown baseline ${name}`);
  const n = Number(url.searchParams.get('n'));
  if (url.pathname === '/run') {
    const client = new NaiveClient(upstream!, AUTH);
    await baseline(client, n);
    return { calls: client.calls };
  }
  const connections = Number(url.searchParams.get('connections'));
  const seconds = Number(url.searchParams.get('seconds'));
  return loop(() => baseline(new NaiveClient(upstream!, AUTH), n), connections, seconds);
}

const server = createServer((req, res) => {
  handle(new URL(req.url ?? '/', 'http://clients')).then(
    (body) => answer(res, 200, body),
    (error) => answer(res, 500, { error: String(error) }),
  );
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
