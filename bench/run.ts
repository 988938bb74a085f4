/**
 * `npm run bench`: what queries through the gateway cost against calling AWX's REST API directly.
 * The demo upstream (with injected latency) and the gateway (`src/main.ts`) run as separate processes,
 * and both paths are measured in the same run, so the ratios hold on a shared, noisy machine.
 * Writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { DEMO_CREDENTIALS } from '../src/demo/index.js';
import { loadCheck, type LoadReport } from './load.js';
import { NaiveClient } from './naive.js';
import { memoryOf, startChild, type Child } from './processes.js';
import { medianMs, RELATED_SCENARIOS } from './related.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const AUTH = `Bearer ${DEMO_CREDENTIALS.admin.token}`;

const THROUGHPUT_SCENARIOS = [
  {
    name: 'one workflow job by id',
    query: '{ workflowJob(id: 1) { id name status failed started finished elapsed launchedBy { name } summaryFields { workflowJobTemplate { name } } } }',
    rest: '/api/v2/workflow_jobs/1/',
  },
  {
    name: 'a page of 200 workflow jobs',
    query: '{ workflowJobs(first: 200) { totalCount nodes { id name status failed started finished elapsed } } }',
    rest: '/api/v2/workflow_jobs/?order_by=id&page=1&page_size=200',
  },
];

interface Setup {
  awxUrl: string;
  gatewayUrl: string;
  gateway: Child;
}

let probes = 0;

/** Runs one GraphQL query through the gateway, failing on errors. */
async function runQuery(setup: Setup, query: string, requestId?: string): Promise<void> {
  const response = await fetch(setup.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH, ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
}

/** Runs one query and returns how many AWX requests the gateway logged for it. */
async function probe(setup: Setup, query: string): Promise<number> {
  const requestId = `bench-probe-${++probes}`;
  await runQuery(setup, query, requestId);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const line = setup.gateway.output().split('\n').find((l) => l.includes(`"requestId":"${requestId}"`));
  if (!line) throw new Error(`no log line for ${requestId}`);
  return (JSON.parse(line) as { upstreamCalls: number }).upstreamCalls;
}

async function load(url: string, options: Partial<autocannon.Options>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

async function throughputRows(setup: Setup): Promise<string[]> {
  const rows: string[] = [];
  for (const scenario of THROUGHPUT_SCENARIOS) {
    const calls = await probe(setup, scenario.query);
    const body = JSON.stringify({ query: scenario.query });
    const viaGateway = await load(setup.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
    const direct = await load(`${setup.awxUrl}${scenario.rest}`, { headers: { authorization: AUTH } });
    rows.push(
      `| ${scenario.name} | gateway | ${calls} | ${viaGateway.p50} | ${viaGateway.p99} | ${viaGateway.rps.toFixed(0)} | ${viaGateway.errors} |`,
      `| ${scenario.name} | direct REST | 1 | ${direct.p50} | ${direct.p99} | ${direct.rps.toFixed(0)} | ${direct.errors} |`,
      `| ${scenario.name} | **gateway / REST** | | **${(viaGateway.p50 / Math.max(direct.p50, 1)).toFixed(2)}×** | | **${(viaGateway.rps / direct.rps).toFixed(2)}×** | |`,
    );
  }
  return rows;
}

async function relatedRows(setup: Setup): Promise<string[]> {
  const rows: string[] = [];
  for (const scenario of RELATED_SCENARIOS) {
    const calls = await probe(setup, scenario.query);
    const gatewayMs = await medianMs(RUNS, () => runQuery(setup, scenario.query));
    const counter = new NaiveClient(setup.awxUrl, AUTH);
    await scenario.naive(counter);
    const naiveMs = await medianMs(RUNS, () => scenario.naive(new NaiveClient(setup.awxUrl, AUTH)));
    rows.push(`| ${scenario.name} | ${calls} | ${counter.calls} | ${gatewayMs.toFixed(1)} | ${naiveMs.toFixed(1)} | ${(gatewayMs / naiveMs).toFixed(2)}× |`);
  }
  return rows;
}

/** The load check runs against its own upstream, with 10% faults, and its own gateway. */
async function loadRows(): Promise<string[]> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
  const upstream = await startChild('bench/upstream.ts', { BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_FAULT_RATE: '0.1' }, /\{"url":"([^"]+)"\}/);
  const env = { AWX_URL: upstream.match[1]!, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', AWX_TIMEOUT_MS: '2000' };
  const gateway = await startChild('src/main.ts', env, /GraphiQL at http:\/\/localhost:(\d+)/);
  try {
    const r: LoadReport = await loadCheck(`http://127.0.0.1:${gateway.match[1]}/graphql`, gateway.process.pid!, AUTH, 50, seconds);
    return [
      `| ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${r.ok} | ${r.upstreamErrors} | ${r.gateway5xx} | ${r.otherErrors} | ${r.rssMb.before.toFixed(0)} / ${r.rssMb.peak.toFixed(0)} / ${r.rssMb.after.toFixed(0)} |`,
    ];
  } finally {
    gateway.process.kill('SIGTERM');
    upstream.process.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const upstream = await startChild('bench/upstream.ts', { BENCH_LATENCY_MS: String(LATENCY_MS) }, /\{"url":"([^"]+)"\}/);
  const env = { AWX_URL: upstream.match[1]!, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const gateway = await startChild('src/main.ts', env, /GraphiQL at http:\/\/localhost:(\d+)/);
  const setup = { awxUrl: upstream.match[1]!, gatewayUrl: `http://127.0.0.1:${gateway.match[1]}/graphql`, gateway };
  try {
    const related = await relatedRows(setup);
    const throughput = await throughputRows(setup);
    const memory = memoryOf(gateway.process.pid!);
    const load = process.env.BENCH_SKIP_LOAD ? ['| skipped | | | | | | |'] : await loadRows();
    writeReport(throughput, related, load, memory);
  } catch (error) {
    const problems = gateway.output().split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    process.stderr.write(`gateway warnings and errors (last 5 of ${problems.length}):\n${problems.slice(-5).join('\n')}\n`);
    throw error;
  } finally {
    gateway.process.kill('SIGTERM');
    upstream.process.kill('SIGTERM');
  }
}

function writeReport(throughput: string[], related: string[], load: string[], memory: { rssMb: number; peakMb: number }): void {
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}.`,
    `Demo upstream with ${LATENCY_MS} ms injected latency, gateway and load generator in three processes.`,
    '',
    `## Related objects (median of ${RUNS} sequential runs)`,
    '',
    '| query | gateway upstream requests | naive upstream requests | gateway median ms | naive median ms | gateway / naive |',
    '|---|---|---|---|---|---|',
    ...related,
    '',
    `## Throughput (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each)`,
    '',
    '| scenario | via | upstream requests per query | p50 ms | p99 ms | requests/s | errors |',
    '|---|---|---|---|---|---|---|',
    ...throughput,
    '',
    `Gateway process RSS: ${memory.rssMb.toFixed(0)} MB at the end, ${memory.peakMb.toFixed(0)} MB at its peak.`,
    '',
    '## Load check (50 connections, 10% injected upstream faults: 500, reset, malformed JSON, slow body)',
    '',
    '| requests | requests/s | ok | upstream errors (mapped) | gateway 5xx | other errors | gateway RSS MB before / peak / after |',
    '|---|---|---|---|---|---|---|',
    ...load,
    '',
  ].join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
  process.stdout.write(report);
}

await main();
