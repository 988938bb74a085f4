/** Child processes of a benchmark run: the demo upstream and the gateway, each on its own event loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A started child and how to read what it printed. */
export interface Child {
  process: ChildProcess;
  output: () => string;
}

/**
 * Starts `node <script>` (through tsx for TypeScript sources) and waits until its output matches `ready`;
 * `node` is the binary to run it with (this process's by default; another Node line for bench/nodeLines.ts),
 * `nodeArgs` flags node reads only when it starts (V8's, which NODE_OPTIONS refuses).
 */
export async function startChild(script: string, env: Record<string, string>, ready: RegExp, node = process.execPath, nodeArgs: string[] = []): Promise<Child & { match: RegExpExecArray }> {
  // TypeScript sources load the demo AWX package from its sources too (its `development` export).
  const args = [...nodeArgs, ...(script.endsWith('.js') ? [script] : ['--conditions=development', '--import', 'tsx', script])];
  const child = spawn(node, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let waited = 0; waited < 300; waited++) {
    const match = ready.exec(output);
    if (match) return { process: child, output: () => output, match };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start:\n${output}`);
}

/** Resident memory of a process now and at its peak (Linux /proc), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** User plus system CPU time a process has used so far, in ms (Linux /proc, 10 ms clock ticks). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time a process's live threads have used so far, in ms to the nanosecond (the sum of each thread's
 * /proc schedstat run time): /proc/<pid>/stat counts in 10 ms ticks, too coarse for a few hundred queries of
 * 1–2 ms. Falls back to `cpuMsOf` where the kernel gives no schedstat.
 */
export function preciseCpuMsOf(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between listing and reading: Node's threads live as long as the process, so rarely.
    }
  }
  return ns > 0 ? ns / 1e6 : cpuMsOf(pid);
}
