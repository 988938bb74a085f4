/**
 * `awx-graphql start` as an operator runs it: the gateway serves from a process started with the heap flags
 * derived from the budget, SIGTERM (to the command or to its whole process group) still stops it gracefully
 * with exit code 0, exit codes pass through, and an operator's own heap size is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alive, argsOf, envOf, killStarted, listening, servingPid, startCommand } from './startCommand.js';

afterEach(killStarted);

describe('awx-graphql start', () => {
  it('serves from a process with the heap flags derived from MEMORY_LIMIT_MB, and stops with 0 on SIGTERM', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '300' });
    const port = await listening(run);
    expect(run.output()).toContain('"msg":"V8 heap sized for 300 MB (MEMORY_LIMIT_MB): --max-semi-space-size=16 --max-old-space-size=204 --no-memory-reducer --heap-growing-percent=60 --liftoff-only --no-maglev"');
    const gateway = servingPid(run.child.pid!);
    expect(argsOf(gateway)).toEqual(expect.arrayContaining(['--max-semi-space-size=16', '--max-old-space-size=204', '--no-memory-reducer', '--conditions=development']));
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

  it('warns at start-up when the budget is below what the gateway holds under load', async () => {
    const run = startCommand({ MEMORY_LIMIT_MB: '128' });
    await listening(run);
    expect(run.output()).toMatch(/"level":40,[^\n]*"budgetMb":128,"msg":"a memory budget of 128 MB \(MEMORY_LIMIT_MB\) is below the 160 MB/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

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
