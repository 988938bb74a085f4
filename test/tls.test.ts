/** An AWX with a self-signed certificate: refused by default, trusted through AWX_CA_FILE, or (warned) unchecked. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { AwxTransportOptions } from '../src/awx/transport.js';
import { startDemoAwx, type DemoAwx } from '@awx-graphql/demo-awx';
import { createLogger } from '../src/logger.js';
import { ADMIN } from './gateway.js';

const caFile = fileURLToPath(new URL('./fixtures/tls/awx-test.crt', import.meta.url));
const tls = { cert: readFileSync(caFile), key: readFileSync(new URL('./fixtures/tls/awx-test.key', import.meta.url)) };

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx({ tls });
});
afterAll(() => demo.close());

/** Asks for one job through a gateway whose transport has these TLS options. */
async function ask(options: Partial<AwxTransportOptions>) {
  const app = createApp({ upstream: { url: demo.url, timeoutMs: 5_000, ...options }, logger: createLogger('silent'), gateway: { detailConcurrency: 2 } });
  const { port } = await app.listen(0, '127.0.0.1');
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ADMIN },
      body: JSON.stringify({ query: '{ workflowJob(id: 1) { id } }' }),
    });
    return await response.json();
  } finally {
    await app.close();
  }
}

describe('TLS to AWX', () => {
  it('serves over HTTPS', () => {
    expect(demo.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a certificate it cannot verify, as UPSTREAM_UNAVAILABLE', async () => {
    const body = await ask({});
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.errors[0].message).toBe('AWX is unreachable (TLS failure).');
  });

  it('trusts the CA given as AWX_CA_FILE', async () => {
    expect(await ask({ caFile })).toEqual({ data: { workflowJob: { id: '1' } } });
  });

  it('skips verification only when AWX_INSECURE_TLS is on', async () => {
    expect(await ask({ insecureTls: true })).toEqual({ data: { workflowJob: { id: '1' } } });
  });
});
