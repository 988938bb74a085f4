/** Child processes of a benchmark run: the demo upstream and the gateway, each on its own event loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A started child and how to read what it printed. */
export interface Child {
  process: ChildProcess;
  output: () => string;
}

/** Starts `node <script>` (through tsx for TypeScript sources) and waits until its output matches `ready`. */
export async function startChild(script: string, env: Record<string, string>, ready: RegExp): Promise<Child & { match: RegExpExecArray }> {
  // TypeScript sources load the demo AWX package from its sources too (its `development` export).
  const args = script.endsWith('.js') ? [script] : ['--conditions=development', '--import', 'tsx', script];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
