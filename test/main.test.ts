/** `npm start`'s entry point as a newcomer runs it: demo upstream by default, a real AWX_URL when given. */
import { describe, expect, it } from 'vitest';
import { startDemoAwx } from '@awx-graphql/demo-awx';
import { listeningLine } from '../src/app.js';
import { runToExit, startMain } from './processes.js';

async function query(base: string, text: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return response.json();
}

describe('npm start', () => {
  it('serves the demo upstream with no AWX_URL: the README query, GraphiQL and /health', async () => {
    const { child, base, exited, output } = await startMain({});
    expect(output()).toContain('serving the embedded demo AWX');
    const body = await query(base, '{ workflowJob(id: 1) { id name status } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.workflowJob).toMatchObject({ id: '1', name: expect.any(String), status: expect.any(String) });
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('AWX GraphQL');
    expect(html).toContain('query WorkflowJobWithGraph');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(output()).toContain(`listening on 127.0.0.1:${new URL(base).port}; GraphQL and GraphiQL at http://127.0.0.1:${new URL(base).port}/graphql`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('says where it listens when no HOST is set: every interface, and a localhost URL that answers', async () => {
    const { port, output } = await startMain({ HOST: '' });
    const line = JSON.parse(output().split('\n').find((l) => l.includes('"event":"listening"'))!);
    // `::` where the machine has IPv6, else `0.0.0.0`: Node's own choice for "every interface".
    const bound = line.address === '::' ? `[::]:${port}` : `0.0.0.0:${port}`;
    expect(line).toMatchObject({ event: 'listening', port, url: `http://localhost:${port}/graphql` });
    expect(line.msg).toBe(`listening on ${bound} (all interfaces); GraphQL and GraphiQL at http://localhost:${port}/graphql`);
    expect((await fetch(`http://localhost:${port}/health`)).status).toBe(200);
  }, 30_000);

  it('serves another AWX-compatible server given as AWX_URL', async () => {
    const other = await startDemoAwx();
    try {
      const { base } = await startMain({ AWX_URL: other.url, AWX_TOKEN: 'demo-admin-token' });
      const body = await query(base, '{ workflowJobs(first: 2) { totalCount } }');
      expect(body.data.workflowJobs.totalCount).toBeGreaterThan(0);
      expect(other.requests.map((r) => r.pathname)).toContain('/api/v2/workflow_jobs/');
    } finally {
      await other.close();
    }
  }, 30_000);

  it('serves an AAP 2.5+ controller given the collections\' CONTROLLER_HOST and CONTROLLER_OAUTH_TOKEN, found at /api/controller/', async () => {
    const aap = await startDemoAwx({ layout: 'aap' });
    try {
      const { base, output } = await startMain({ CONTROLLER_HOST: aap.url, CONTROLLER_OAUTH_TOKEN: 'demo-admin-token' });
      const body = await query(base, '{ workflowJobs(first: 2) { totalCount } }');
      expect(body.data.workflowJobs.totalCount).toBeGreaterThan(0);
      expect(aap.requests.map((r) => r.rawPath)).toContain('/api/controller/v2/workflow_jobs/?order_by=id&page=1&page_size=2');
      // Written while the query ran; log lines reach standard output within a few milliseconds (src/logLines.ts).
      await expect.poll(output, { timeout: 5_000, interval: 10 }).toContain('found the AWX API at /api/controller/v2/ (Ansible Automation Platform layout)');
      expect(output()).not.toContain('embedded demo');
    } finally {
      await aap.close();
    }
  }, 30_000);

  it.each([
    [{ NODE_ENV: 'production' }, 'NODE_ENV=production'],
    [{ CONTROLLER_OAUTH_TOKEN: 'svc' }, 'CONTROLLER_OAUTH_TOKEN is'],
  ])('refuses to fall back to the demo with %j and no URL', async (env, why) => {
    const { code, stderr } = await runToExit({ PORT: '0', ...env });
    expect(code).toBe(2);
    expect(stderr).toContain('AWX_URL (or CONTROLLER_HOST / TOWER_HOST) is not set');
    expect(stderr).toContain(why);
    expect(stderr).toContain('DEMO=true');
  }, 30_000);

  it('fails fast with a clear message on bad configuration', async () => {
    const { code, stderr } = await runToExit({ AWX_URL: 'ftp://awx', PORT: 'eighty' });
    expect(code).toBe(2);
    expect(stderr).toContain('AWX_URL must use http or https');
    expect(stderr).toContain('PORT must be an integer');
  }, 30_000);
});

describe('the listening line', () => {
  it('names the address bound, and localhost for a browser only when bound to every interface', () => {
    const line = (address: string, family: string) => listeningLine({ address, family, port: 4000 }).message;
    expect(line('::', 'IPv6')).toBe('listening on [::]:4000 (all interfaces); GraphQL and GraphiQL at http://localhost:4000/graphql');
    expect(line('0.0.0.0', 'IPv4')).toBe('listening on 0.0.0.0:4000 (all interfaces); GraphQL and GraphiQL at http://localhost:4000/graphql');
    expect(line('10.1.2.3', 'IPv4')).toBe('listening on 10.1.2.3:4000; GraphQL and GraphiQL at http://10.1.2.3:4000/graphql');
    expect(line('::1', 'IPv6')).toBe('listening on [::1]:4000; GraphQL and GraphiQL at http://[::1]:4000/graphql');
  });
});
