/** The targets of the issue, checked against this run's numbers and printed as PASS/FAIL lines (not asserted). */
import type { Measured } from './scenarios.js';

/** Everything the targets are checked against. */
export interface Results {
  s1: Measured[];
  s2: Measured[];
  s4: Map<number, Measured[]>;
}

const of = (measured: Measured[], via: string) => measured.find((m) => m.via === via)!;
const line = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
const x = (n: number) => `${n.toFixed(2)}×`;

/** One PASS/FAIL line per target, each with the numbers it was decided on. */
export function checkTargets(r: Results): string[] {
  const [gw1, proxy] = [of(r.s1, 'gateway').stats, of(r.s1, 'raw undici proxy').stats];
  const [gw2, batch2, naive2] = [of(r.s2, 'gateway'), of(r.s2, 'batching REST client'), of(r.s2, 'naive REST')];
  const sizes = [...r.s4.keys()].sort((a, b) => a - b);
  const s4 = sizes.map((n) => ({ n, gw: of(r.s4.get(n)!, 'gateway') }));
  const counts = s4.map((s) => s.gw.upstream);
  const steps = s4.slice(1).map((s, i) => ({ from: s4[i]!, to: s, growth: s.gw.stats.p50 / s4[i]!.gw.stats.p50, size: s.n / s4[i]!.n }));
  const lines = [
    line(gw1.p50 <= 1.15 * proxy.p50, `S1 gateway p50 ≤ 1.15× the raw proxy: ${gw1.p50} ms vs ${proxy.p50} ms = ${x(gw1.p50 / proxy.p50)}`),
    line(gw1.rps >= 0.75 * proxy.rps, `S1 gateway throughput ≥ 75% of the raw proxy: ${gw1.rps.toFixed(0)} vs ${proxy.rps.toFixed(0)} req/s = ${(100 * gw1.rps / proxy.rps).toFixed(0)}%`),
    line(gw2.upstream <= batch2.upstream, `S2 gateway upstream requests ≤ the batching client's: ${gw2.upstream} vs ${batch2.upstream}`),
    line(gw2.stats.p50 <= 1.2 * batch2.stats.p50, `S2 gateway p50 ≤ 1.2× the batching client: ${gw2.stats.p50} ms vs ${batch2.stats.p50.toFixed(1)} ms = ${x(gw2.stats.p50 / batch2.stats.p50)}`),
    line(gw2.stats.p50 <= 0.5 * naive2.stats.p50, `S2 gateway p50 ≤ 0.5× naive: ${gw2.stats.p50} ms vs ${naive2.stats.p50.toFixed(1)} ms = ${x(gw2.stats.p50 / naive2.stats.p50)}`),
    line(new Set(counts).size === 1, `S4 gateway upstream requests constant over ${sizes.join(', ')} jobs: ${counts.join(', ')}`),
    line(steps.every((s) => s.growth <= s.size), `S4 gateway p50 grows no faster than page size: ${steps.map((s) => `${s.from.n}→${s.to.n} jobs (${x(s.size)}) p50 ${x(s.growth)}`).join('; ')}`),
  ];
  return lines;
}
