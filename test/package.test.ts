/**
 * The package as `npm pack` builds it (its prepack compiles), installed in an empty folder as an operator would:
 * `npx awx-graphql` runs the compiled gateway with no developer tools, `--help` lists the settings, `doctor` checks;
 * and as an application depends on it: the client schema and possibleTypes are exported.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startDemoAwx } from '@awx-graphql/demo-awx';
import { SETTINGS } from '../src/settings.js';
import { listeningPort } from './processes.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
// npm's own variables from an enclosing `npm test` (its prefix, the script's package) would steer the inner npm.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || /^npm_config_cache$/i.test(name)));

/** Runs a command to its end: exit code and what it printed. */
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stdout, stderr };
}

let folder = '';
let app = '';
const groups: number[] = [];
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'awx-graphql-package-'));
  const packed = await run('npm', ['pack', '--pack-destination', folder], REPO);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'))!;
  app = join(folder, 'app');
  mkdirSync(app);
  const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(folder, tarball)], app);
  expect(installed.code, installed.stderr).toBe(0);
}, 300_000);
// npx runs the command through a shell: the gateway is stopped with its whole process group.
afterEach(() => groups.splice(0).forEach((group) => { try { process.kill(-group, 'SIGKILL'); } catch { /* already gone */ } }));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the packed package, installed in an empty folder', () => {
  it('holds compiled JavaScript and the embedded demo, and brings no developer tools', () => {
    const pkg = join(app, 'node_modules', 'awx-graphql');
    expect(existsSync(join(pkg, 'dist/src/cli.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist/schema/workflow_job.graphql'))).toBe(true);
    expect(existsSync(join(pkg, 'node_modules/@awx-graphql/demo-awx/dist/index.js'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'dist/src/tools'))).toBe(false);
    expect(readdirSync(join(pkg, 'dist/src'), { recursive: true }).filter((f) => /\.ts$|\.map$/.test(String(f)))).toEqual([]);
    for (const tool of ['tsx', 'typescript', 'vitest', '@graphql-codegen/cli']) expect(existsSync(join(app, 'node_modules', tool)), tool).toBe(false);
  });

  it('exports the client schema and possibleTypes to the applications that depend on it', async () => {
    const pkg = join(app, 'node_modules', 'awx-graphql');
    expect(existsSync(join(pkg, 'schema.client.graphql'))).toBe(true);
    const script = "import t from 'awx-graphql/possible-types.json' with { type: 'json' }; console.log(Object.keys(t.possibleTypes).join(' '))";
    const { code, stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], app);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'Node UnifiedJob UnifiedJobTemplate\n', stderr: '' });
  });

  it('`npx awx-graphql --help` lists the commands and every setting', async () => {
    const { code, stdout } = await run('npx', ['awx-graphql', '--help'], app);
    expect(code).toBe(0);
    expect(stdout).toContain('awx-graphql doctor [options]');
    for (const { group, settings } of SETTINGS) {
      expect(stdout).toContain(`\n${group}:\n`);
      for (const s of settings) expect(stdout).toContain(`\n  ${s.variable}\n      ${s.summary}; default ${s.default}\n`);
    }
  }, 60_000);

  it('`npx awx-graphql` serves the embedded demo, says where it listens, answers a query, and stops on SIGTERM', async () => {
    const child = spawn('npx', ['awx-graphql'], { cwd: app, detached: true, env: { ...ENV, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.push(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    await expect.poll(() => listeningPort(output) ?? child.exitCode, { timeout: 60_000, interval: 100 }).toBeTypeOf('number');
    const port = listeningPort(output);
    expect(port, output).toBeDefined();
    expect(output).toContain(`listening on 127.0.0.1:${port}; GraphQL and GraphiQL at http://127.0.0.1:${port}/graphql`);
    expect(output).toContain('AWX_URL is not set: serving the embedded demo AWX');

    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ workflowJob(id: 1) { id name status } }' }),
    });
    expect(await answer.json()).toEqual({ data: { workflowJob: { id: '1', name: 'Rotate TLS certificates', status: 'SUCCESSFUL' } } });

    process.kill(-child.pid!, 'SIGTERM');
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toContain('"forced":false,"msg":"stopped"');
  }, 120_000);

  it('`npx awx-graphql doctor` checks the controller AWX_URL names', async () => {
    const controller = await startDemoAwx();
    try {
      const { code, stdout } = await run('npx', ['awx-graphql', 'doctor'], app, { AWX_URL: controller.url, AWX_TOKEN: DEMO_CREDENTIALS.alice.token, NO_COLOR: '1' });
      expect(stdout).toContain('✔ credentials    authenticated as alice');
      expect(stdout).toMatch(/\nOK: 8 passed\n$/);
      expect(code).toBe(0);
    } finally {
      await controller.close();
    }
  }, 60_000);
});
