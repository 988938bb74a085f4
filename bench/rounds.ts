/**
 * Load runs taking turns. The machine is shared (upstream, gateway, load generator and whatever else runs on
 * it), and its load changes by the second: paths measured one after another would each meet a different
 * machine. Run in short rounds, one path after the other, a busy spell falls on every path alike.
 */
import type { LoadStats } from './loop.js';
import { preciseCpuMsOf } from './processes.js';

/** The middle value (the upper middle of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds per load run (BENCH_ROUNDS, default 5): a run of N seconds becomes this many runs of N / rounds. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/**
 * Rounds of S1 (BENCH_S1_ROUNDS, default 9, of BENCH_SECONDS / BENCH_ROUNDS each): its paths answer within a few
 * percent of each other, nearer than a 2 s round on this shared machine repeats, so it takes more rounds.
 */
export const S1_ROUNDS = Number(process.env.BENCH_S1_ROUNDS ?? 9);

/**
 * The median over rounds of `a`'s requests/s over `b`'s in the same round: the two ran one after the other, so a
 * busy spell that slowed one round slowed both, where the medians of each path's rounds can come from different ones.
 */
export function pairedRpsRatio(a: LoadStats, b: LoadStats): number {
  const ratios = a.rpsByRound!.map((rps, round) => rps / b.rpsByRound![round]!);
  return median(ratios);
}

/** A load run of a path, for `seconds`. */
export type Load = (seconds: number) => Promise<LoadStats>;

/**
 * `load` with the CPU its serving process (`pid`) spends over the run, per answered request (`cpuMs`). The
 * process is under steady load for the whole run, so this is its cost per request as it serves traffic. What
 * it does just after (the log lines of the last answers) is counted: `cannon` returns half a second after the
 * run, the REST baselines' loop once its last page is read. Requests autocannon drops in flight at the end
 * are served but not answered: their CPU is counted over the answered ones (at most one per connection).
 */
export function metered(pid: number, load: Load): Load {
  return async (seconds) => {
    const before = preciseCpuMsOf(pid);
    const stats = await load(seconds);
    return { ...stats, cpuMs: (preciseCpuMsOf(pid) - before) / Math.max(1, stats.requests) };
  };
}

/**
 * Runs each load `rounds` times for `seconds` each, the loads taking turns (each round starting one further
 * along); each load's latency, throughput and CPU per request are the medians of its rounds, its errors and
 * answered requests their sums.
 */
export async function inTurns(loads: Load[], rounds: number, seconds: number): Promise<LoadStats[]> {
  const runs = loads.map((): LoadStats[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < loads.length; k++) {
      const i = (round + k) % loads.length;
      runs[i]!.push(await loads[i]!(seconds));
    }
  }
  return runs.map((stats) => ({
    p50: median(stats.map((s) => s.p50)),
    p99: median(stats.map((s) => s.p99)),
    rps: median(stats.map((s) => s.rps)),
    errors: stats.reduce((sum, s) => sum + s.errors, 0),
    requests: stats.reduce((sum, s) => sum + s.requests, 0),
    rpsByRound: stats.map((s) => s.rps),
    ...(stats.every((s) => s.cpuMs !== undefined) ? { cpuMs: median(stats.map((s) => s.cpuMs!)) } : {}),
  }));
}
