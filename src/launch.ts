/**
 * `awx-graphql start` runs the gateway in a process whose V8 heap is sized for the memory it may use
 * (src/heap.ts). Heap sizes are read only when node starts, so without them on the command line the command
 * starts node again with them: in place where node can (`process.execve`, Node 22.15 and later), else as a
 * child that stands in for this process (signals forwarded, exit code and signal passed back, the same
 * stdout and stderr). An operator's own heap-size flags, or MEMORY_LIMIT_MB=0, leave node's sizing alone.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { constants } from 'node:os';
import v8 from 'node:v8';
import { heapPlan, memoryBudget, operatorHeapFlag, type HeapPlan } from './heap.js';

/** Set for the started process: the plan it runs under, so that it applies the rest and never starts again. */
export const PLAN_VARIABLE = 'AWX_GRAPHQL_HEAP_PLAN';

/** Signals a supervisor or a terminal sends that the gateway must see (the child has its own process group). */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];

/** How the heap of the serving process was sized, for the start-up log. */
export type HeapSetting = { plan: HeapPlan } | { left: string };

let setting: HeapSetting | undefined;
let servedForStandIn = false;

/** How this process's heap was sized, once `launchWithHeap` has decided (undefined when it was not called). */
export function heapSetting(): HeapSetting | undefined {
  return setting;
}

/**
 * Whether this process serves for a stand-in (Node without execve). A supervisor that signals every process
 * of the service (systemd's control-group kill mode, `pkill`) then reaches the gateway twice, directly and
 * through the stand-in: the shutdown takes a repeat that close as the same request, not a second one.
 */
export function servesForStandIn(): boolean {
  return servedForStandIn;
}

const readFile = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Serves here (`'here'`) when this process already runs with the heap it should have, or starts the
 * gateway's process and returns `'started'` (this one then only stands in for it and must not serve).
 */
export function launchWithHeap(env: NodeJS.ProcessEnv = process.env): 'here' | 'started' {
  const inherited = env[PLAN_VARIABLE];
  if (inherited !== undefined) {
    delete env[PLAN_VARIABLE];
    servePlan(JSON.parse(inherited) as HeapPlan);
    return 'here';
  }
  const own = operatorHeapFlag(process.execArgv, env.NODE_OPTIONS);
  if (own) return (setting = { left: `to the operator's ${own}` }), 'here';
  // Forked with a channel by a supervisor (PM2's fork mode): starting node again would cut the channel.
  if (process.send) return (setting = { left: 'to node (started with an IPC channel, which starting node again would cut)' }), 'here';
  const budget = memoryBudget(env, readFile);
  // MEMORY_LIMIT_MB=0 asks for node's own sizing; a bad value is reported by loadConfig, which stops the gateway.
  if (!budget) return (setting = { left: env.MEMORY_LIMIT_MB === '0' ? 'to node (MEMORY_LIMIT_MB=0)' : 'to node' }), 'here';
  const plan = heapPlan(budget, env);
  const args = [...plan.nodeArgs, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)];
  const childEnv = { ...env, ...plan.env, [PLAN_VARIABLE]: JSON.stringify(plan) };
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  if (execve) execve(process.execPath, [process.execPath, ...args], childEnv);
  standIn(args, childEnv);
  return 'started';
}

/** In the gateway's process: the flags V8 still takes at run time, and an end when the stand-in is gone. */
function servePlan(plan: HeapPlan): void {
  for (const flag of plan.runtimeFlags) v8.setFlagsFromString(flag);
  setting = { plan };
  if (process.channel) {
    // Started as a child: if the stand-in dies without passing on a signal (SIGKILL), stop as if told to.
    servedForStandIn = true;
    process.channel.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  } else if (process.send && !process.connected) {
    // The stand-in died while this process was still loading: the channel closed before anyone listened.
    servedForStandIn = true;
    process.kill(process.pid, 'SIGTERM');
  }
}

/** Node without execve: runs the gateway as a child in its own process group and mirrors its end. */
function standIn(args: string[], env: NodeJS.ProcessEnv): void {
  // The debugger asked for (--inspect) is the gateway's: this process gives up the port before starting it.
  if (inspector.url()) inspector.close();
  // Its own group, so a signal to this process's group reaches the gateway once (through us), not twice.
  const child = spawn(process.execPath, args, { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: true });
  const forward = (signal: NodeJS.Signals) => void child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  child.once('error', (error) => {
    process.stderr.write(`awx-graphql: cannot start the gateway: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.once('exit', (code, signal) => {
    for (const forwarded of FORWARDED_SIGNALS) process.off(forwarded, forward);
    // Ended by a signal: end the same way, so a supervisor sees what it would have seen without us. As a
    // container's PID 1 the kernel ignores that signal, so the exit code says it instead (137 for SIGKILL).
    if (signal) {
      process.exitCode = 128 + (constants.signals[signal] ?? 0);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
}

/** The start-up log's words for the heap setting. */
export function describeHeapSetting(value: HeapSetting): string {
  if ('left' in value) return `V8 heap sizing left ${value.left}`;
  const { budget, nodeArgs, runtimeFlags } = value.plan;
  const from = budget.source === 'default' ? 'default: no MEMORY_LIMIT_MB and no container limit' : budget.source;
  return `V8 heap sized for ${budget.mb} MB (${from}): ${[...nodeArgs, ...runtimeFlags].join(' ')}`;
}
