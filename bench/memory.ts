/** Gateway memory under 50 connections: peak RSS in one S2 run, and (BENCH_SOAK=1) RSS over three 30 s runs. */
import { memoryOf } from './processes.js';
import { dashboardQuery } from './scenarios.js';
import { cannon, SECONDS, startGateway, stop } from './setup.js';

/** Peak RSS of a fresh gateway under 50 connections, and RSS after each soak run when one was made. */
export interface MemoryReport {
  connections: number;
  seconds: number;
  peakMb: number;
  rps: number;
  soakMb?: number[];
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

/** Runs S2 at 50 connections against a fresh gateway, then the soak runs when BENCH_SOAK=1. */
export async function memoryCheck(awxUrl: string): Promise<MemoryReport> {
  const gateway = await startGateway(awxUrl);
  const pid = gateway.child.process.pid!;
  try {
    const query = dashboardQuery(50);
    const run = await cannon(gateway.url, query, 50, SECONDS);
    const report: MemoryReport = { connections: 50, seconds: SECONDS, peakMb: memoryOf(pid).peakMb, rps: run.rps };
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
