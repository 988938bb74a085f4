/** Gateway memory under 50 connections: peak RSS in one S2 run, and (BENCH_SOAK=1) RSS over three 30 s runs. */
import { cpuMsOf, memoryOf } from './processes.js';
import { dashboardQuery } from './scenarios.js';
import { cannon, runQuery, SECONDS, startGateway, stop, type Gateway } from './setup.js';

/** Peak RSS of a fresh gateway under 50 connections, and RSS after each soak run when one was made. */
export interface MemoryReport {
  connections: number;
  seconds: number;
  peakMb: number;
  rps: number;
  soakMb?: number[];
  /** The same run with V8's heap capped (CONSTRAINED_HEAP), for deployments that trade CPU for memory. */
  constrained: { nodeOptions: string; peakMb: number; rps: number; cpuMsPerQuery: number; defaultCpuMsPerQuery: number };
}

/** V8 flags that keep the gateway's heap small: old space capped at 96 MB (live data after a full GC is ~35 MB), 8 MB semi-spaces. */
export const CONSTRAINED_HEAP = '--max-old-space-size=96 --max-semi-space-size=8';

/** CPU ms the gateway spends per S2 query over 200 sequential queries (after 30 to warm up). */
async function cpuPerQuery(gateway: Gateway, query: string): Promise<number> {
  for (let i = 0; i < 30; i++) await runQuery(gateway, query);
  const before = cpuMsOf(gateway.child.process.pid!);
  for (let i = 0; i < 200; i++) await runQuery(gateway, query);
  return (cpuMsOf(gateway.child.process.pid!) - before) / 200;
}

/** Peak RSS and throughput at 50 connections, then CPU per query, of a fresh gateway started with `env`. */
async function underLoad(awxUrl: string, env: Record<string, string>) {
  const gateway = await startGateway(awxUrl, env);
  try {
    const run = await cannon(gateway.url, dashboardQuery(50), 50, SECONDS);
    const peakMb = memoryOf(gateway.child.process.pid!).peakMb;
    return { peakMb, rps: run.rps, cpuMsPerQuery: await cpuPerQuery(gateway, dashboardQuery(50)) };
  } finally {
    stop(gateway.child);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

/** Runs S2 at 50 connections against a fresh gateway, then the soak runs when BENCH_SOAK=1. */
export async function memoryCheck(awxUrl: string): Promise<MemoryReport> {
  const gateway = await startGateway(awxUrl);
  const pid = gateway.child.process.pid!;
  try {
    const query = dashboardQuery(50);
    const run = await cannon(gateway.url, query, 50, SECONDS);
    const peakMb = memoryOf(pid).peakMb;
    const defaultCpu = await cpuPerQuery(gateway, query);
    const capped = await underLoad(awxUrl, { NODE_OPTIONS: CONSTRAINED_HEAP });
    const constrained = { nodeOptions: CONSTRAINED_HEAP, peakMb: capped.peakMb, rps: capped.rps, cpuMsPerQuery: capped.cpuMsPerQuery, defaultCpuMsPerQuery: defaultCpu };
    const report: MemoryReport = { connections: 50, seconds: SECONDS, peakMb, rps: run.rps, constrained };
    if (process.env.BENCH_SOAK === '1') {
      report.soakMb = [];
      for (let i = 0; i < 3; i++) {
        await cannon(gateway.url, query, 50, 30);
        await settle();
        report.soakMb.push(memoryOf(pid).rssMb);
      }
    }
    return report;
  } finally {
    stop(gateway.child);
  }
}
