/**
 * The connection doctor against the demo AWX over loopback: both API layouts, an unreachable URL, refused
 * credentials, a self-signed HTTPS controller, a controller without websocket, and the real command line.
 * Every run also proves that no token or password reaches the output.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startDemoAwx, type DemoAwx } from '@awx-graphql/demo-awx';
import { doctorCommand } from '../src/doctor/command.js';
import type { Env } from '../src/envParsers.js';

const ALICE_TOKEN = DEMO_CREDENTIALS.alice.token;
const ADMIN_TOKEN = DEMO_CREDENTIALS.admin.token;
const caFile = fileURLToPath(new URL('./fixtures/tls/awx-test.crt', import.meta.url));
const tls = { cert: readFileSync(caFile), key: readFileSync(new URL('./fixtures/tls/awx-test.key', import.meta.url)) };
const TITLES = ['configuration', 'reachable', 'TLS', 'API layout', 'version', 'credentials', 'websocket', 'batching'];

interface Run {
  code: number;
  text: string;
  /** The line of each check, by title. */
  line: Record<string, string>;
  /** Each check's mark in order, e.g. `✔✔✔✔✔✔!✔`. */
  marks: string;
}

/** Runs `doctor` in-process with exactly this environment; fails the test if any secret shows in its output. */
async function doctor(env: Env, args: string[] = [], secrets: string[] = [ALICE_TOKEN, ADMIN_TOKEN]): Promise<Run> {
  let text = '';
  const write = (chunk: string) => void (text += chunk);
  const code = await doctorCommand(args, { env, stdout: { write, isTTY: false }, stderr: { write } });
  for (const secret of secrets) expect(text).not.toContain(secret);
  const lines = text.split('\n').filter((line) => TITLES.some((title) => line.slice(2).startsWith(`${title} `)));
  const line = Object.fromEntries(lines.map((l) => [TITLES.find((title) => l.slice(2).startsWith(`${title} `))!, l]));
  return { code, text, line, marks: lines.map((l) => l[0]).join('') };
}

/** Ports and timings vary between runs; everything else in the report does not. */
const stable = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>').replace(/in \d+ ms/g, 'in <n> ms');

describe('against the demo in the AWX layout', () => {
  let demo: DemoAwx;
  beforeAll(async () => void (demo = await startDemoAwx({ layout: 'awx' })));
  afterAll(() => demo.close());

  it('passes every check and says what it found', async () => {
    demo.clearRequests();
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(0);
    expect(stable(run.text)).toMatchInlineSnapshot(`
      "✔ configuration  http://127.0.0.1:<port> from AWX_URL; token from AWX_TOKEN; timeout 10000 ms
      ✔ reachable      127.0.0.1:<port> answered HTTP 200 to GET /api/ in <n> ms
      ✔ TLS            plain HTTP to this machine (loopback): nothing crosses the network
      ✔ API layout     AWX: /api/v2/
      ✔ version        24.6.1 (active node awx-demo-task-1, 3 instances, not HA)
      ✔ credentials    authenticated as alice (neither superuser nor system auditor) with the token from AWX_TOKEN
      ✔ websocket      subscription to job status changes confirmed at /websocket/
      ✔ batching       id__in on workflow_jobs returned exactly jobs 240 and 239; workflow_job__in returned 9 nodes, all of jobs 240 and 239
      OK: 8 passed
      "
    `);
    // The listing and ping go without credentials; the batch filters are asked for as the gateway asks.
    const sent = demo.requests.map((r) => `${r.rawPath.split('?')[0]} ${r.authorization ? 'auth' : 'anonymous'}`);
    expect(sent.filter((s) => /^\/api\/( |v2\/ping\/)/.test(s))).toEqual(['/api/ anonymous', '/api/ anonymous', '/api/v2/ping/ anonymous']);
    expect(demo.requests.map((r) => r.path)).toEqual(expect.arrayContaining([
      '/api/v2/workflow_jobs/?id__in=240%2C239&page_size=200',
      '/api/v2/workflow_job_nodes/?workflow_job__in=240%2C239&order_by=id&page_size=200',
    ]));
  });

  it('warns when the service token is a superuser, but not for a token given with --token', async () => {
    const service = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ADMIN_TOKEN });
    expect(service.code).toBe(0);
    expect(service.line.credentials).toMatch(/^! credentials +authenticated as admin \(superuser\) with the token from AWX_TOKEN — callers who send no Authorization act as this superuser/);
    const given = await doctor({ AWX_URL: demo.url }, ['--token', ADMIN_TOKEN]);
    expect(given.line.credentials).toMatch(/^✔ credentials +authenticated as admin \(superuser\) with the token given with --token$/);
    expect(given.marks).toBe('✔✔✔✔✔✔✔✔');
  });

  it('fails a bad token with the hint, skips what needs it, and never prints it (text or JSON)', async () => {
    const bad = 'not-a-real-awx-token-4f9c';
    const run = await doctor({ AWX_URL: demo.url, CONTROLLER_OAUTH_TOKEN: bad }, [], [bad]);
    expect(run.code).toBe(1);
    expect(run.marks).toBe('✔✔✔✔✔✘--');
    expect(run.line.credentials).toContain('✘ credentials    AWX refused the token from CONTROLLER_OAUTH_TOKEN (HTTP 401) — the token is wrong, expired or revoked');
    expect(run.line.credentials).toContain('AAP 2.5+ makes tokens at the platform gateway');
    expect(run.line.websocket).toMatch(/skipped: credentials failed$/);
    const json = await doctor({ AWX_URL: demo.url }, ['--json', '--token', bad], [bad]);
    const report = JSON.parse(json.text);
    expect(report).toMatchObject({ ok: false, exitCode: 1 });
    expect(report.checks.find((c: { id: string }) => c.id === 'credentials')).toMatchObject({ status: 'fail', message: 'AWX refused the token given with --token (HTTP 401)' });
  });

  it('names a wrong user or password, and shows neither', async () => {
    const run = await doctor({ AWX_URL: demo.url, CONTROLLER_USERNAME: 'alice', CONTROLLER_PASSWORD: 'wrong-password' }, [], ['wrong-password', Buffer.from('alice:wrong-password').toString('base64')]);
    expect(run.line.credentials).toContain('AWX refused the user from CONTROLLER_USERNAME/CONTROLLER_PASSWORD (HTTP 401) — the user name or password is wrong, or Basic authentication is off (AWX setting AUTH_BASIC_ENABLED)');
  });

  it('warns without any credential and skips the checks that need one (exit 0)', async () => {
    const run = await doctor({ AWX_URL: demo.url });
    expect(run.code).toBe(0);
    expect(run.marks).toBe('✔✔✔✔✔!--');
    expect(run.line.batching).toMatch(/skipped: no credential to check with \(pass --token <token>\)$/);
  });

  it('fails a configured prefix the API is not under, and says where it is', async () => {
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN, CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX: '/api/controller/' });
    expect(run.code).toBe(1);
    expect(run.line['API layout']).toBe(
      "✘ API layout     CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX=/api/controller/: GET /api/controller/ answered HTTP 404 — AWX's API answers at /api/ (AWX layout): set CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX=/api/, or unset it and the gateway finds it",
    );
  });

  it('fails batching when AWX answers id__in with other jobs', async () => {
    const others = { count: 3, next: null, previous: null, results: [{ id: 1 }, { id: 2 }, { id: 3 }] };
    demo.addFault({ match: (r) => r.query.has('id__in'), fault: { type: 'status', status: 200, body: others }, times: 1 });
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(1);
    expect(run.line.batching).toMatch(/^✘ batching +id__in on workflow_jobs: asked for 240 and 239, got 1, 2, 3 — AWX, or a proxy in front of it, ignored the filter/);
  });
});

describe('against the demo in the AAP layout', () => {
  let demo: DemoAwx;
  beforeAll(async () => void (demo = await startDemoAwx({ layout: 'aap' })));
  afterAll(() => demo.close());

  it('passes every check, with the controller found below /api/controller/', async () => {
    const run = await doctor({ CONTROLLER_HOST: demo.url, CONTROLLER_OAUTH_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(0);
    expect(run.marks).toBe('✔✔✔✔✔✔✔✔');
    expect(run.line['API layout']).toBe('✔ API layout     Ansible Automation Platform: /api/controller/v2/');
    expect(run.line.version).toBe('✔ version        24.6.1 (active node awx-demo-task-1, 3 instances, not HA)');
    expect(run.line.websocket).toBe('✔ websocket      subscription to job status changes confirmed at /api/controller/v2/websocket/');
  });

  it('verifies a configured prefix, and words a refused token for AAP', async () => {
    const run = await doctor({ AWX_URL: demo.url, CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX: '/api/controller/' }, ['--token', 'expired-token-0000'], ['expired-token-0000']);
    expect(run.line['API layout']).toBe('✔ API layout     Ansible Automation Platform: /api/controller/v2/ (from CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX)');
    expect(run.line.credentials).toContain('— the token is wrong, expired or revoked: AAP 2.5+ makes tokens at the platform gateway (Access Management → Users → Tokens, or POST /api/gateway/v1/tokens/)');
  });
});

describe('when something is wrong before the API', () => {
  it('fails an unreachable URL at "reachable" and skips the rest (exit 1)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const run = await doctor({ AWX_URL: `http://127.0.0.1:${port}`, AWX_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(1);
    expect(run.marks).toBe('✔✘------');
    expect(run.line.reachable).toBe(`✘ reachable      connection refused by 127.0.0.1:${port} — is the controller running and listening there? check the host and port in AWX_URL`);
    expect(run.line.batching).toBe('- batching       skipped: reachable failed');
  });

  it('fails at "reachable" within the configured timeout when nothing answers', async () => {
    const demo = await startDemoAwx();
    try {
      demo.addFault({ match: (r) => r.rawPath === '/api/', fault: { type: 'hang' } });
      const run = await doctor({ AWX_URL: demo.url, CONTROLLER_REQUEST_TIMEOUT: '0.3' });
      expect(run.line.reachable).toMatch(/^✘ reachable      no answer from 127\.0\.0\.1:\d+ within 300 ms — a firewall may drop the traffic/);
    } finally {
      await demo.close();
    }
  });

  it('has nothing to check without a controller (the demo would serve), and says how to point it at one', async () => {
    const run = await doctor({});
    expect(run.code).toBe(1);
    expect(run.line.configuration).toContain('✘ configuration  no controller configured: AWX_URL (or CONTROLLER_HOST / TOWER_HOST) is not set');
    expect(run.line.configuration).toContain('— set AWX_URL=https://<controller> (or CONTROLLER_HOST)');
    expect(run.marks).toBe('✘-------');
  });

  it('lists configuration problems', async () => {
    const run = await doctor({ AWX_URL: 'http://127.0.0.1:1', CONTROLLER_VERIFY_SSL: 'maybe' });
    expect(run.line.configuration).toMatch(/^✘ configuration  1 problem: CONTROLLER_VERIFY_SSL must be a boolean such as true or false, got "maybe" — /);
  });
});

describe('against the demo over HTTPS with a self-signed certificate', () => {
  let demo: DemoAwx;
  beforeAll(async () => void (demo = await startDemoAwx({ tls })));
  afterAll(() => demo.close());

  it('fails TLS naming the reason and the fixes; reachable still passes', async () => {
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(1);
    expect(run.marks).toBe('✔✔✘-----');
    expect(run.line.TLS).toBe(
      "✘ TLS            the certificate is self-signed — set AWX_CA_FILE=<ca.pem>, the CA that signed the controller's certificate; CONTROLLER_VERIFY_SSL=false / AWX_INSECURE_TLS=true skips verification at your own risk",
    );
    expect(run.line['API layout']).toBe('- API layout     skipped: TLS failed');
  });

  it('passes with AWX_CA_FILE', async () => {
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN, AWX_CA_FILE: caFile });
    expect(run.code).toBe(0);
    expect(run.marks).toBe('✔✔✔✔✔✔✔✔');
    expect(run.line.TLS).toMatch(/^✔ TLS            certificate verifies against AWX_CA_FILE \(awx-test\.local, issued by awx-test\.local, valid until \d{4}-\d\d-\d\d\)$/);
  });

  it('warns, without failing, when CONTROLLER_VERIFY_SSL=false turns verification off', async () => {
    const run = await doctor({ CONTROLLER_HOST: demo.url, CONTROLLER_OAUTH_TOKEN: ALICE_TOKEN, CONTROLLER_VERIFY_SSL: 'false' });
    expect(run.code).toBe(0);
    expect(run.marks).toBe('✔✔!✔✔✔✔✔');
    expect(run.line.TLS).toBe(
      "! TLS            verification is off (CONTROLLER_VERIFY_SSL): the controller's identity is not checked, and the certificate is self-signed — set AWX_CA_FILE=<ca.pem>, the CA that signed the controller's certificate, then turn verification back on",
    );
  });
});

describe('against a demo whose websocket is not passed through', () => {
  let demo: DemoAwx;
  beforeAll(async () => void (demo = await startDemoAwx({ websocket: false })));
  afterAll(() => demo.close());

  it('warns about the websocket and still exits 0 (the gateway polls)', async () => {
    const run = await doctor({ AWX_URL: demo.url, AWX_TOKEN: ALICE_TOKEN });
    expect(run.code).toBe(0);
    expect(run.marks).toBe('✔✔✔✔✔✔!✔');
    expect(run.line.websocket).toBe(
      '! websocket      AWX refused the websocket with HTTP 404 (/websocket/) — a proxy or load balancer in front of the controller may not pass websocket upgrades to /websocket/; subscriptions still work: the gateway polls AWX instead (slower, and more requests)',
    );
  });

  it('gives up on a handshake that never completes within the configured timeout', async () => {
    const hanging = await startDemoAwx();
    try {
      hanging.addFault({ match: (r) => r.rawPath === '/websocket/', fault: { type: 'hang' } });
      const run = await doctor({ AWX_URL: hanging.url, AWX_TOKEN: ALICE_TOKEN, CONTROLLER_REQUEST_TIMEOUT: '0.3' });
      expect(run.code).toBe(0);
      // The socket's handshake timeout and the doctor's own wait are both 300 ms: either may say so first.
      expect(run.line.websocket).toMatch(/^! websocket +(AWX did not confirm the websocket subscription within 300 ms|websocket error: Opening handshake has timed out) \(\/websocket\/\)/);
    } finally {
      await hanging.close();
    }
  });
});

describe('the real command', () => {
  let demo: DemoAwx;
  beforeAll(async () => void (demo = await startDemoAwx({ layout: 'aap' })));
  afterAll(() => demo.close());

  it('`awx-graphql doctor` prints plain lines (not a TTY) and exits 0 against the demo', async () => {
    const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/cli.ts', 'doctor'], {
      env: { PATH: process.env.PATH ?? '', CONTROLLER_HOST: demo.url, CONTROLLER_OAUTH_TOKEN: ALICE_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const [code] = await once(child, 'close');
    expect(output).not.toContain(ALICE_TOKEN);
    expect(output).not.toContain('\x1b[');
    expect(output).toContain('✔ API layout     Ansible Automation Platform: /api/controller/v2/\n');
    expect(output).toMatch(/\nOK: 8 passed\n$/);
    expect(code).toBe(0);
  }, 30_000);
});
