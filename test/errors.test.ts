/** Every upstream failure becomes a clear GraphQL error with a stable code; bad ids never reach AWX. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { ADMIN, LAYOUT, startTestGateway, useTestGateway } from './gateway.js';

// Error mapping, not the breaker, is under test here: with it off, one test's failures never become the next one's
// UPSTREAM_UNAVAILABLE (a busy machine can time a call out). The deadline tests use a gateway of their own.
const gw = useTestGateway({ resilience: { breakerFailures: 0 } }, { clearRequests: false });
beforeEach(() => {
  gw.demo.clearFaults();
  gw.demo.clearRequests();
});

const ONE = 'query($id: ID!) { workflowJob(id: $id) { id name status } }';
const LIST = '{ workflowJobs(first: 3) { totalCount nodes { id name } } }';
const isList = (r: { pathname: string }) => r.pathname === '/api/v2/workflow_jobs/';

/** The error a query produced, asserting the response is well-formed and leaks nothing. */
async function errorOf(query: string, variables?: Record<string, unknown>, auth: string | null = ADMIN) {
  const { status, body } = await gw.gql(query, variables, auth);
  expect(status).toBe(200);
  const text = JSON.stringify(body);
  expect(text).not.toContain(DEMO_CREDENTIALS.admin.token);
  expect(text).not.toContain(gw.demo.url);
  expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
  expect(body.errors).toHaveLength(1);
  return { error: body.errors![0]!, data: body.data };
}

describe('upstream status codes', () => {
  const cases: [number, unknown, string, RegExp][] = [
    [400, { detail: "WorkflowJob has no field named 'foo'" }, 'BAD_USER_INPUT', /AWX rejected the request: WorkflowJob has no field named 'foo'/],
    [403, { detail: 'You do not have permission to perform this action.' }, 'FORBIDDEN', /permission/],
    [404, { detail: 'Not found.' }, 'NOT_FOUND', /no such resource/],
    [409, { error: 'Resource is being used by running jobs.', active_jobs: [] }, 'CONFLICT', /running jobs/],
    [429, { detail: 'Request was throttled.' }, 'RATE_LIMITED', /rate-limiting/],
    [500, '<html>Server Error</html>', 'UPSTREAM_ERROR', /HTTP 500/],
    [502, { detail: 'Bad gateway' }, 'UPSTREAM_ERROR', /HTTP 502/],
  ];
  for (const [status, body, code, message] of cases) {
    it(`maps AWX ${status} on a list to ${code}`, async () => {
      gw.demo.addFault({ fault: { type: 'status', status, body }, match: isList });
      const { error, data } = await errorOf(LIST);
      expect(error.extensions).toMatchObject({ code, upstreamStatus: status });
      expect(error.message).toMatch(message);
      expect(error.path).toEqual(['workflowJobs']);
      expect(data).toBeNull();
    });
  }

  it('keeps the field errors of an AWX validation body', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 400, body: { extra_vars: ['Must be valid JSON or YAML.'] } }, match: isList });
    const { error } = await errorOf(LIST);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { extra_vars: ['Must be valid JSON or YAML.'] } });
    expect(error.message).toContain('extra_vars: Must be valid JSON or YAML.');
  });

  it('answers null without an error when AWX has no such job (404 on the detail)', async () => {
    const { body } = await gw.gql(ONE, { id: '999999' });
    expect(body).toEqual({ data: { workflowJob: null } });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/999999/']);
  });

  it('maps a missing credential to UNAUTHENTICATED', async () => {
    const { error } = await errorOf(ONE, { id: 1 }, null);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstreamStatus: 401 });
    expect(gw.demo.requests[0]!.authorization).toBeUndefined();
  });

  it('maps a wrong token to UNAUTHENTICATED without echoing it', async () => {
    const { error } = await errorOf(ONE, { id: 1 }, 'Bearer not-a-real-token-123');
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).not.toContain('not-a-real-token-123');
  });
});

describe('broken upstream answers', () => {
  it('maps invalid JSON to UPSTREAM_ERROR', async () => {
    gw.demo.addFault({ fault: { type: 'malformed' } });
    const { error } = await errorOf(ONE, { id: 1 });
    expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toBe('AWX sent a response that is not valid JSON.');
  });

  it('maps a hang, and a body slower than the deadline, to UPSTREAM_TIMEOUT naming the configured deadline', async () => {
    // the API path is given: a busy machine must not time out the gateway's look for it
    const apiPath = LAYOUT === 'aap' ? '/api/controller/' : '/api/';
    const quick = await startTestGateway({ sharedDemo: gw.demo, timeoutMs: 400, apiPath, resilience: { breakerFailures: 0 } });
    try {
      for (const fault of [{ type: 'hang' as const }, { type: 'slow' as const, ms: 60_000 }]) {
        gw.demo.clearFaults();
        gw.demo.addFault({ fault });
        const { body } = await quick.gql(ONE, { id: 1 });
        expect(body.errors).toEqual([expect.objectContaining({ message: 'AWX did not answer within 400 ms.', extensions: { code: 'UPSTREAM_TIMEOUT' } })]);
      }
    } finally {
      gw.demo.clearFaults();
      await quick.close();
    }
  });

  it('maps a connection reset to UPSTREAM_UNAVAILABLE', async () => {
    gw.demo.addFault({ fault: { type: 'reset' } });
    const { error } = await errorOf(ONE, { id: 1 });
    expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    const closed = await startTestGateway({ awxUrl: 'http://127.0.0.1:1' });
    try {
      const { body } = await closed.gql(ONE, { id: 1 });
      expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toBe('AWX is unreachable (connection refused).');
    } finally {
      await closed.close();
    }
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR and keeps the other fields', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 200, body: { count: 1, next: null, previous: null, results: [null] } }, match: isList });
    const { error } = await errorOf(LIST);
    expect(error.message).toBe('Unexpected error.');
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('turns an unknown enum value into an error on that field only', async () => {
    const job = { id: 77, type: 'workflow_job', name: 'From a newer AWX', status: 'paused', launch_type: 'manual', failed: false };
    gw.demo.addFault({ fault: { type: 'status', status: 200, body: job }, match: (r) => r.pathname === '/api/v2/workflow_jobs/77/' });
    const { body } = await gw.gql('{ workflowJob(id: 77) { id name status launchType } }');
    expect(body.data).toEqual({ workflowJob: { id: '77', name: 'From a newer AWX', status: null, launchType: 'MANUAL' } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ['workflowJob', 'status'], extensions: { code: 'UPSTREAM_ERROR' } });
    expect(body.errors![0]!.message).toBe('AWX sent status "paused", which this gateway does not know.');
  });
});

describe('invalid ids', () => {
  const bad = ['0', '-1', 'abc', '1/../2', '1?search=x', '2147483648', '99999999999999999999', '1e3', ' 1', '01', '1.0', ''];
  it('refuses each with BAD_USER_INPUT and zero upstream calls', async () => {
    for (const id of bad) {
      const { error, data } = await errorOf(ONE, { id });
      expect(error.extensions?.code, id).toBe('BAD_USER_INPUT');
      expect(error.message, id).toMatch(/^'id' must be a positive integer below 2147483648, got /);
      expect(data).toEqual({ workflowJob: null });
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('accepts the largest valid id and asks AWX for it', async () => {
    const { body } = await gw.gql(ONE, { id: 2147483647 });
    expect(body).toEqual({ data: { workflowJob: null } });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/2147483647/']);
  });
});
