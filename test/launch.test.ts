/**
 * `awx-graphql start` as an operator runs it: the gateway serves from a process started with the heap flags
 * derived from the budget, SIGTERM (to the command or to its whole process group) still stops it gracefully
 * with exit code 0, exit codes pass through, and an operator's own heap size is kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningPort } from './processes.js';

const started: ChildProcess[] = [];
afterEach(() => started.splice(0).forEach((child) => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }));

/** Runs `awx-graphql start` (src/cli.ts) in a process group of its own, with only this environment and PATH. */
function startCommand(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/cli.ts', 'start'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null }));
  return { child, exited, output: () => output };
}

/** Whether a process runs this node binary (not, say, the esbuild service tsx starts on a cold cache). */
function runsNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === realpathSync(process.execPath);
  } catch {
    return false; // already gone
  }
}

/** The process that serves: the command's node child where node cannot replace itself (Node 20), else the command. */
function servingPid(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.find(runsNode) ?? pid;
}

const argsOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const envOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function listening(run: ReturnType<typeof startCommand>): Promise<number> {
  await expect.poll(() => listeningPort(run.output()) ?? run.child.exitCode, { timeout: 30_000, interval: 50 }).toBeTypeOf('number');
  const port = listeningPort(run.output());
  if (port === undefined) throw new Error(`the gateway did not start:\n${run.output()}`);
  return port;
}

describe('awx-graphql start', () => {
  it('serves from a process with the heap flags derived from MEMORY_LIMIT_MB, and stops with 0 on SIGTERM', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '300' });
    const port = await listening(run);
    expect(run.output()).toContain('"msg":"V8 heap sized for 300 MB (MEMORY_LIMIT_MB): --max-semi-space-size=16 --max-old-space-size=204 --heap-growing-percent=60 --liftoff-only --no-maglev"');
    const gateway = servingPid(run.child.pid!);
    expect(argsOf(gateway)).toEqual(expect.arrayContaining(['--max-semi-space-size=16', '--max-old-space-size=204', '--conditions=development']));
    expect(envOf(gateway)).toEqual(expect.arrayContaining(['MALLOC_ARENA_MAX=2', 'MALLOC_TRIM_THRESHOLD_=131072']));
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain('"forced":false,"msg":"stopped"');
    expect(alive(gateway)).toBe(false);
  }, 60_000);

  it('stops once and gracefully when its whole process group gets SIGTERM, as from a supervisor or npx', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '300' });
    await listening(run);
    process.kill(-run.child.pid!, 'SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output().match(/shutting down/g)).toHaveLength(1);
    expect(run.output()).toContain('"forced":false,"msg":"stopped"');
  }, 60_000);

  it('passes the gateway\'s exit code on: 2 for a bad configuration', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '300', PORT: 'eighty' });
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain('PORT must be an integer');
  }, 60_000);

  it('keeps an operator\'s own --max-old-space-size and serves in the process it was started as', async () => {
    const run = startCommand({ NODE_OPTIONS: '--max-old-space-size=200' });
    await listening(run);
    expect(run.output()).toContain('"msg":"V8 heap sizing left to the operator\'s --max-old-space-size=200"');
    expect(servingPid(run.child.pid!)).toBe(run.child.pid);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it.runIf(!('execve' in process))('stops the gateway when the command standing in for it is killed outright', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '300' });
    await listening(run);
    const gateway = servingPid(run.child.pid!);
    expect(gateway).not.toBe(run.child.pid);
    run.child.kill('SIGKILL');
    await expect.poll(() => alive(gateway), { timeout: 30_000, interval: 100 }).toBe(false);
    expect(run.output()).toContain('"forced":false,"msg":"stopped"');
  }, 60_000);
});
