/**
 * CPU spent per query, which decides p50 on a 2-core machine shared by the upstream, the gateway and the
 * load generator: for S2, the gateway's process CPU (from /proc) against the CPU the batching REST client
 * spends in its own process for the same page; for S1, the gateway's against the raw proxy's process.
 */
import { batchedDashboard } from './batching.js';
import { NaiveClient } from './naive.js';
import { cpuMsOf } from './processes.js';
import { dashboardQuery, S1_PATH, S1_QUERY } from './scenarios.js';
import { AUTH, runQuery, type Gateway } from './setup.js';

/** Milliseconds of CPU per query, and how many sequential queries the figures average. */
export interface CpuReport {
  queries: number;
  gatewayMs: number;
  batchingClientMs: number;
  /** S1 (one job by id): the gateway's and the raw pass-through proxy's CPU per request. */
  s1: { gatewayMs: number; proxyMs: number };
}

/** CPU ms per call of `run` in process `pid`, over `count` sequential calls. */
async function perCall(pid: number, count: number, run: () => Promise<unknown>): Promise<number> {
  const before = cpuMsOf(pid);
  for (let i = 0; i < count; i++) await run();
  return (cpuMsOf(pid) - before) / count;
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/** Runs S2 (50 jobs) and S1 `queries` times through each path, one at a time, after a warm-up. */
export async function cpuCheck(gateway: Gateway, awxUrl: string, proxy: { url: string; pid: number }, queries = 300): Promise<CpuReport> {
  const viaGateway = (query: string) => () => runQuery(gateway, query);
  const viaClient = () => batchedDashboard(new NaiveClient(awxUrl, AUTH), 50);
  const viaProxy = async () => (await fetch(`${proxy.url}${S1_PATH}`, { headers: { authorization: AUTH } })).text();
  for (let i = 0; i < 30; i++) await Promise.all([viaGateway(dashboardQuery(50))(), viaClient(), viaGateway(S1_QUERY)(), viaProxy()]);
  const pid = gateway.child.process.pid!;
  const gatewayMs = await perCall(pid, queries, viaGateway(dashboardQuery(50)));
  const clientStart = ownCpuMs();
  for (let i = 0; i < queries; i++) await viaClient();
  const batchingClientMs = (ownCpuMs() - clientStart) / queries;
  const s1 = { gatewayMs: await perCall(pid, queries, viaGateway(S1_QUERY)), proxyMs: await perCall(proxy.pid, queries, viaProxy) };
  return { queries, gatewayMs, batchingClientMs, s1 };
}
