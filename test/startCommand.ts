/** `awx-graphql start` (src/cli.ts) run as an operator runs it, and what the tests read of its processes from /proc. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { expect } from 'vitest';
import { listeningPort } from './processes.js';

const started: ChildProcess[] = [];

/** For afterEach: kills every process group a test started (each command runs in a group of its own). */
export function killStarted(): void {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** The command's node arguments: the TypeScript sources, as `npm start` runs them. */
export const COMMAND = ['--conditions=development', '--import', 'tsx', 'src/cli.ts', 'start'];

/**
 * Runs `prefix… node COMMAND` (prefix: e.g. `unshare …`, else node directly) in a process group of its own,
 * with only this environment and PATH.
 */
export function startCommand(env: Record<string, string>, options: { prefix?: string[]; nodeArgs?: string[]; stdio?: SpawnOptions['stdio'] } = {}) {
  const [file, ...args] = [...(options.prefix ?? []), process.execPath, ...(options.nodeArgs ?? []), ...COMMAND];
  const child = spawn(file!, args, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'], detached: true,
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null }));
  return { child, exited, output: () => output };
}

export type Command = ReturnType<typeof startCommand>;

/** Whether a process runs this node binary (not, say, the esbuild service tsx starts on a cold cache). */
function runsNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === realpathSync(process.execPath);
  } catch {
    return false; // already gone
  }
}

/** The node processes `pid` started. */
export function nodeChildren(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number).filter(runsNode);
}

/** The process that serves: the command's node child where node cannot replace itself (Node 20), else the command. */
export function servingPid(pid: number): number {
  return nodeChildren(pid)[0] ?? pid;
}

export const argsOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
export const envOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until the gateway listens, and gives its port (fails with its output when it exits first). */
export async function listening(run: Command): Promise<number> {
  await expect.poll(() => listeningPort(run.output()) ?? run.child.exitCode, { timeout: 30_000, interval: 50 }).toBeTypeOf('number');
  const port = listeningPort(run.output());
  if (port === undefined) throw new Error(`the gateway did not start:\n${run.output()}`);
  return port;
}
