/** The report section and targets of the attack and partial-failure checks (bench/slowClients.ts, bench/partialFailure.ts). */
import type { PartialFailureReport } from './partialFailure.js';
import type { SlowClientsReport } from './slowClients.js';

/** What both checks saw; null when BENCH_SKIP_LOAD skipped them. */
export interface AttackResults {
  slow: SlowClientsReport;
  partial: PartialFailureReport;
}

const line = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** One PASS/FAIL line per target of the checks. */
export function attackTargets(r: AttackResults | null): string[] {
  if (!r) return ['- not checked: slow clients and partial AWX failure (BENCH_SKIP_LOAD)'];
  const { slow, partial } = r;
  const gap = partial.answered.noBreaker - partial.answered.gateway;
  return [
    line(gap <= 0.1, `under 30% 500s + 10% resets, queries answered within 10 points of a client with the same retries and no breaker: ${pct(partial.answered.gateway)} vs ${pct(partial.answered.noBreaker)}`),
    line(!partial.breakerOpenedUnderFaults, `the breaker stays closed while AWX answers most calls: ${partial.breakerOpenedUnderFaults ? 'it opened' : 'it never opened'}`),
    line(partial.recovery.probeToFirstSuccessMs <= 1_000 && partial.recovery.failuresAfterProbe === 0, `after AWX heals, the first query succeeds within 1 s of the next probe: ${ms(partial.recovery.probeToFirstSuccessMs)}, ${partial.recovery.failuresAfterProbe} failures after the probe`),
    line(slow.attacked.p99 < 100, `a normal query's p99 under 16 slow uploads and 1,000 slowloris sockets < 100 ms: ${ms(slow.attacked.p99)} (${(slow.attacked.p99 / slow.quiet.p99).toFixed(2)}× its p99 before the attack, ${ms(slow.quiet.p99)})`),
  ];
}

/** The section of bench/RESULTS.md. */
export function attackSection(r: AttackResults | null): string[] {
  if (!r) return ['Skipped (BENCH_SKIP_LOAD).'];
  const { slow, partial } = r;
  const rec = partial.recovery;
  return [
    `**Slow clients.** ${slow.queries} normal queries (one job by id), one after another, before and while ${slow.attackers.uploads} uploads (\`Content-Length: 100000\`, one byte every 5 s) and ${slow.attackers.slowloris} slowloris sockets (headers, one byte every 5 s) hold connections:`,
    '',
    '| phase | p50 ms | p99 ms |',
    '|---|---|---|',
    `| before the attack | ${slow.quiet.p50.toFixed(1)} | ${slow.quiet.p99.toFixed(1)} |`,
    `| under attack | ${slow.attacked.p50.toFixed(1)} | ${slow.attacked.p99.toFixed(1)} |`,
    '',
    `The gateway closed ${slow.attackers.closedByGateway} of the ${slow.attackers.uploads + slow.attackers.slowloris} attacking sockets (408, HEADERS_TIMEOUT_MS and BODY_TIMEOUT_MS of 10 s). Gateway RSS ${slow.rssMb.before.toFixed(0)} MB before, peak (VmHWM) ${slow.rssMb.peak.toFixed(0)} MB.`,
    '',
    `**Partial AWX failure.** ${partial.queries} single-job queries, 8 at a time, with 30% of AWX's answers 500 and 10% connection resets: the gateway answered ${pct(partial.answered.gateway)} with their job, the same gateway with its breaker off (a client with the same retries and no breaker) ${pct(partial.answered.noBreaker)}; the breaker ${partial.breakerOpenedUnderFaults ? 'opened' : 'never opened'}.`,
    '',
    `**Recovery.** AWX down (every connection reset) until the breaker opened, then healed, with a query every 100 ms: the first succeeded ${ms(rec.healToFirstSuccessMs)} after AWX healed (the cool-down is ${rec.cooldownMs} ms) and ${ms(rec.probeToFirstSuccessMs)} after the breaker let its next probe through; ${rec.failuresAfterProbe} queries failed after the probe.`,
  ];
}
