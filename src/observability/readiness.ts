/** Readiness: whether AWX answers its ping, asked at most once per cache period however often probes come. */

/** How readiness asks AWX. */
export interface ReadinessOptions {
  /** How long a ping's answer is reused (READINESS_CACHE_MS); 0 asks AWX on every probe. */
  cacheMs: number;
  /** How long a ping may take before AWX counts as down (READINESS_TIMEOUT_MS). */
  timeoutMs: number;
}

/** The probe's verdict; `reason` is safe to show to anyone who can reach the probe. */
export type Readiness = { ready: true } | { ready: false; reason: string };

/** Defaults: a probe every second or two costs AWX one ping per 2 s at most. */
export const DEFAULT_READINESS: ReadinessOptions = { cacheMs: 2_000, timeoutMs: 2_000 };

/**
 * Creates the readiness check around `ping` (which rejects with a safe reason when AWX is not up).
 * Probes arriving while a ping is in flight share it, and its verdict is kept `cacheMs` after it
 * settles, so a fleet of probes never multiplies load on AWX.
 */
export function createReadinessCheck(ping: (signal: AbortSignal) => Promise<void>, options: ReadinessOptions): () => Promise<Readiness> {
  let cached: { verdict: Promise<Readiness>; expires: number } | undefined;
  return () => {
    if (cached && performance.now() < cached.expires) return cached.verdict;
    const entry = { verdict: ask(ping, options.timeoutMs), expires: Infinity };
    void entry.verdict.then(() => void (entry.expires = performance.now() + options.cacheMs));
    cached = entry;
    return entry.verdict;
  };
}

async function ask(ping: (signal: AbortSignal) => Promise<void>, timeoutMs: number): Promise<Readiness> {
  try {
    await ping(AbortSignal.timeout(timeoutMs));
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : 'AWX ping failed' };
  }
}

/** The HTTP answer of `/readiness`: 200 when ready, 503 with the reason otherwise. */
export function readinessAnswer(verdict: Readiness): { status: number; body: Record<string, string> } {
  return verdict.ready
    ? { status: 200, body: { status: 'ready' } }
    : { status: 503, body: { status: 'unavailable', reason: verdict.reason } };
}
