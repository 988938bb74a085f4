/** The memory targets and section of bench/RESULTS.md, from one memory check (bench/memory.ts). */
import type { MemoryReport, MemoryRun } from './memory.js';

const line = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mb = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
/** The largest departure from the first value, as a fraction of it. */
const drift = (values: number[]) => Math.max(...values.map((v) => Math.abs(v / values[0]! - 1)));

/** The highest peak RSS of any deployed gateway: each load run's, and the soaked one's. */
const worstPeak = (m: MemoryReport) => Math.max(...m.deployed.map((r) => r.peakMb), m.soak.peakMb);
/** Each round's deployed throughput over its uncapped run's (the two ran one right after the other). */
const roundRatios = (m: MemoryReport) => m.deployed.map((r, i) => r.rps / (m.uncapped[i]?.rps ?? NaN));
const throughputRatio = (m: MemoryReport) => median(roundRatios(m));
const budgetOf = (m: MemoryReport) => /for (\d+ MB \([^)]*\))/.exec(m.heap)?.[1] ?? m.heap;

/** One PASS/FAIL line per memory target. */
export function memoryTargets(m: MemoryReport): string[] {
  const standIn = m.standIn ? `; the \`awx-graphql\` command standing in for it on Node 20 adds ${m.standIn.privateMb.toFixed(0)} MB of its own (${m.standIn.rssMb.toFixed(0)} MB RSS, the rest node's code shared with the gateway)` : '';
  const peak = worstPeak(m);
  const ratio = throughputRatio(m);
  return [
    line(peak <= 150, `gateway peak RSS ≤ 150 MB under ${m.connections} connections as \`awx-graphql start\` runs it, heap sized for ${budgetOf(m)}: ${peak.toFixed(0)} MB at most (${m.seconds} s runs ${mb(m.deployed.map((r) => r.peakMb))} MB, over the ${3 * m.soak.seconds} s soak ${m.soak.peakMb.toFixed(0)} MB)${standIn}`),
    line(ratio >= 0.9, `its throughput ≥ 90% of the same command with node's own heap sizing (MEMORY_LIMIT_MB=0): ${(100 * ratio).toFixed(0)}%, the median of ${m.deployed.length} rounds' ratios (${roundRatios(m).map((r) => r.toFixed(2)).join(', ')}; medians ${median(m.deployed.map((r) => r.rps)).toFixed(0)} vs ${median(m.uncapped.map((r) => r.rps)).toFixed(0)} requests/s)`),
    line(drift(m.soak.rssMb) <= 0.1, `RSS flat over three consecutive ${m.soak.seconds} s runs (within 10% of after the first): ${mb(m.soak.rssMb)} MB (${(100 * drift(m.soak.rssMb)).toFixed(1)}%)`),
    line(drift(m.soak.liveHeapMb) <= 0.1, `live heap (after a forced full GC) flat over the same runs: ${m.soak.liveHeapMb.map((v) => v.toFixed(1)).join(' / ')} MB (${(100 * drift(m.soak.liveHeapMb)).toFixed(1)}%)`),
  ];
}

const row = (name: string, runs: MemoryRun[], ratio: number) =>
  `| ${name} | ${median(runs.map((r) => r.peakMb)).toFixed(0)} (${mb(runs.map((r) => r.peakMb))}) | ${median(runs.map((r) => r.rps)).toFixed(0)} (${mb(runs.map((r) => r.rps))}) | ${ratio.toFixed(2)} | ${median(runs.map((r) => r.cpuMsPerRequest)).toFixed(2)} | ${runs.reduce((n, r) => n + r.errors, 0)} |`;

/** The "Memory" section's paragraphs. */
export function memorySection(m: MemoryReport): string[] {
  return [
    `S2 (50 jobs) at ${m.connections} connections for ${m.seconds} s, each run on a fresh \`node dist/src/cli.js start\` with NODE_ENV=production (what \`npx awx-graphql\` and the image run) after ${m.warmSeconds} s of the same load to warm it, in ${m.deployed.length} rounds of one run of each, alternating which goes first. The throughput ratio is the median of the rounds' own ratios. The deployed process logged: "${m.heap}". Peak RSS is VmHWM of the serving process over its life, warm-up included; CPU is its user and system time per request answered in the measured run.`,
    '',
    '| start command | peak RSS MB, median (runs) | requests/s, median (runs) | throughput ratio | CPU ms per request | errors |',
    '|---|---|---|---|---|---|',
    row('`awx-graphql start` (heap derived)', m.deployed, throughputRatio(m)),
    row('`MEMORY_LIMIT_MB=0 awx-graphql start` (node\'s own sizing)', m.uncapped, 1),
    '',
    `Soak, three consecutive ${m.soak.seconds} s runs on one deployed gateway (its inspector opened before the first, to force a full GC after each): RSS after each ${mb(m.soak.rssMb)} MB, live heap ${m.soak.liveHeapMb.map((v) => v.toFixed(1)).join(' / ')} MB, peak RSS over the soak ${m.soak.peakMb.toFixed(0)} MB.`,
    ...(m.standIn ? ['', `On Node 20 (no \`process.execve\`) the command runs the gateway as a child and stays as its stand-in: ${m.standIn.rssMb.toFixed(0)} MB RSS, of which ${m.standIn.privateMb.toFixed(0)} MB its own (anonymous); the rest is node's code, shared with the gateway. Node 22.15+ and 24 replace the process instead.`] : []),
  ];
}
