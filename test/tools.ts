/** Client tools (relay-compiler, eslint, graphql-inspector, tsc) run as their command lines, as a developer or CI runs them. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** How a tool's run ended: its exit code and everything it printed, colours removed. */
export interface ToolRun {
  code: number;
  output: string;
}

/** Runs `node_modules/.bin/<tool>` with `args` in `cwd` (the project root by default) until it exits. */
export function runTool(tool: string, args: readonly string[], cwd = root): Promise<ToolRun> {
  const bin = fileURLToPath(new URL(`../node_modules/.bin/${tool}`, import.meta.url));
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  return new Promise((resolve) => {
    // `timeout` is a guard against a hung tool, not a wait: each resolves as soon as it exits.
    execFile(bin, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

/** The line of a tool's output that says how its run ended (the last line containing `marker`). */
export function resultLine(run: ToolRun, marker: RegExp): string | undefined {
  return run.output.split('\n').filter((line) => marker.test(line)).at(-1)?.trim();
}
