/**
 * What each feature costs (issue 15, target 1): every feature stays on by default, so each is switched off
 * alone in its own gateway process (bench/gatewayVariant.ts) and compared with the same entry with every
 * feature on. On a shared machine a busy spell would land on whichever variant ran then, so all of them run
 * side by side and take turns (bench/cpu.ts `cpuPass`, in passes; autocannon rounds, each gateway's median); and two
 * full gateways take part, so the gap between them shows how much of a saving is noise.
 */
import { cpuPass, queryMeter, type Meter } from './cpu.js';
import { inTurns, median } from './rounds.js';
import { FEATURES, type Feature } from './featureNames.js';
import { dashboardQuery, S1_QUERY } from './scenarios.js';
import { cannon, CONNECTIONS, startGatewayVariant, stop, warmUp, type Gateway } from './setup.js';

const QUERIES = Number(process.env.BENCH_FEATURE_QUERIES ?? 300);
const ROUNDS = Number(process.env.BENCH_FEATURE_ROUNDS ?? 3);
const PASSES = Number(process.env.BENCH_FEATURE_PASSES ?? 3);
const SECONDS = Number(process.env.BENCH_FEATURE_SECONDS ?? 2);

/** One gateway process's figures: CPU ms per sequential query, S1 requests/s under autocannon (median of its rounds). */
export interface FeatureRow {
  without: Feature | null;
  s1CpuMs: number;
  s2CpuMs: number;
  s1Rps: number;
}

/** The two full gateways' rows and one row per feature switched off. */
export interface FeaturesReport {
  queries: number;
  passes: number;
  rounds: number;
  seconds: number;
  full: [FeatureRow, FeatureRow];
  off: FeatureRow[];
}

/** What switching each feature off means, for the table. */
const HOW: Record<Feature, string> = {
  limits: 'query limits (depth, cost, aliases, AWX calls per query)',
  requestLog: 'the JSON log line per request',
  csrf: 'CSRF prevention',
  federationTrace: 'the federation inline trace plugin',
  persisted: 'APQ and trusted documents',
  metrics: 'Prometheus metrics (METRICS=false)',
  admission: 'admission control (no MAX_INFLIGHT_REQUESTS)',
};

/** S1 requests/s of each gateway under autocannon, in ROUNDS rounds taking turns; the median of each one's rounds. */
async function throughputs(gateways: Gateway[]): Promise<number[]> {
  const stats = await inTurns(gateways.map((g) => (seconds: number) => cannon(g.url, S1_QUERY, CONNECTIONS, seconds)), ROUNDS, SECONDS);
  return stats.map((s) => s.rps);
}

/**
 * CPU ms per call of each meter, as the full gateways' figure less the saving: in each of PASSES passes every
 * variant's saving is taken against the mean of the two full gateways in that same pass, and each saving is the
 * median of its passes, so the load on the machine, which changes from pass to pass, cancels out.
 */
async function cpuAgainstFull(meters: Meter[], warm: number): Promise<number[]> {
  const passes: number[][] = [];
  for (let p = 0; p < PASSES; p++) passes.push(await cpuPass(meters, Math.ceil(QUERIES / PASSES), p === 0 ? warm : 2));
  const fullOf = (pass: number[]) => (pass[0]! + pass.at(-1)!) / 2;
  const reference = median(passes.map(fullOf));
  return meters.map((_, i) => reference - median(passes.map((pass) => fullOf(pass) - pass[i]!)));
}

/** Measures two full gateways and one per feature off, all side by side and taking turns (about 3.5 minutes). */
export async function featuresCheck(awxUrl: string): Promise<FeaturesReport> {
  const variants: (Feature | null)[] = [null, ...FEATURES, null];
  const gateways: Gateway[] = [];
  try {
    for (const without of variants) gateways.push(await startGatewayVariant(awxUrl, without ?? undefined));
    for (const gateway of gateways) await warmUp(gateway, S1_QUERY);
    const s1Rps = await throughputs(gateways);
    const s1CpuMs = await cpuAgainstFull(gateways.map((g) => queryMeter(g, S1_QUERY)), 20);
    const s2CpuMs = await cpuAgainstFull(gateways.map((g) => queryMeter(g, dashboardQuery(50))), 50);
    const rows = variants.map((without, i): FeatureRow => ({ without, s1CpuMs: s1CpuMs[i]!, s2CpuMs: s2CpuMs[i]!, s1Rps: s1Rps[i]! }));
    return { queries: QUERIES, passes: PASSES, rounds: ROUNDS, seconds: SECONDS, full: [rows[0]!, rows.at(-1)!], off: rows.slice(1, -1) };
  } finally {
    stop(...gateways.map((g) => g.child));
  }
}

const us = (ms: number) => (1_000 * ms).toFixed(0);

/** The feature-cost section of bench/RESULTS.md. */
export function featuresSection(r: FeaturesReport): string[] {
  const [a, b] = r.full;
  const full = { s1CpuMs: (a.s1CpuMs + b.s1CpuMs) / 2, s2CpuMs: (a.s2CpuMs + b.s2CpuMs) / 2, s1Rps: (a.s1Rps + b.s1Rps) / 2 };
  const saved = (off: number, on: number) => `${us(on - off)} (${((100 * (on - off)) / on).toFixed(0)}%)`;
  return [
    `Each row is a gateway process (the compiled code, NODE_ENV=production, built from configuration as \`npm start\` builds it: bench/gatewayVariant.ts) with one feature off. All run side by side and take turns. CPU per query: ${r.queries} sequential queries each, in ${r.passes} passes; within a pass the gateways take turns in blocks of five queries, and each saving is the median over the passes of the full gateways' mean minus the variant, in the same pass (so the machine's changing load cancels out). S1 requests/s: autocannon (${CONNECTIONS} connections), ${r.rounds} rounds of ${r.seconds} s each, the median of its rounds. "Saved" is the full gateway's figure minus the variant's; a negative number means the variant spent more.`,
    '',
    `Two full gateways took part: S1 ${us(a.s1CpuMs)} / ${us(b.s1CpuMs)} µs CPU per query, S2 ${us(a.s2CpuMs)} / ${us(b.s2CpuMs)} µs, ${a.s1Rps.toFixed(0)} / ${b.s1Rps.toFixed(0)} S1 req/s: identical processes, so a saving within their gap is noise (and the gap is the least of it: on a busy machine the noise is larger). Their mean is the reference.`,
    '',
    '| feature off | S1 CPU µs saved when off | S2 CPU µs saved when off | S1 req/s when off |',
    '|---|---:|---:|---:|',
    `| none (every feature on, the reference) | ${us(full.s1CpuMs)} µs per query | ${us(full.s2CpuMs)} µs per query | ${full.s1Rps.toFixed(0)} |`,
    ...r.off.map((row) => `| ${row.without}: ${HOW[row.without!]} | ${saved(row.s1CpuMs, full.s1CpuMs)} | ${saved(row.s2CpuMs, full.s2CpuMs)} | ${row.s1Rps.toFixed(0)} (${((100 * row.s1Rps) / full.s1Rps).toFixed(0)}%) |`),
  ];
}
