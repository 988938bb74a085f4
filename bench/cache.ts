/**
 * The response cache (src/cache/), when it is there: S2 over finished jobs with CACHE=memory against no cache,
 * and two replicas sharing Redis, where the second replica's first query should be served from Redis.
 */
import { existsSync } from 'node:fs';
import { dashboardQuery } from './scenarios.js';
import { cannon, probe, startGateway, stop, type Gateway } from './setup.js';

const FINISHED = dashboardQuery(50, 'filter: { status: [SUCCESSFUL, FAILED] }');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** What the cache section found; `unavailable` says why nothing was measured. */
export type CacheReport =
  | { unavailable: string }
  | { off: CacheRun; memory: CacheRun; redisSecondReplicaFirstQuery: number; redisFirstReplicaFirstQuery: number };

/** Upstream requests of a cold and a repeated query, and p50 under load, for one cache setting. */
export interface CacheRun {
  coldUpstream: number;
  warmUpstream: number;
  p50: number;
  rps: number;
}

async function measure(gateway: Gateway): Promise<CacheRun> {
  const coldUpstream = await probe(gateway, FINISHED);
  const warmUpstream = await probe(gateway, FINISHED);
  const stats = await cannon(gateway.url, FINISHED);
  return { coldUpstream, warmUpstream, p50: stats.p50, rps: stats.rps };
}

/** Starts a gateway with `env`; `null` when it does not start (the cache setting is not understood). */
async function tryGateway(awxUrl: string, env: Record<string, string>): Promise<Gateway | null> {
  try {
    return await startGateway(awxUrl, env);
  } catch {
    return null;
  }
}

/** Measures the cache against `off` (a running gateway without cache), or says why it cannot. */
export async function cacheCheck(awxUrl: string, off: Gateway): Promise<CacheReport> {
  if (!existsSync(new URL('../src/cache/', import.meta.url))) return { unavailable: 'src/cache/ does not exist' };
  const memory = await tryGateway(awxUrl, { CACHE: 'memory' });
  if (!memory) return { unavailable: 'the gateway does not start with CACHE=memory' };
  let memoryRun: CacheRun;
  try {
    memoryRun = await measure(memory);
  } finally {
    stop(memory.child);
  }
  const offRun = await measure(off);
  const [a, b] = [await tryGateway(awxUrl, { CACHE: 'redis', REDIS_URL }), await tryGateway(awxUrl, { CACHE: 'redis', REDIS_URL })];
  try {
    if (!a || !b) return { unavailable: `the gateway does not start with CACHE=redis REDIS_URL=${REDIS_URL}` };
    const first = await probe(a, FINISHED);
    const second = await probe(b, FINISHED);
    return { off: offRun, memory: memoryRun, redisFirstReplicaFirstQuery: first, redisSecondReplicaFirstQuery: second };
  } finally {
    for (const g of [a, b]) if (g) stop(g.child);
  }
}
