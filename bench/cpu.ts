/**
 * CPU spent per S2 query, which decides S2's p50 on a 2-core machine shared by the upstream, the gateway
 * and the load generator: the gateway's process CPU (from /proc) against the CPU the batching REST
 * client spends in its own process for the same page, both over the same sequential run.
 */
import { batchedDashboard } from './batching.js';
import { NaiveClient } from './naive.js';
import { cpuMsOf } from './processes.js';
import { dashboardQuery } from './scenarios.js';
import { AUTH, type Gateway } from './setup.js';

/** Milliseconds of CPU per query, and how many sequential queries the figures average. */
export interface CpuReport {
  queries: number;
  gatewayMs: number;
  batchingClientMs: number;
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/** Runs S2 (50 jobs) `queries` times through each, one at a time, after a warm-up. */
export async function cpuCheck(gateway: Gateway, awxUrl: string, queries = 300): Promise<CpuReport> {
  const body = JSON.stringify({ query: dashboardQuery(50) });
  const viaGateway = async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body });
    await response.text();
  };
  const viaClient = () => batchedDashboard(new NaiveClient(awxUrl, AUTH), 50);
  for (let i = 0; i < 30; i++) await Promise.all([viaGateway(), viaClient()]);
  const pid = gateway.child.process.pid!;
  const gatewayStart = cpuMsOf(pid);
  for (let i = 0; i < queries; i++) await viaGateway();
  const gatewayMs = (cpuMsOf(pid) - gatewayStart) / queries;
  const clientStart = ownCpuMs();
  for (let i = 0; i < queries; i++) await viaClient();
  return { queries, gatewayMs, batchingClientMs: (ownCpuMs() - clientStart) / queries };
}
