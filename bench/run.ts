/**
 * `npm run bench`: what a GraphQL query through the gateway costs against calling AWX's REST API directly.
 * The demo upstream (with injected latency) and the gateway (`src/main.ts`) run as separate processes, and
 * autocannon loads both paths in the same run, so the ratios hold on a shared, noisy machine.
 * Writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { DEMO_CREDENTIALS } from '../src/demo/index.js';
import { memoryOf, startChild } from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);
const AUTH = `Bearer ${DEMO_CREDENTIALS.admin.token}`;

interface Scenario {
  name: string;
  gateway: string;
  rest: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'one workflow job by id',
    gateway: '{ workflowJob(id: 1) { id name status failed started finished elapsed launchedBy { name } summaryFields { workflowJobTemplate { name } } } }',
    rest: '/api/v2/workflow_jobs/1/',
  },
  {
    name: 'a page of 200 workflow jobs',
    gateway: '{ workflowJobs(first: 200) { totalCount nodes { id name status failed started finished elapsed } } }',
    rest: '/api/v2/workflow_jobs/?order_by=id&page=1&page_size=200',
  },
];

interface Measure {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(url: string, options: Partial<autocannon.Options>): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const upstream = await startChild('bench/upstream.ts', { BENCH_LATENCY_MS: String(LATENCY_MS) }, /\{"url":"([^"]+)"\}/);
  const awxUrl = upstream.match[1]!;
  const gateway = await startChild('src/main.ts', { AWX_URL: awxUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, /GraphiQL at http:\/\/localhost:(\d+)/);
  const gatewayUrl = `http://127.0.0.1:${gateway.match[1]}/graphql`;
  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    const body = JSON.stringify({ query: scenario.gateway });
    const probe = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH, 'x-request-id': 'bench-probe' }, body });
    const probeBody = (await probe.json()) as { errors?: unknown };
    if (probeBody.errors) throw new Error(`${scenario.name}: ${JSON.stringify(probeBody.errors)}`);
    const upstreamCalls = upstreamCallsOf(gateway.output(), 'bench-probe');
    const viaGateway = await load(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
    const direct = await load(`${awxUrl}${scenario.rest}`, { headers: { authorization: AUTH } });
    rows.push(
      `| ${scenario.name} | gateway | ${upstreamCalls} | ${viaGateway.p50} | ${viaGateway.p99} | ${viaGateway.rps.toFixed(0)} | ${viaGateway.errors} |`,
      `| ${scenario.name} | direct REST | 1 | ${direct.p50} | ${direct.p99} | ${direct.rps.toFixed(0)} | ${direct.errors} |`,
      `| ${scenario.name} | **ratio gateway/REST** | | **${(viaGateway.p50 / Math.max(direct.p50, 1)).toFixed(2)}×** | | **${(viaGateway.rps / direct.rps).toFixed(2)}×** | |`,
    );
  }
  const memory = memoryOf(gateway.process.pid!);
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}.`,
    `Demo upstream with ${LATENCY_MS} ms injected latency; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per measurement; upstream, gateway and load generator are three processes.`,
    '',
    '| scenario | via | upstream requests per query | p50 ms | p99 ms | requests/s | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Gateway process RSS: ${memory.rssMb.toFixed(0)} MB at the end, ${memory.peakMb.toFixed(0)} MB at its peak.`,
    '',
  ].join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
  process.stdout.write(report);
  gateway.process.kill('SIGTERM');
  upstream.process.kill('SIGTERM');
}

/** Upstream calls of one request, read from the gateway's per-request log line. */
function upstreamCallsOf(log: string, requestId: string): number {
  const line = log.split('\n').find((l) => l.includes(`"requestId":"${requestId}"`));
  if (!line) throw new Error(`no log line for request ${requestId}`);
  return (JSON.parse(line) as { upstreamCalls: number }).upstreamCalls;
}

await main();
