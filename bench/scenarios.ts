/** S1–S4: each query through the gateway and through its REST baselines, under the same load, taking turns (bench/rounds.ts). */
import type { LoadStats } from './loop.js';
import type { BASELINES } from './restClients.js';
import { inTurns, metered, ROUNDS, S1_ROUNDS, type Load } from './rounds.js';
import { askRestClients, cannon, CONNECTIONS, probe, SECONDS, warmUp, type Gateway } from './setup.js';

/** One path measured: how many upstream requests one query costs, and how it behaves under load. */
export interface Measured {
  via: string;
  upstream: number;
  stats: LoadStats;
}

/** The run's processes and where they listen. */
export interface Targets {
  gateway: Gateway;
  awxUrl: string;
  /** bench/proxy.ts, the raw pass-through proxy. */
  proxy: Gateway;
  /** bench/plainYoga.ts; its URL is its GraphQL endpoint. */
  plainYoga: Gateway;
  /** bench/restClients.ts: where the REST baselines run, in a process of their own. */
  restClients: Gateway;
}

const pid = (server: Gateway) => server.pid;

/** A REST baseline: its name in bench/restClients.ts and the page size it reads. */
interface Baseline {
  via: string;
  name: keyof typeof BASELINES;
  n: number;
}

export const S1_QUERY = '{ workflowJob(id: 1) { id name status failed started finished elapsed launchedBy { name } summaryFields { workflowJobTemplate { name } } } }';
export const S1_PATH = '/api/v2/workflow_jobs/1/';

/** The S2 dashboard query for `n` jobs, optionally filtered (GraphQL arguments without braces). */
export function dashboardQuery(n: number, filter = ''): string {
  return `{ workflowJobs(first: ${n}${filter ? `, ${filter}` : ''}) { nodes { id name status related { workflowJobTemplate { name modified } createdBy { username email } inventory { name totalHosts } labels { nodes { name } } } } } }`;
}

const S3_QUERY = '{ workflowJobs(first: 20) { nodes { id related { workflowNodes { nodes { identifier job { __typename status } successNodes { identifier } } } } } } }';

/**
 * Measures the gateway with autocannon and each baseline with the load loop in the baselines' own process, at
 * the same concurrency, taking turns.
 */
async function compare(t: Targets, query: string, baselines: Baseline[]): Promise<Measured[]> {
  const upstream = [await probe(t.gateway, query)];
  for (const { name, n } of baselines) upstream.push((await askRestClients<{ calls: number }>(t.restClients.url, `/run?baseline=${name}&n=${n}`)).calls);
  const loadOf = ({ name, n }: Baseline): Load => metered(pid(t.restClients), (seconds) =>
    askRestClients<LoadStats>(t.restClients.url, `/load?baseline=${name}&n=${n}&connections=${CONNECTIONS}&seconds=${seconds}`));
  const loads: Load[] = [metered(pid(t.gateway), (seconds) => cannon(t.gateway.url, query, CONNECTIONS, seconds)), ...baselines.map(loadOf)];
  const stats = await inTurns(loads, ROUNDS, SECONDS / ROUNDS);
  return ['gateway', ...baselines.map((b) => b.via)].map((via, i) => ({ via, upstream: upstream[i]!, stats: stats[i]! }));
}

/** How long each path is warmed before anything is measured (s). */
const WARM_SECONDS = 2;

/**
 * Warms every compared path alike before anything is measured: the gateway on S1 and S2, plain Yoga on S1, the
 * raw proxy on S1's GET and the batching client on S2's page. A path measured cold spends its first rounds
 * compiling its own code, and would be compared slower than it runs.
 */
export async function warmUpPaths(t: Omit<Targets, 'awxUrl'>): Promise<void> {
  await warmUp(t.gateway, S1_QUERY);
  await warmUp(t.gateway, dashboardQuery(50));
  await warmUp(t.plainYoga, S1_QUERY);
  await cannon(`${t.proxy.url}${S1_PATH}`, undefined, CONNECTIONS, WARM_SECONDS);
  await askRestClients<LoadStats>(t.restClients.url, `/load?baseline=batching-dashboard&n=50&connections=${CONNECTIONS}&seconds=${WARM_SECONDS}`);
}

/** The S1 row of the plain Yoga baseline: same query, same JSON, one AWX request by construction. */
export const PLAIN_YOGA = 'plain Yoga server, no plugins';

/** S1: one workflow job by id, via the gateway, plain Yoga, a direct REST GET and the raw pass-through proxy, taking turns. */
export async function s1(t: Targets): Promise<Measured[]> {
  const upstream = await probe(t.gateway, S1_QUERY);
  const stats = await inTurns([
    metered(pid(t.gateway), (seconds) => cannon(t.gateway.url, S1_QUERY, CONNECTIONS, seconds)),
    metered(pid(t.plainYoga), (seconds) => cannon(t.plainYoga.url, S1_QUERY, CONNECTIONS, seconds)),
    (seconds) => cannon(`${t.awxUrl}${S1_PATH}`, undefined, CONNECTIONS, seconds),
    metered(pid(t.proxy), (seconds) => cannon(`${t.proxy.url}${S1_PATH}`, undefined, CONNECTIONS, seconds)),
  ], S1_ROUNDS, SECONDS / ROUNDS);
  return [
    { via: 'gateway', upstream, stats: stats[0]! },
    { via: PLAIN_YOGA, upstream: 1, stats: stats[1]! },
    { via: 'direct REST', upstream: 1, stats: stats[2]! },
    { via: 'raw undici proxy', upstream: 1, stats: stats[3]! },
  ];
}

/** S2 (and S4): a dashboard page of `n` jobs with template, creator, inventory and labels. */
export function s2(t: Targets, n: number): Promise<Measured[]> {
  return compare(t, dashboardQuery(n), [
    { via: 'batching REST client', name: 'batching-dashboard', n },
    { via: 'naive REST', name: 'naive-dashboard', n },
  ]);
}

/** S3: the node graphs of 20 workflow jobs with each node's spawned job status. */
export function s3(t: Targets): Promise<Measured[]> {
  return compare(t, S3_QUERY, [
    { via: 'batching REST client', name: 'batching-graphs', n: 20 },
    { via: 'naive REST', name: 'naive-graphs', n: 20 },
  ]);
}

/** Table rows for one scenario, each path's p50 and throughput relative to the first baseline named. */
export function rows(name: string, measured: Measured[], reference: string): string[] {
  const ref = measured.find((m) => m.via === reference)!.stats;
  return measured.map(({ via, upstream, stats: s }) => {
    const ratio = via === reference ? '1.00× / 1.00×' : `${(s.p50 / ref.p50).toFixed(2)}× / ${(s.rps / ref.rps).toFixed(2)}×`;
    const cpu = s.cpuMs === undefined ? '—' : s.cpuMs.toFixed(2);
    return `| ${name} | ${via} | ${upstream} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.rps.toFixed(0)} | ${ratio} | ${cpu} | ${s.errors} |`;
  });
}

/** Runs S1, S2 and S4 at `sizes` (S2 is the 50-job page), and S3 unless told not to; returns results and table rows. */
export async function measureScenarios(t: Targets, sizes = [10, 50, 200], withS3 = true) {
  const s1Results = await s1(t);
  const s4 = new Map<number, Measured[]>();
  for (const n of sizes) s4.set(n, await s2(t, n));
  const s3Results = withS3 ? await s3(t) : [];
  const table = [
    ...rows('S1 one workflow job by id', s1Results, 'raw undici proxy'),
    ...rows('S2 dashboard, 50 jobs', s4.get(50)!, 'batching REST client'),
    ...(withS3 ? rows('S3 node graphs of 20 jobs', s3Results, 'batching REST client') : []),
    ...sizes.filter((n) => n !== 50).flatMap((n) => rows(`S4 dashboard, ${n} jobs`, s4.get(n)!, 'batching REST client')),
  ];
  return { s1: s1Results, s2: s4.get(50)!, s4, table };
}
