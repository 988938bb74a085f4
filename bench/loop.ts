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
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), rps: times.length / elapsed, errors, requests: times.length };
}
