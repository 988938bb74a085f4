/**
 * `npm run bench`: what a GraphQL query through the gateway costs against calling AWX's REST API directly,
 * both against the demo upstream with injected latency, in one process and one run (ratios, not absolutes,
 * are what to compare on a shared machine). Writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import { createAwxTransport } from '../src/awx/transport.js';
import { DEMO_CREDENTIALS, startFakeAwx } from '../src/demo/index.js';
import { createLogger } from '../src/logger.js';
import { createGateway } from '../src/server.js';

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
  const fake = await startFakeAwx();
  fake.setLatency(LATENCY_MS);
  const transport = createAwxTransport({ url: fake.url, timeoutMs: 10_000 });
  const gateway = createGateway({ transport, logger: createLogger('silent'), detailConcurrency: 8 });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    const body = JSON.stringify({ query: scenario.gateway });
    fake.clearRequests();
    const probe = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
    const probeBody = (await probe.json()) as { errors?: unknown };
    if (probeBody.errors) throw new Error(`${scenario.name}: ${JSON.stringify(probeBody.errors)}`);
    const upstreamCalls = fake.requests.length;
    const viaGateway = await load(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
    const direct = await load(`${fake.url}${scenario.rest}`, { headers: { authorization: AUTH } });
    rows.push(
      `| ${scenario.name} | gateway | ${upstreamCalls} | ${viaGateway.p50} | ${viaGateway.p99} | ${viaGateway.rps.toFixed(0)} | ${viaGateway.errors} |`,
      `| ${scenario.name} | direct REST | 1 | ${direct.p50} | ${direct.p99} | ${direct.rps.toFixed(0)} | ${direct.errors} |`,
      `| ${scenario.name} | **ratio gateway/REST** | | **${(viaGateway.p50 / Math.max(direct.p50, 1)).toFixed(2)}×** | | **${(viaGateway.rps / direct.rps).toFixed(2)}×** | |`,
    );
  }
  clearInterval(sampler);
  const report = [
    '# Benchmark results',
    '',
    `Machine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}.`,
    `Demo upstream with ${LATENCY_MS} ms injected latency; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per measurement; gateway, load and upstream in one process.`,
    '',
    '| scenario | via | upstream requests per query | p50 ms | p99 ms | requests/s | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Peak RSS of the process (gateway + upstream + load generator): ${(peakRss / 2 ** 20).toFixed(0)} MB.`,
    '',
  ].join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
  process.stdout.write(report);
  server.closeAllConnections();
  server.close();
  await transport.dispatcher.destroy();
  await fake.close();
}

await main();
