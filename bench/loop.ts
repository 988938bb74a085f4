/** A load loop for the REST baselines: the same concurrency and duration as autocannon, for any async task. */

/** Latency percentiles (ms), throughput and errors of a load run; the shape every bench row uses. */
export interface LoadStats {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** Requests answered over the run (what `rps` averages). */
  requests: number;
  /**
   * CPU ms the serving process spent per answered request over the run, when it was metered (`metered` in
   * bench/rounds.ts): its whole CPU while under load, so nothing it does between requests is left out.
   */
  cpuMs?: number;
  /** Requests/s of each round, in order, when the run took turns with others (`inTurns` in bench/rounds.ts). */
  rpsByRound?: number[];
}

/** Runs `task` from `connections` concurrent workers for `seconds`, timing every call. */
export async function loop(task: () => Promise<unknown>, connections: number, seconds: number): Promise<LoadStats> {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await task();
        times.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1_000;
  return { ...percentiles(times), rps: times.length / elapsed, errors, requests: times.length };
}

/** The p50 and p99 of latencies (ms) as measured, to the microsecond: no histogram rounds them to whole ms. */
export function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}
