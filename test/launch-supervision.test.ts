/**
 * `awx-graphql start` under supervisors: where node cannot replace itself (Node 20) the command stands in for
 * the gateway's process, and a supervisor still sees the gateway's own end (a kill for memory as the signal, or
 * as 137 from a container's PID 1), a SIGTERM sent to every process of the service stops it once and gracefully,
 * the gateway never outlives the command, and a debugger asked for reaches the gateway. On Node 22.15+ the
 * command is the gateway, and the same holds.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_VARIABLE } from '../src/launch.js';
import { heapPlan } from '../src/heap.js';
import { alive, COMMAND, killStarted, listening, nodeChildren, servingPid, startCommand } from './startCommand.js';

afterEach(killStarted);

const BUDGET = { MEMORY_LIMIT_MB: '300' };

/** A TCP port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('awx-graphql start under a supervisor', () => {
  it('ends as the gateway ended: killed for memory, the command reports SIGKILL', async () => {
    const run = startCommand(BUDGET);
    await listening(run);
    process.kill(servingPid(run.child.pid!), 'SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  // Where node replaces itself (22.15+) PID 1 is the gateway, and the container runtime reports its death.
  it.runIf(!('execve' in process))('as a container\'s PID 1 standing in for the gateway, exits 137 when the gateway is killed for memory', async () => {
    // unshare runs the command as PID 1 of a new PID namespace, as a container's entry point runs.
    const run = startCommand(BUDGET, { prefix: ['unshare', '--pid', '--fork', '--mount-proc'] });
    await listening(run);
    const [command] = await expect.poll(() => nodeChildren(run.child.pid!), { timeout: 10_000 }).toHaveLength(1).then(() => nodeChildren(run.child.pid!));
    process.kill(servingPid(command!), 'SIGKILL');
    expect(await run.exited).toEqual({ code: 137, signal: null });
  });

  it('stops once and gracefully when SIGTERM reaches the command and the gateway both (systemd, pkill)', async () => {
    const run = startCommand(BUDGET);
    await listening(run);
    for (const pid of new Set([run.child.pid!, servingPid(run.child.pid!)])) process.kill(pid, 'SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output().match(/shutting down/g)).toHaveLength(1);
    expect(run.output()).toContain('"forced":false,"msg":"stopped"');
  });

  it('never outlives a stand-in that dies while the gateway is still loading', async () => {
    // The gateway's process as the stand-in starts it, whose channel closes before the gateway listens for that.
    const plan = heapPlan({ mb: 300, source: 'MEMORY_LIMIT_MB' });
    const child = spawn(process.execPath, [...plan.nodeArgs, ...COMMAND], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', [PLAN_VARIABLE]: JSON.stringify(plan) },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const exited = once(child, 'exit');
    child.disconnect();
    await exited;
    expect(alive(child.pid!)).toBe(false);
  });

  it('gives the debugger asked for (--inspect) to the gateway, not to the command standing in for it', async () => {
    const port = await freePort();
    const run = startCommand(BUDGET, { nodeArgs: [`--inspect=127.0.0.1:${port}`] });
    await listening(run);
    expect(run.output()).not.toContain('address already in use');
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string }[];
    expect(targets.map((target) => target.url)).toEqual([expect.stringContaining('src/cli.ts')]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });
});
