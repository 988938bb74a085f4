/**
 * `npm run bench`: what queries through the gateway cost against calling AWX's REST API directly. The demo
 * upstream (with injected latency), the compiled gateway (`dist/src/main.js`) and a raw undici proxy run as separate
 * processes, and every path is measured in the same run, so the ratios hold on a shared, noisy machine.
 * Writes bench/RESULTS.md. Environment: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_LATENCY_MS, BENCH_RUNS,
 * BENCH_SOAK=1, BENCH_SKIP_LOAD, BENCH_LOAD_SECONDS; BENCH_ONLY=subscriptions runs and prints only the
 * subscriptions check (RESULTS.md untouched).
 */
import { cacheCheck } from './cache.js';
import { cpuCheck } from './cpu.js';
import type { AttackResults } from './attackReport.js';
import { faultLoadCheck } from './load.js';
import { partialFailureCheck } from './partialFailure.js';
import { slowClientsCheck } from './slowClients.js';
import { subscriptionsCheck } from './subscriptions.js';
import { subscriptionsSection, subscriptionsTargets } from './subscriptionsReport.js';
import { memoryCheck } from './memory.js';
import { relatedRows } from './related.js';
import { dashboardQuery, rows, S1_QUERY, s1, s2, s3, type Measured, type Targets } from './scenarios.js';
import { breakerWaits, failedCalls, startGateway, startProxy, startUpstream, stop, warmUp } from './setup.js';
import { checkTargets } from './targets.js';
import { writeReport } from './report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const S4_SIZES = [10, 50, 200];

/** Runs S1–S4 and returns their results and table rows. */
async function scenarios(t: Targets) {
  const s1Results = await s1(t);
  const s4 = new Map<number, Measured[]>();
  for (const n of S4_SIZES) s4.set(n, await s2(t, n));
  const s3Results = await s3(t);
  const table = [
    ...rows('S1 one workflow job by id', s1Results, 'raw undici proxy'),
    ...rows('S2 dashboard, 50 jobs', s4.get(50)!, 'batching REST client'),
    ...rows('S3 node graphs of 20 jobs', s3Results, 'batching REST client'),
    ...S4_SIZES.filter((n) => n !== 50).flatMap((n) => rows(`S4 dashboard, ${n} jobs`, s4.get(n)!, 'batching REST client')),
  ];
  return { s1: s1Results, s2: s4.get(50)!, s4, table };
}

async function main(): Promise<void> {
  const upstream = await startUpstream();
  const gateway = await startGateway(upstream.url);
  const proxy = await startProxy(upstream.url);
  try {
    const t: Targets = { gateway, awxUrl: upstream.url, proxyUrl: proxy.url };
    await warmUp(gateway, S1_QUERY);
    await warmUp(gateway, dashboardQuery(50));
    const related = await relatedRows(gateway, upstream.url, RUNS);
    const measured = await scenarios(t);
    const cpu = await cpuCheck(gateway, upstream.url, { url: proxy.url, pid: proxy.child.process.pid! });
    const memory = await memoryCheck(upstream.url);
    const cache = await cacheCheck(upstream.url, gateway);
    const subscriptions = await subscriptionsCheck();
    const load = process.env.BENCH_SKIP_LOAD ? null : await faultLoadCheck();
    const attack: AttackResults | null = process.env.BENCH_SKIP_LOAD ? null : { slow: await slowClientsCheck(), partial: await partialFailureCheck() };
    const targets = checkTargets(measured);
    const health = { failedCalls: failedCalls(gateway), breakerWaits };
    writeReport({ related: { runs: RUNS, rows: related }, scenarios: measured.table, targets, memory, cpu, cache, subscriptions, load, attack, health });
  } catch (error) {
    const problems = gateway.child.output().split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    process.stderr.write(`gateway warnings and errors (last 5 of ${problems.length}):\n${problems.slice(-5).join('\n')}\n`);
    throw error;
  } finally {
    stop(gateway.child, proxy.child, upstream.child);
  }
}

/** BENCH_ONLY=subscriptions: the subscriptions check alone, printed. */
async function subscriptionsOnly(): Promise<void> {
  const report = await subscriptionsCheck();
  process.stdout.write(`${[...subscriptionsTargets(report), '', ...subscriptionsSection(report)].join('\n')}\n`);
}

await (process.env.BENCH_ONLY === 'subscriptions' ? subscriptionsOnly() : main());
