/**
 * The gateway as the production start command runs it: `node dist/src/cli.js start` (what `npx awx-graphql`
 * and the container image run) with NODE_ENV=production, so its heap is sized by src/launch.ts. Where node
 * cannot replace itself (Node 20) the command stands in for a child that serves: measured is the child.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { startChild, type Child } from './processes.js';

/** A gateway started by the production command. */
export interface DeployedGateway {
  child: Child;
  url: string;
  /** The process that serves (the command's own, or its child on Node 20). */
  pid: number;
  /** The command's process when it only stands in for the serving one (Node 20), else undefined. */
  standInPid?: number;
  /** The start-up log's heap line, e.g. "V8 heap sized for 512 MB (default…): --max-semi-space-size=16 …". */
  heap: string;
}

const READY = /"event":"listening","port":(\d+)/;

/**
 * Starts `awx-graphql start` against `awxUrl` with NODE_ENV=production and `env` (e.g. MEMORY_LIMIT_MB), under
 * `node` (this process's Node unless another line is given).
 */
export async function startDeployed(awxUrl: string, env: Record<string, string> = {}, node?: string): Promise<DeployedGateway> {
  // --inspect-port=0: SIGUSR1 later opens the inspector on a free port (liveHeapMb), nothing before that.
  const settings = { AWX_URL: awxUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', NODE_OPTIONS: '--inspect-port=0', ...env };
  const child = await startChild('dist/src/cli.js', settings, READY, node);
  const commandPid = child.process.pid!;
  const children = readFileSync(`/proc/${commandPid}/task/${commandPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const heapLine = child.output().split('\n').find((line) => line.includes('"heap":'));
  const heap = heapLine ? (JSON.parse(heapLine) as { msg: string }).msg : 'no heap line';
  return { child, url: `http://127.0.0.1:${child.match[1]}/graphql`, pid: children[0] ?? commandPid, standInPid: children[0] ? commandPid : undefined, heap };
}

/** Stops the gateway with SIGTERM and waits until the command has exited (its output pipe is ours until then). */
export async function stopDeployed(gateway: DeployedGateway): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => gateway.child.process.once('exit', (code) => resolve(code)));
  gateway.child.process.kill('SIGTERM');
  return exited;
}

/** Resident memory a process holds privately (not shared with other node processes): anonymous pages, in MB. */
export function privateMb(pid: number): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/^Anonymous:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
}

/** One request over the inspector protocol: its result. */
function inspect(socket: WebSocket, id: number, method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== id) return;
      socket.off('message', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, params }));
  });
}

/**
 * The serving process's live heap: V8's heap in use right after a full collection, forced through the
 * inspector (opened by SIGUSR1 on the first call; it then stays open, so open it before what is compared).
 */
export async function liveHeapMb(gateway: DeployedGateway): Promise<number> {
  const listening = /Debugger listening on (ws:\/\/\S+)/;
  if (!listening.test(gateway.child.output())) process.kill(gateway.pid, 'SIGUSR1');
  for (let waited = 0; !listening.test(gateway.child.output()); waited++) {
    if (waited > 100) throw new Error('the gateway did not open its inspector');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const socket = new WebSocket(listening.exec(gateway.child.output())![1]!);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  try {
    await inspect(socket, 1, 'HeapProfiler.collectGarbage');
    const evaluated = (await inspect(socket, 2, 'Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })) as { result: { value: number } };
    return evaluated.result.value / 2 ** 20;
  } finally {
    socket.close();
  }
}
