/**
 * CPU spent per query, which decides p50 on a 2-core machine shared by the upstream, the gateway and the
 * load generator: for S2, the gateway's process CPU (from /proc) against the CPU the batching REST client
 * spends in its own process (bench/restClients.ts) for the same page, less what that process spends answering
 * the request that asks for the page; for S1, the gateway's against the raw proxy's and the plain
 * Yoga server's processes; and the gateway's at 10, 50 and 200 jobs, to see how it grows with page size.
 */
import { preciseCpuMsOf } from './processes.js';
import { median } from './rounds.js';
import { dashboardQuery, S1_PATH, S1_QUERY } from './scenarios.js';
import { askRestClients, AUTH, runQuery, type Gateway } from './setup.js';

/** Milliseconds of CPU per query, and how many sequential queries the figures average. */
export interface CpuReport {
  queries: number;
  /** S2 (50 jobs) through the gateway: the median of its passes, as `batchingClientMs`. */
  gatewayMs: number;
  batchingClientMs: number;
  /**
   * The gateway's S2 CPU over the batching client's, pass by pass (the two measured in the same pass, taking
   * turns, so a pass's load falls on both), and their median: the figure target 2 is checked on.
   */
  s2Ratios: number[];
  s2Ratio: number;
  /** S1 (one job by id): the gateway's, the raw pass-through proxy's and the plain Yoga server's CPU per request. */
  s1: { gatewayMs: number; proxyMs: number; plainYogaMs: number };
  /** The gateway's CPU per dashboard query at each page size, smallest first. */
  pageSizes: { jobs: number; gatewayMs: number }[];
}

/** A server measured from outside: its process and where it answers (the gateway, plain Yoga, the proxy). */
export type Server = Gateway;

/** One path whose CPU per call is measured: how to make one call, and the CPU ms its process has used so far. */
export interface Meter {
  call: () => Promise<unknown>;
  cpuMs: () => number;
}

/** `query` through a GraphQL server (the gateway, plain Yoga), counting that server's process CPU. */
export function queryMeter(server: Server, query: string): Meter {
  const pid = server.pid;
  return { call: () => runQuery(server, query), cpuMs: () => preciseCpuMsOf(pid) };
}

/** S1's GET through the raw proxy, counting the proxy's process CPU. */
export function proxyMeter(proxy: Server): Meter {
  const pid = proxy.pid;
  return { call: async () => (await fetch(`${proxy.url}${S1_PATH}`, { headers: { authorization: AUTH } })).text(), cpuMs: () => preciseCpuMsOf(pid) };
}

/**
 * The batching REST client's S2 page (50 jobs) and an empty request, both in the REST baselines' process and
 * counting its CPU: the client's figure is the first less the second (`batchingClientMs`), what it spends
 * reading AWX, not what it spends being asked to.
 */
export function batchingClientMeters(clients: Server): [page: Meter, asked: Meter] {
  const pid = clients.pid;
  const cpuMs = () => preciseCpuMsOf(pid);
  return [
    { call: () => askRestClients(clients.url, '/run?baseline=batching-dashboard&n=50'), cpuMs },
    { call: () => askRestClients(clients.url, '/noop'), cpuMs },
  ];
}

const BLOCK = 5;
/** How long a block's process is given to finish what follows its last answer (the request log line, metrics). */
const SETTLE_MS = 5;

/**
 * CPU ms per call of each meter over `count` sequential calls each, after `warm` unmeasured ones. The machine is
 * shared, so the meters take turns in blocks of five calls, each block counted alone (with what its process
 * does just after its last answer): a busy spell falls on every meter alike, and what a process spends idle
 * while the others take their turn is not counted.
 */
export async function cpuPass(meters: Meter[], count: number, warm = 20): Promise<number[]> {
  for (const meter of meters) for (let i = 0; i < warm; i++) await meter.call();
  const spent = meters.map(() => 0);
  const rounds = Math.ceil(count / BLOCK);
  for (let round = 0; round < rounds; round++) {
    // Each round starts one meter further along, so none is always measured right after the same other.
    for (let k = 0; k < meters.length; k++) {
      const i = (round + k) % meters.length;
      const before = meters[i]!.cpuMs();
      for (let c = 0; c < BLOCK; c++) await meters[i]!.call();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      spent[i]! += meters[i]!.cpuMs() - before;
    }
  }
  return spent.map((ms) => ms / (rounds * BLOCK));
}

/**
 * `count` calls of each meter split into `passes` passes (`cpuPass`), the CPU ms per call of each meter in
 * each pass: the load other work puts on the machine changes from one pass to the next, so what is compared
 * is compared within a pass.
 */
export async function cpuPasses(meters: Meter[], count: number, passes: number): Promise<number[][]> {
  const results: number[][] = [];
  for (let p = 0; p < passes; p++) results.push(await cpuPass(meters, Math.ceil(count / passes), p === 0 ? 20 : 2));
  return results;
}

/** For each meter, the median of its passes. */
const medians = (passes: number[][]) => passes[0]!.map((_, i) => median(passes.map((pass) => pass[i]!)));

/**
 * Passes per CPU check: enough that one pass on a busy machine cannot decide a median. Five were not: the same
 * code read 1.37× and 1.51× on S2 in two runs back to back, from single passes of 1.18-1.88× (bench/analysis.ts).
 */
const PASSES = 9;

/** Runs each path `queries` times, one query at a time, the compared paths taking turns, after a warm-up. */
export async function cpuCheck(gateway: Gateway, refs: { proxy: Server; plainYoga: Server; restClients: Server }, queries = 900): Promise<CpuReport> {
  const sizes = [10, 50, 200];
  const pagePasses = await cpuPasses([...batchingClientMeters(refs.restClients), ...sizes.map((n) => queryMeter(gateway, dashboardQuery(n)))], queries, PASSES);
  const [page, asked, ...bySize] = medians(pagePasses);
  const s2Ratios = pagePasses.map(([passPage, passAsked, , passS2]) => passS2! / (passPage! - passAsked!));
  const [s1Gateway, proxyMs, plainYogaMs] = medians(await cpuPasses([queryMeter(gateway, S1_QUERY), proxyMeter(refs.proxy), queryMeter(refs.plainYoga, S1_QUERY)], queries, PASSES));
  const pageSizes = sizes.map((jobs, i) => ({ jobs, gatewayMs: bySize[i]! }));
  return {
    queries,
    gatewayMs: pageSizes[1]!.gatewayMs,
    batchingClientMs: page! - asked!,
    s2Ratios,
    s2Ratio: median(s2Ratios),
    s1: { gatewayMs: s1Gateway!, proxyMs: proxyMs!, plainYogaMs: plainYogaMs! },
    pageSizes,
  };
}
