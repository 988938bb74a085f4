/** bench/RESULTS.md: every section of a run, as Markdown. */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CacheReport } from './cache.js';
import type { CpuReport } from './cpu.js';
import { analysisSection } from './analysis.js';
import { attackSection, attackTargets, type AttackResults } from './attackReport.js';
import { featuresSection, type FeaturesReport } from './features.js';
import type { LoadReport } from './load.js';
import type { MemoryReport } from './memory.js';
import { memorySection, memoryTargets } from './memoryReport.js';
import { ROUNDS, S1_ROUNDS } from './rounds.js';
import type { NodeLinesReport } from './nodeLines.js';
import { nodeLinesSection, nodeLinesTargets } from './nodeLinesReport.js';
import { CONNECTIONS, LATENCY_MS, SECONDS } from './setup.js';
import type { SubscriptionsReport } from './subscriptions.js';
import { subscriptionsSection, subscriptionsTargets } from './subscriptionsReport.js';

/** The sections of the report, already measured. */
export interface Report {
  related: { runs: number; rows: string[] };
  scenarios: string[];
  targets: string[];
  memory: MemoryReport;
  cpu: CpuReport;
  /** What each feature costs, switched off one at a time. */
  features: FeaturesReport;
  /** S1 and S2 under Node 20, 22 and 24; null with BENCH_SKIP_NODE_LINES. */
  nodeLines: NodeLinesReport | null;
  cache: CacheReport;
  /** Watching many jobs: AWX requests per status change and RSS at 10, 100 and 1,000 subscribers. */
  subscriptions: SubscriptionsReport;
  load: LoadReport | null;
  /** Slow clients and partial AWX failure; null with BENCH_SKIP_LOAD. */
  attack: AttackResults | null;
  /** The main gateway's "AWX call failed" warnings, and how often a probe waited out its open breaker. */
  health: { failedCalls: number; breakerWaits: number };
}

/** What the batching baseline leaves out, measured with a logging proxy in front of the demo upstream. */
const BATCHING_NOTE =
  'Note on labels: AWX embeds at most ten labels in `summary_fields`, and its `/labels/` list cannot be batched by job, so both the batching client and the gateway read `/workflow_jobs/{id}/labels/` for each job with more than ten (2 of the first 50 jobs, 8 of the first 200 in the demo data); request counts grow with the number of such jobs on the page. The gateway takes inventories from `summary_fields` instead of an `id__in` request.';

const LOAD_HEADER = '| requests | requests/s | ok | upstream errors (mapped) | gateway 5xx | other errors | gateway RSS MB before / peak / after |\n|---|---|---|---|---|---|---|';

function cacheSection(c: CacheReport): string[] {
  if ('unavailable' in c) return [`Not measured: cache not available (${c.unavailable}).`];
  const row = (name: string, setting: string, r: { coldUpstream: number; warmUpstream: number; p50: number; rps: number }) =>
    `| ${name} | ${setting} | ${r.coldUpstream} | ${r.warmUpstream} | ${r.p50.toFixed(1)} | ${r.rps.toFixed(0)} |`;
  return [
    'Each workload on a fresh gateway with CACHE=memory and on the gateway without cache; "repeated" is the same query run again.',
    'The dashboard\'s list, users, templates and labels are mutable AWX objects the cache never holds; finished jobs, their node lists and their finished spawned jobs are what it holds.',
    '',
    '| workload | cache | upstream requests, first query | upstream requests, repeated | p50 ms | requests/s |',
    '|---|---|---|---|---|---|',
    ...c.workloads.flatMap((w) => [row(w.name, 'off', w.off), row(w.name, 'CACHE=memory', w.memory)]),
    '',
    `Two replicas sharing Redis (CACHE=redis), finished jobs by reference: the first replica's first query made ${c.redisFirstReplicaFirstQuery} upstream requests; the second replica's first query made ${c.redisSecondReplicaFirstQuery}.`,
  ];
}

function loadRow(r: LoadReport | null): string {
  if (!r) return '| skipped (BENCH_SKIP_LOAD) | | | | | | |';
  return `| ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${r.ok} | ${r.upstreamErrors} | ${r.gateway5xx} | ${r.otherErrors} | ${r.rssMb.before.toFixed(0)} / ${r.rssMb.peak.toFixed(0)} / ${r.rssMb.after.toFixed(0)} |`;
}

/** S1's CPU per request against the proxy and plain Yoga, and the gateway's per job at each page size. */
function cpuS1AndSizes(cpu: CpuReport): string[] {
  const { gatewayMs, proxyMs, plainYogaMs } = cpu.s1;
  const sizes = cpu.pageSizes.map((s) => `${s.jobs} jobs ${s.gatewayMs.toFixed(2)} ms (${((1_000 * s.gatewayMs) / s.jobs).toFixed(0)} µs per job)`);
  return [
    `S1 (one job by id), ${cpu.queries} sequential requests each: the gateway spent ${gatewayMs.toFixed(2)} ms of CPU per query, the plain Yoga server ${plainYogaMs.toFixed(2)} ms (${(gatewayMs / plainYogaMs).toFixed(2)}×), the raw pass-through proxy ${proxyMs.toFixed(2)} ms per request (${(gatewayMs / proxyMs).toFixed(1)}×): the fixed cost of a GraphQL request, and of what the gateway adds to one.`,
    '',
    `The gateway's CPU per dashboard query by page size, ${cpu.queries} sequential queries each: ${sizes.join('; ')}.`,
  ];
}

/** Writes bench/RESULTS.md and prints it. */
export function writeReport(r: Report): void {
  const cpus = os.cpus();
  const text = [
    '# Benchmark results',
    '',
    `Machine: ${cpus.length}× ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${process.version}; ${new Date().toISOString()}.`,
    `Demo upstream with ${LATENCY_MS} ms injected latency; upstream, gateway, raw proxy, plain Yoga server and load generator each in their own process. The gateway runs as production runs it: the compiled \`awx-graphql start\` (\`node dist/src/cli.js start\`) with NODE_ENV=production, so with the heap plan it applies ("Memory" below quotes it).`,
    '',
    '## Targets',
    '',
    ...r.targets,
    ...memoryTargets(r.memory),
    ...nodeLinesTargets(r.nodeLines),
    ...subscriptionsTargets(r.subscriptions),
    ...attackTargets(r.attack),
    '',
    ...analysisSection(r.cpu),
    '',
    `## Scenarios (${CONNECTIONS} connections, ${SECONDS} s each in all)`,
    '',
    'The gateway is driven by autocannon; the REST baselines run in a loop with the same concurrency and duration (bench/loop.ts). Before anything is measured, every path is warmed alike for 2 s (bench/scenarios.ts: the gateway on S1 and S2, plain Yoga on S1, the raw proxy on S1, the batching client on S2). Latency percentiles are taken from each answer\'s time as measured, not from autocannon\'s histogram, which keeps whole milliseconds (a 10% step at S1\'s 10 ms).',
    `Each scenario's paths take turns in ${ROUNDS} rounds of ${(SECONDS / ROUNDS).toFixed(1)} s (S1's in ${S1_ROUNDS}; bench/rounds.ts), so a busy spell on the shared machine falls on all of them alike; p50, p99 and requests/s are the medians of the rounds, errors their sum. S1's throughput against plain Yoga is the median of the rounds' own ratios, each round's two runs back to back.`,
    'CPU ms per request under load is the serving process\'s CPU over each round (all its threads, from /proc) over the requests it answered in that round, the median of the rounds: the gateway\'s, plain Yoga\'s and the proxy\'s processes, and for the REST baselines their own process (the load loop runs there); none for direct REST, served by the upstream itself. Under load a process answers several requests per turn of its event loop, so these are lower than the sequential figures below.',
    'Ratios are p50 / requests/s against the reference of each scenario: the raw proxy for S1, the batching REST client otherwise.',
    'The plain Yoga server (bench/plainYoga.ts) is `createYoga` over `makeExecutableSchema` with Yoga\'s defaults and no plugins, answering S1 with the same JSON from one AWX request.',
    '',
    '| scenario | via | upstream requests per query | p50 ms | p99 ms | requests/s | p50 / throughput vs reference | CPU ms per request under load | errors |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.scenarios,
    '',
    BATCHING_NOTE,
    '',
    `The main gateway logged ${r.health.failedCalls} "AWX call failed" warnings over the run (no faults injected; autocannon drops in-flight requests when a run ends), and the upstream-count probes found its circuit breaker open ${r.health.breakerWaits} times.`,
    '',
    '## CPU per query',
    '',
    `${r.cpu.queries} sequential S2 queries (50 jobs) each: the gateway process spent ${r.cpu.gatewayMs.toFixed(1)} ms of CPU per query, the batching REST client, in a process of its own, ${r.cpu.batchingClientMs.toFixed(1)} ms (medians of ${r.cpu.s2Ratios.length} passes; its process's CPU per page less what it spends answering the request that asks for one). Pass by pass, the two measured in the same pass, the gateway spent ${r.cpu.s2Ratios.map((v) => `${v.toFixed(2)}×`).join(', ')} the client's CPU: ${r.cpu.s2Ratio.toFixed(2)}× at the median. Both parse the same AWX bodies; the gateway also serves HTTP, parses, validates and executes GraphQL over 50 jobs and serializes the answer. Under 10 connections on 2 cores shared with the upstream and the load generator, S2's p50 follows this CPU.`,
    '',
    ...cpuS1AndSizes(r.cpu),
    '',
    '## Feature costs',
    '',
    ...featuresSection(r.features),
    '',
    '## Node lines',
    '',
    ...nodeLinesSection(r.nodeLines),
    '',
    '## Memory (50 connections)',
    '',
    ...memorySection(r.memory),
    '',
    '## Cache',
    '',
    ...cacheSection(r.cache),
    '',
    '## Watching many jobs (subscriptions)',
    '',
    ...subscriptionsSection(r.subscriptions),
    '',
    `## Related objects (median of ${r.related.runs} sequential runs)`,
    '',
    '| query | gateway upstream requests | naive upstream requests | gateway median ms | naive median ms | gateway / naive |',
    '|---|---|---|---|---|---|',
    ...r.related.rows,
    '',
    '## Load check (50 connections, 10% injected upstream faults: 500, reset, malformed JSON, slow body)',
    '',
    LOAD_HEADER,
    loadRow(r.load),
    '',
    '## Under attack and partial AWX failure',
    '',
    ...attackSection(r.attack),
    '',
  ].join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), text);
  process.stdout.write(text);
}
