/**
 * The cross-request cache (src/cache/): two workloads over finished jobs with CACHE=memory against no cache,
 * and two replicas sharing Redis, where the second replica's first query should be served from Redis.
 * - S2 over finished jobs: the dashboard page. Its list and its users, templates and labels are mutable AWX
 *   objects, which the cache must not hold, so it is not expected to gain.
 * - Finished jobs by reference: what a supergraph asks when another subgraph holds workflow job ids
 *   (`_entities`), with each job's node graph and spawned job statuses: all immutable once finished.
 */
import { existsSync } from 'node:fs';
import { dashboardQuery } from './scenarios.js';
import { AUTH, cannon, probe, startGateway, stop, type Gateway } from './setup.js';

const FINISHED = dashboardQuery(50, 'filter: { status: [SUCCESSFUL, FAILED] }');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One workload measured with and without the cache. */
export interface CacheWorkload {
  name: string;
  off: CacheRun;
  memory: CacheRun;
}

/** What the cache section found; `unavailable` says why nothing was measured. */
export type CacheReport =
  | { unavailable: string }
  | { workloads: CacheWorkload[]; redisSecondReplicaFirstQuery: number; redisFirstReplicaFirstQuery: number };

/** Upstream requests of a cold and a repeated query, and p50 under load, for one cache setting. */
export interface CacheRun {
  coldUpstream: number;
  warmUpstream: number;
  p50: number;
  rps: number;
}

/** `_entities` for the first 50 finished workflow jobs, with their node graphs and spawned jobs' statuses. */
async function byReferenceQuery(gateway: Gateway): Promise<string> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH },
    body: JSON.stringify({ query: '{ workflowJobs(first: 50, filter: { status: [SUCCESSFUL, FAILED] }) { nodes { id } } }' }),
  });
  const body = (await response.json()) as { data: { workflowJobs: { nodes: { id: string }[] } } };
  const representations = body.data.workflowJobs.nodes.map(({ id }) => `{ __typename: "WorkflowJob", id: "${id}" }`);
  return `{ _entities(representations: [${representations.join(', ')}]) { ... on WorkflowJob { id status elapsed related { workflowNodes { nodes { identifier job { __typename status } } } } } } }`;
}

async function measure(gateway: Gateway, query: string): Promise<CacheRun> {
  const coldUpstream = await probe(gateway, query);
  const warmUpstream = await probe(gateway, query);
  const stats = await cannon(gateway.url, query);
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

/** Both workloads on a gateway with CACHE=memory and on `off`, each cache run on a fresh gateway. */
async function workloads(awxUrl: string, off: Gateway): Promise<CacheWorkload[] | string> {
  const queries = [
    { name: 'S2 dashboard, 50 finished jobs', query: FINISHED },
    { name: '50 finished jobs by reference (`_entities`) with node graphs', query: await byReferenceQuery(off) },
  ];
  const results: CacheWorkload[] = [];
  for (const { name, query } of queries) {
    const memory = await tryGateway(awxUrl, { CACHE: 'memory' });
    if (!memory) return 'the gateway does not start with CACHE=memory';
    try {
      results.push({ name, memory: await measure(memory, query), off: await measure(off, query) });
    } finally {
      stop(memory.child);
    }
  }
  return results;
}

/** Measures the cache against `off` (a running gateway without cache), or says why it cannot. */
export async function cacheCheck(awxUrl: string, off: Gateway): Promise<CacheReport> {
  if (!existsSync(new URL('../src/cache/', import.meta.url))) return { unavailable: 'src/cache/ does not exist' };
  const measured = await workloads(awxUrl, off);
  if (typeof measured === 'string') return { unavailable: measured };
  const [a, b] = [await tryGateway(awxUrl, { CACHE: 'redis', REDIS_URL }), await tryGateway(awxUrl, { CACHE: 'redis', REDIS_URL })];
  try {
    if (!a || !b) return { unavailable: `the gateway does not start with CACHE=redis REDIS_URL=${REDIS_URL}` };
    const reference = await byReferenceQuery(a);
    const first = await probe(a, reference);
    const second = await probe(b, reference);
    return { workloads: measured, redisFirstReplicaFirstQuery: first, redisSecondReplicaFirstQuery: second };
  } finally {
    for (const g of [a, b]) if (g) stop(g.child);
  }
}
