/** The gateway's entry point (src/main.ts) run as a process, as `npm start` runs it: started, read, stopped. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, expect } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill('SIGKILL')));

/** A running gateway process. */
export interface MainProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
}

/** The port of the structured `{ "event": "listening", "port": … }` line src/app.ts logs once bound. */
export function listeningPort(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('"event":"listening"')) continue;
    const port = (JSON.parse(line) as { port?: unknown }).port;
    if (typeof port === 'number') return port;
  }
  return undefined;
}

/**
 * Starts src/main.ts with only this environment (PATH, PORT=0, HOST=127.0.0.1 and `env`) and waits for its
 * listening line and, when given, for `ready` to hold of its output; killed after the test.
 */
export async function startMain(env: Record<string, string>, ready: (output: string) => boolean = () => true): Promise<MainProcess> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  await expect.poll(() => child.exitCode !== null || (listeningPort(output) !== undefined && ready(output)), { timeout: 20_000, interval: 50 }).toBe(true);
  const port = listeningPort(output);
  if (port === undefined || child.exitCode !== null) throw new Error(`gateway did not start:\n${output}`);
  return { child, port, base: `http://127.0.0.1:${port}`, exited, output: () => output };
}

/** Runs src/main.ts with only this environment (and PATH) until it exits: its exit code and standard error. */
export async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stderr };
}
