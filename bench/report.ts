/** bench/RESULTS.md: every section of a run, as Markdown. */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CacheReport } from './cache.js';
import type { LoadReport } from './load.js';
import type { MemoryReport } from './memory.js';
import { CONNECTIONS, LATENCY_MS, SECONDS } from './setup.js';

/** The sections of the report, already measured. */
export interface Report {
  related: { runs: number; rows: string[] };
  scenarios: string[];
  targets: string[];
  memory: MemoryReport;
  cache: CacheReport;
  load: LoadReport | null;
  /** The main gateway's "AWX call failed" warnings, and how often a probe waited out its open breaker. */
  health: { failedCalls: number; breakerWaits: number };
}

/** What the batching baseline leaves out, measured with a logging proxy in front of the demo upstream. */
const BATCHING_NOTE =
  'Note on labels: AWX embeds at most ten labels in `summary_fields`, and its `/labels/` list cannot be batched by job, so both the batching client and the gateway read `/workflow_jobs/{id}/labels/` for each job with more than ten (2 of the first 50 jobs, 8 of the first 200 in the demo data); request counts grow with the number of such jobs on the page. The gateway takes inventories from `summary_fields` instead of an `id__in` request.';

const LOAD_HEADER = '| requests | requests/s | ok | upstream errors (mapped) | gateway 5xx | other errors | gateway RSS MB before / peak / after |\n|---|---|---|---|---|---|---|';

function memorySection(m: MemoryReport): string[] {
  const soak = m.soakMb ? `RSS after each of three consecutive 30 s runs: ${m.soakMb.map((mb) => mb.toFixed(0)).join(' / ')} MB.` : 'Soak (three consecutive 30 s runs) not run: set BENCH_SOAK=1.';
  return [`S2 (50 jobs) for ${m.seconds} s at ${m.connections} connections against a fresh gateway: ${m.rps.toFixed(0)} requests/s, peak RSS (VmHWM) ${m.peakMb.toFixed(0)} MB.`, '', soak];
}

function cacheSection(c: CacheReport): string[] {
  if ('unavailable' in c) return [`Not measured: cache not available (${c.unavailable}).`];
  const row = (name: string, r: { coldUpstream: number; warmUpstream: number; p50: number; rps: number }) =>
    `| ${name} | ${r.coldUpstream} | ${r.warmUpstream} | ${r.p50} | ${r.rps.toFixed(0)} |`;
  return [
    'S2 (50 jobs) over finished jobs (`filter: { status: [SUCCESSFUL, FAILED] }`), repeated.',
    '',
    '| cache | upstream requests, first query | upstream requests, repeated | p50 ms | requests/s |',
    '|---|---|---|---|---|',
    row('off', c.off),
    row('CACHE=memory', c.memory),
    '',
    `Two replicas sharing Redis (CACHE=redis): the first replica's first query made ${c.redisFirstReplicaFirstQuery} upstream requests; the second replica's first query made ${c.redisSecondReplicaFirstQuery}.`,
  ];
}

function loadRow(r: LoadReport | null): string {
  if (!r) return '| skipped (BENCH_SKIP_LOAD) | | | | | | |';
  return `| ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${r.ok} | ${r.upstreamErrors} | ${r.gateway5xx} | ${r.otherErrors} | ${r.rssMb.before.toFixed(0)} / ${r.rssMb.peak.toFixed(0)} / ${r.rssMb.after.toFixed(0)} |`;
}

/** Writes bench/RESULTS.md and prints it. */
export function writeReport(r: Report): void {
  const cpus = os.cpus();
  const text = [
    '# Benchmark results',
    '',
    `Machine: ${cpus.length}× ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${process.version}; ${new Date().toISOString()}.`,
    `Demo upstream with ${LATENCY_MS} ms injected latency; upstream, gateway, raw proxy and load generator each in their own process.`,
    '',
    '## Targets',
    '',
    ...r.targets,
    '',
    `## Scenarios (${CONNECTIONS} connections, ${SECONDS} s each)`,
    '',
    'The gateway is driven by autocannon; the REST baselines run in a loop with the same concurrency and duration (bench/loop.ts).',
    'Ratios are p50 / requests/s against the reference of each scenario: the raw proxy for S1, the batching REST client otherwise.',
    '',
    '| scenario | via | upstream requests per query | p50 ms | p99 ms | requests/s | p50 / throughput vs reference | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...r.scenarios,
    '',
    BATCHING_NOTE,
    '',
    `The main gateway logged ${r.health.failedCalls} "AWX call failed" warnings over the run (no faults injected; autocannon drops in-flight requests when a run ends), and the upstream-count probes found its circuit breaker open ${r.health.breakerWaits} times.`,
    '',
    '## Memory (50 connections)',
    '',
    ...memorySection(r.memory),
    '',
    '## Cache',
    '',
    ...cacheSection(r.cache),
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
  ].join('\n');
  writeFileSync(new URL('./RESULTS.md', import.meta.url), text);
  process.stdout.write(text);
}
