/** The GraphQL-over-HTTP audit (graphql-http serverAudits) against the gateway over loopback. */
import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { ADMIN, useTestGateway } from './gateway.js';

const gw = useTestGateway({}, { clearRequests: false });

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit, and every SHOULD one too', async () => {
    const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', ADMIN);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: gw.url, fetchFn });
    const failures = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failures).toEqual([]);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => `${r.id} ${r.name}`);
    expect(warnings).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(60);
  });
});
