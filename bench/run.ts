/**
 * `npm run bench`: what queries through the gateway cost against calling AWX's REST API directly. The demo
 * upstream (with injected latency), the compiled gateway as production starts it (`awx-graphql start`), a raw undici proxy and a plain Yoga
 * server run as separate processes, and so do the REST baselines (bench/restClients.ts), and every path is measured in the same run, so the ratios hold on a shared, noisy machine.
 * Writes bench/RESULTS.md. Environment: BENCH_SECONDS, BENCH_ROUNDS (the scenarios' paths take turns in that many
 * rounds of BENCH_SECONDS / BENCH_ROUNDS; S1 in BENCH_S1_ROUNDS), BENCH_CONNECTIONS, BENCH_LATENCY_MS, BENCH_RUNS,
 * BENCH_MEMORY_ROUNDS, BENCH_SKIP_LOAD, BENCH_LOAD_SECONDS, BENCH_SKIP_NODE_LINES=1,
 * BENCH_FEATURE_ROUNDS, BENCH_FEATURE_SECONDS, BENCH_NODE_SECONDS, BENCH_NODE_VERSIONS,
 * BENCH_NODE_ROUNDS; BENCH_ONLY=targets,features,nodelines,subscriptions
 * (any of them, comma-separated) runs and prints only those parts (bench/only.ts; RESULTS.md untouched).
 */
import { cacheCheck } from './cache.js';
import { cpuCheck } from './cpu.js';
import type { AttackResults } from './attackReport.js';
import { faultLoadCheck } from './load.js';
import { partialFailureCheck } from './partialFailure.js';
import { slowClientsCheck } from './slowClients.js';
import { subscriptionsCheck } from './subscriptions.js';
import { memoryCheck } from './memory.js';
import { relatedRows } from './related.js';
import { featuresCheck } from './features.js';
import { nodeLinesCheck } from './nodeLines.js';
import { benchOnly } from './only.js';
import { measureScenarios, type Targets, warmUpPaths } from './scenarios.js';
import { breakerWaits, failedCalls, startGateway, startPlainYoga, startProxy, startRestClients, startUpstream, stop } from './setup.js';
import { checkTargets } from './targets.js';
import { writeReport } from './report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
async function main(): Promise<void> {
  const upstream = await startUpstream();
  const gateway = await startGateway(upstream.url);
  const proxy = await startProxy(upstream.url);
  const plainYoga = await startPlainYoga(upstream.url);
  const restClients = await startRestClients(upstream.url);
  try {
    const t: Targets = { gateway, awxUrl: upstream.url, proxy, plainYoga, restClients };
    await warmUpPaths({ gateway, proxy, plainYoga, restClients });
    const related = await relatedRows(gateway, upstream.url, RUNS);
    const measured = await measureScenarios(t);
    const cpu = await cpuCheck(gateway, { proxy, plainYoga, restClients });
    const features = await featuresCheck(upstream.url);
    const nodeLines = process.env.BENCH_SKIP_NODE_LINES ? null : await nodeLinesCheck(upstream.url);
    const memory = await memoryCheck(upstream.url);
    const cache = await cacheCheck(upstream.url, gateway);
    const subscriptions = await subscriptionsCheck();
    const load = process.env.BENCH_SKIP_LOAD ? null : await faultLoadCheck();
    const attack: AttackResults | null = process.env.BENCH_SKIP_LOAD ? null : { slow: await slowClientsCheck(), partial: await partialFailureCheck() };
    const targets = checkTargets(measured, cpu);
    const health = { failedCalls: failedCalls(gateway), breakerWaits };
    writeReport({ related: { runs: RUNS, rows: related }, scenarios: measured.table, targets, memory, cpu, features, nodeLines, cache, subscriptions, load, attack, health });
  } catch (error) {
    const problems = gateway.child.output().split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    process.stderr.write(`gateway warnings and errors (last 5 of ${problems.length}):\n${problems.slice(-5).join('\n')}\n`);
    throw error;
  } finally {
    stop(gateway.child, proxy.child, plainYoga.child, restClients.child, upstream.child);
  }
}

await (process.env.BENCH_ONLY ? benchOnly(process.env.BENCH_ONLY) : main());
