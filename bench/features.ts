/**
 * What each feature costs (issue 15, target 1): every feature stays on by default, so each is switched off
 * alone in its own gateway process (bench/gatewayVariant.ts) and compared with a gateway with every feature on.
 *
 * Two things made a plain side-by-side table measure something else than the features. A gateway's CPU per
 * request falls for its first 10,000-odd requests while V8 compiles its request path (about 2 ms to 0.7 ms for
 * S1), so each process is run under load until its CPU per request stops falling. And the machine's load
 * changes by the second, so each variant is measured in runs back to back with the reference gateway, the
 * order alternating, and each figure is the median of those pairs' differences. A second full gateway is
 * measured the same way: its row is the noise.
 */
import { metered, median } from './rounds.js';
import { FEATURES, type Feature } from './featureNames.js';
import { dashboardQuery, S1_QUERY } from './scenarios.js';
import { cannon, CONNECTIONS, startGatewayVariant, stop, type Gateway } from './setup.js';
import type { LoadStats } from './loop.js';

const ROUNDS = Number(process.env.BENCH_FEATURE_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_FEATURE_SECONDS ?? 2);
/** A process has settled when a run's CPU per request is no more than this far below the run before. */
const SETTLED = 0.92;

/** One process against the reference in back-to-back runs: the medians of the pairs. */
export interface Paired {
  /** The reference's CPU ms per request minus this process's. */
  savedMs: number;
  /** This process's requests/s over the reference's. */
  rpsShare: number;
}

/** One row of the table: the feature off (null: the second full gateway), its S1 and S2 pairs. */
export interface FeatureRow {
  without: Feature | null;
  s1: Paired;
  s2: Paired;
}

/** The reference's own figures, how many warm runs each process needed, and one row per process. */
export interface FeaturesReport {
  rounds: number;
  seconds: number;
  reference: { s1CpuMs: number; s2CpuMs: number; s1Rps: number };
  warmRuns: { s1: number[]; s2: number[] };
  rows: FeatureRow[];
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
  repeatAnswers: "parsing AWX's repeated answers once (every answer parsed)",
};

/** One autocannon run of `query` against `gateway`, with its process's CPU per request. */
const run = (gateway: Gateway, query: string) => metered(gateway.pid, (seconds) => cannon(gateway.url, query, CONNECTIONS, seconds))(SECONDS);

/** Runs `query` until the process's CPU per request stops falling (at least `min`, at most `max` runs); how many it took. */
async function settle(gateway: Gateway, query: string, min: number, max: number): Promise<number> {
  let before = Infinity;
  for (let runs = 1; runs <= max; runs++) {
    const cpuMs = (await run(gateway, query)).cpuMs!;
    if (runs >= min && cpuMs >= SETTLED * before) return runs;
    before = cpuMs;
  }
  return max;
}

/** ROUNDS pairs of runs, `reference` and `other` back to back, the order alternating; and the reference's medians. */
async function pairedWith(reference: Gateway, other: Gateway, query: string): Promise<Paired & { refCpuMs: number; refRps: number }> {
  const pairs: [LoadStats, LoadStats][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const first = round % 2 === 0 ? reference : other;
    const a = await run(first, query);
    const b = await run(first === reference ? other : reference, query);
    pairs.push(first === reference ? [a, b] : [b, a]);
  }
  return {
    savedMs: median(pairs.map(([r, o]) => r.cpuMs! - o.cpuMs!)),
    rpsShare: median(pairs.map(([r, o]) => o.rps / r.rps)),
    refCpuMs: median(pairs.map(([r]) => r.cpuMs!)),
    refRps: median(pairs.map(([r]) => r.rps)),
  };
}

/** Measures a second full gateway and one per feature off against a reference gateway (about 8 minutes). */
export async function featuresCheck(awxUrl: string): Promise<FeaturesReport> {
  const variants: (Feature | null)[] = [null, ...FEATURES];
  const gateways: Gateway[] = [];
  const s2Query = dashboardQuery(50);
  try {
    const reference = await startGatewayVariant(awxUrl);
    gateways.push(reference);
    for (const without of variants) gateways.push(await startGatewayVariant(awxUrl, without ?? undefined));
    const warmRuns = { s1: [] as number[], s2: [] as number[] };
    for (const gateway of gateways) {
      warmRuns.s1.push(await settle(gateway, S1_QUERY, 3, 12));
      warmRuns.s2.push(await settle(gateway, s2Query, 2, 6));
    }
    const pairsOf = async (query: string) => {
      const pairs: Awaited<ReturnType<typeof pairedWith>>[] = [];
      for (const other of gateways.slice(1)) pairs.push(await pairedWith(reference, other, query));
      return pairs;
    };
    const s1 = await pairsOf(S1_QUERY);
    const s2 = await pairsOf(s2Query);
    const rows = variants.map((without, i): FeatureRow => ({ without, s1: s1[i]!, s2: s2[i]! }));
    const figures = { s1CpuMs: median(s1.map((p) => p.refCpuMs)), s2CpuMs: median(s2.map((p) => p.refCpuMs)), s1Rps: median(s1.map((p) => p.refRps)) };
    return { rounds: ROUNDS, seconds: SECONDS, reference: figures, warmRuns, rows };
  } finally {
    stop(...gateways.map((g) => g.child));
  }
}

const us = (ms: number) => (1_000 * ms).toFixed(0);
const saved = (p: Paired, referenceMs: number) => `${us(p.savedMs)} (${((100 * p.savedMs) / referenceMs).toFixed(0)}%)`;

/** The feature-cost section of bench/RESULTS.md. */
export function featuresSection(r: FeaturesReport): string[] {
  const ref = r.reference;
  const noise = r.rows.find((row) => row.without === null)!;
  const warm = (runs: number[]) => `${Math.min(...runs)}-${Math.max(...runs)}`;
  return [
    `Each row is a gateway process (the compiled code, NODE_ENV=production, built from configuration as \`npm start\` builds it: bench/gatewayVariant.ts, without V8's memory reducer as \`awx-graphql start\` runs it) with one feature off, measured against a reference gateway with every feature on. Each process first ran under load until its CPU per request stopped falling (${warm(r.warmRuns.s1)} runs of ${r.seconds} s for S1, ${warm(r.warmRuns.s2)} for S2: V8 compiles the request path over the first 10,000-odd requests, at up to three times the CPU). Then each ran ${r.rounds} times back to back with the reference, the order alternating (autocannon, ${CONNECTIONS} connections, ${r.seconds} s a run): "saved" is the median over those pairs of the reference's CPU per request under load (the process's CPU over the run, all threads, per answered request) less the variant's, and requests/s the median of the variant's share of the reference's. A negative saving means the variant spent more.`,
    '',
    `The first row is a second full gateway measured the same way: identical processes, so a saving within its figures (S1 ${saved(noise.s1, ref.s1CpuMs)} µs, S2 ${saved(noise.s2, ref.s2CpuMs)} µs, ${(100 * noise.s1.rpsShare).toFixed(0)}% of the requests/s) is noise.`,
    '',
    '| feature off | S1 CPU µs per request saved when off | S2 CPU µs per request saved when off | S1 req/s when off, share of the reference |',
    '|---|---:|---:|---:|',
    `| none: the reference, every feature on | ${us(ref.s1CpuMs)} µs per request | ${us(ref.s2CpuMs)} µs per request | ${ref.s1Rps.toFixed(0)} |`,
    ...r.rows.map((row) => `| ${row.without ? `${row.without}: ${HOW[row.without]}` : 'none: a second full gateway (the noise)'} | ${saved(row.s1, ref.s1CpuMs)} | ${saved(row.s2, ref.s2CpuMs)} | ${(100 * row.s1.rpsShare).toFixed(0)}% |`),
  ];
}
