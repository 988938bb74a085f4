/** Runs per-key upstream fetches with a cap on how many are in flight at once. */

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Maps `keys` through `fetch`, at most `limit` at a time, in key order. A failing key yields its
 * Error in place (DataLoader's contract), so one bad key never fails its neighbours.
 */
export async function mapBounded<K, V>(keys: readonly K[], limit: number, fetch: (key: K) => Promise<V>): Promise<(V | Error)[]> {
  // One key (a query for one job): its fetch alone, without workers to share the keys out.
  if (keys.length === 1) {
    try {
      return [await fetch(keys[0]!)];
    } catch (error) {
      return [asError(error)];
    }
  }
  const results: (V | Error)[] = new Array(keys.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const index = next++;
      try {
        results[index] = await fetch(keys[index]!);
      } catch (error) {
        results[index] = asError(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, keys.length) }, worker));
  return results;
}
