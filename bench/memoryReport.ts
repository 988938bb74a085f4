/** The memory targets and section of bench/RESULTS.md, from one memory check. */
import type { MemoryReport } from './memory.js';

const line = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
const x = (n: number) => `${n.toFixed(2)}×`;

/** One PASS/FAIL line per memory target. */
export function memoryTargets(m: MemoryReport): string[] {
  const lines = [
    line(m.peakMb <= 150, `gateway peak RSS ≤ 150 MB under 50 connections: ${m.peakMb.toFixed(0)} MB`),
    line(m.constrained.peakMb <= 150, `with NODE_OPTIONS="${m.constrained.nodeOptions}", gateway peak RSS ≤ 150 MB under 50 connections: ${m.constrained.peakMb.toFixed(0)} MB (CPU per query ${x(m.constrained.cpuMsPerQuery / m.constrained.defaultCpuMsPerQuery)} the default's)`),
  ];
  const soak = m.soakMb;
  if (soak) {
    const drift = soak[2]! / soak[0]! - 1;
    lines.push(line(Math.abs(drift) <= 0.1, `RSS after three 30 s runs within 10% of after the first: ${soak.map((mb) => mb.toFixed(0)).join(' / ')} MB (${(100 * drift).toFixed(1)}%)`));
  } else {
    lines.push('- not checked: RSS after three consecutive 30 s runs (run with BENCH_SOAK=1; takes 90 s more)');
  }
  return lines;
}

/** The "Memory" section's paragraphs. */
export function memorySection(m: MemoryReport): string[] {
  const soak = m.soakMb ? `RSS after each of three consecutive 30 s runs: ${m.soakMb.map((mb) => mb.toFixed(0)).join(' / ')} MB.` : 'Soak (three consecutive 30 s runs) not run: set BENCH_SOAK=1.';
  const c = m.constrained;
  return [
    `S2 (50 jobs) for ${m.seconds} s at ${m.connections} connections against a fresh gateway: ${m.rps.toFixed(0)} requests/s, peak RSS (VmHWM) ${m.peakMb.toFixed(0)} MB; ${c.defaultCpuMsPerQuery.toFixed(1)} ms of CPU per query afterwards.`,
    '',
    `The same with \`NODE_OPTIONS="${c.nodeOptions}"\`: ${c.rps.toFixed(0)} requests/s, peak RSS ${c.peakMb.toFixed(0)} MB, ${c.cpuMsPerQuery.toFixed(1)} ms of CPU per query (${(c.cpuMsPerQuery / c.defaultCpuMsPerQuery).toFixed(2)}× the default's).`,
    '',
    soak,
  ];
}
