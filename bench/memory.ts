/**
 * Memory as deployed: the gateway started by the production command (bench/deployed.ts, which sizes the heap
 * for the memory it may use) under 50 connections of S2, against the same command with MEMORY_LIMIT_MB=0
 * (node's own heap sizing), on fresh processes in alternating order; then three consecutive 30 s runs on one
 * process, with RSS and live heap after each. Alone: `npm run build && npx tsx bench/memory.ts`.
 *
 * Each fresh process is warmed before it is measured, so that the throughput compared is the one a deployed
 * gateway serves at, not its first seconds compiling the request path and growing its heap from nothing. The
 * ratio is taken per round, of two runs side by side, so that the machine's speed, which drifts over a minute on
 * shared cores, cancels; five rounds, so that one round on a busy minute does not decide it (bench/memoryFindings.ts).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { liveHeapMb, privateMb, startDeployed, stopDeployed, type DeployedGateway } from './deployed.js';
import { cpuMsOf, memoryOf } from './processes.js';
import { dashboardQuery } from './scenarios.js';
import { cannon, SECONDS, startUpstream, stop } from './setup.js';

/** One fresh gateway under 50 connections for SECONDS. */
export interface MemoryRun {
  /** VmHWM of the serving process over its life, the warm-up's load included. */
  peakMb: number;
  rps: number;
  cpuMsPerRequest: number;
  errors: number;
}

/** What the memory check measured. */
export interface MemoryReport {
  connections: number;
  seconds: number;
  /** Load on each fresh process before its measured run. */
  warmSeconds: number;
  /** The deployed gateway's start-up line on its heap, e.g. "V8 heap sized for 512 MB (default…): …". */
  heap: string;
  /** The command standing in for the serving process where node cannot replace itself (Node 20). */
  standIn?: { rssMb: number; privateMb: number };
  /** Round i's deployed and uncapped runs are deployed[i] and uncapped[i], one right after the other. */
  deployed: MemoryRun[];
  uncapped: MemoryRun[];
  soak: { seconds: number; rssMb: number[]; liveHeapMb: number[]; peakMb: number };
}

const ROUNDS = Number(process.env.BENCH_MEMORY_ROUNDS ?? 5);
/** Load on each fresh process before its measured run, at the same 50 connections. */
const WARM_SECONDS = 3;
const SOAK_SECONDS = 30;
const CONNECTIONS = 50;
const UNCAPPED = { MEMORY_LIMIT_MB: '0' };
const settle = () => new Promise((done) => setTimeout(done, 2_000));

/** Peak RSS, throughput and CPU per request of a fresh gateway (started with `env`), warmed, under 50 connections. */
async function loadRun(awxUrl: string, env: Record<string, string>, query: string): Promise<{ run: MemoryRun; gateway: DeployedGateway; standIn?: MemoryReport['standIn'] }> {
  const gateway = await startDeployed(awxUrl, env);
  try {
    await cannon(gateway.url, query, CONNECTIONS, WARM_SECONDS);
    const cpuBefore = cpuMsOf(gateway.pid);
    const stats = await cannon(gateway.url, query, CONNECTIONS, SECONDS);
    const cpuMsPerRequest = (cpuMsOf(gateway.pid) - cpuBefore) / Math.max(1, stats.rps * SECONDS);
    const standIn = gateway.standInPid ? { rssMb: memoryOf(gateway.standInPid).rssMb, privateMb: privateMb(gateway.standInPid) } : undefined;
    return { run: { peakMb: memoryOf(gateway.pid).peakMb, rps: stats.rps, cpuMsPerRequest, errors: stats.errors }, gateway, standIn };
  } finally {
    await stopDeployed(gateway);
  }
}

/** Three consecutive 30 s runs on one deployed gateway: RSS and live heap after each, and its peak RSS. */
async function soak(awxUrl: string, query: string): Promise<MemoryReport['soak']> {
  const gateway = await startDeployed(awxUrl);
  try {
    await liveHeapMb(gateway); // opens the inspector before the first run, so each measurement carries it alike
    const rssMb: number[] = [];
    const live: number[] = [];
    for (let i = 0; i < 3; i++) {
      await cannon(gateway.url, query, CONNECTIONS, SOAK_SECONDS);
      await settle();
      rssMb.push(memoryOf(gateway.pid).rssMb);
      live.push(await liveHeapMb(gateway));
    }
    return { seconds: SOAK_SECONDS, rssMb, liveHeapMb: live, peakMb: memoryOf(gateway.pid).peakMb };
  } finally {
    await stopDeployed(gateway);
  }
}

/** The memory check: ROUNDS pairs of deployed and uncapped runs (alternating which goes first), then the soak. */
export async function memoryCheck(awxUrl: string): Promise<MemoryReport> {
  const query = dashboardQuery(50);
  const deployed: MemoryRun[] = [];
  const uncapped: MemoryRun[] = [];
  let heap = '';
  let standIn: MemoryReport['standIn'];
  for (let round = 0; round < ROUNDS; round++) {
    for (const capped of round % 2 === 0 ? [true, false] : [false, true]) {
      const measured = await loadRun(awxUrl, capped ? {} : UNCAPPED, query);
      (capped ? deployed : uncapped).push(measured.run);
      if (capped) [heap, standIn] = [measured.gateway.heap, measured.standIn ?? standIn];
    }
  }
  return { connections: CONNECTIONS, seconds: SECONDS, warmSeconds: WARM_SECONDS, heap, standIn, deployed, uncapped, soak: await soak(awxUrl, query) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { memorySection, memoryTargets } = await import('./memoryReport.js');
  const upstream = await startUpstream();
  try {
    const report = await memoryCheck(upstream.url);
    process.stdout.write(`${[...memoryTargets(report), '', ...memorySection(report)].join('\n')}\n`);
  } finally {
    const exited = new Promise((done) => upstream.child.process.once('exit', done));
    stop(upstream.child);
    await exited;
  }
}
