/** Mutations before and around AWX: input checks, query limits, GET refusal, and writes sent exactly once. */
import { beforeEach, describe, expect, it } from 'vitest';
import { awxPath, startTestGateway, useTestGateway } from './gateway.js';

const CANCEL = 'mutation($id: ID!) { cancelWorkflowJob(id: $id) { workflowJob { id status } } }';
const DELETE = 'mutation($id: ID!) { deleteWorkflowJob(id: $id) { deletedId } }';
const LAUNCH = 'mutation($id: ID!, $input: LaunchWorkflowJobTemplateInput) { launchWorkflowJobTemplate(id: $id, input: $input) { workflowJob { id } ignoredFields } }';
const isWrite = (r: { method: string }) => r.method !== 'GET';

const gw = useTestGateway({}, { clearRequests: false });
beforeEach(() => {
  gw.demo.clearFaults();
  gw.demo.clearRequests();
  gw.logs.splice(0);
});

describe('input checks', () => {
  it.each([
    [CANCEL, { id: '0' }, 'id'],
    [DELETE, { id: 'abc' }, 'id'],
    [LAUNCH, { id: '2147483648' }, 'id'],
    [LAUNCH, { id: '1', input: { inventoryId: '-4' } }, 'input.inventoryId'],
    [LAUNCH, { id: '1', input: { labelIds: ['1', '1e3'] } }, 'input.labelIds'],
    [LAUNCH, { id: '1', input: { extraVars: [1, 2] } }, 'input.extraVars'],
    [LAUNCH, { id: '1', input: { extraVars: 42 } }, 'input.extraVars'],
  ])('refuses %s with %j before calling AWX', async (query, variables, argument) => {
    const { body } = await gw.gql(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors![0]!.message).toContain(`'${argument}'`);
    expect(Object.values(body.data ?? {})).toEqual([null]);
    expect(gw.demo.requests).toEqual([]);
  });
});

describe('query limits', () => {
  it('refuses an over-cost mutation before the write is sent', async () => {
    const limited = await startTestGateway({ sharedDemo: gw.demo, limits: { maxCost: 1 } });
    try {
      const { body } = await limited.gql(DELETE.replace('{ deletedId }', '{ deletedId } again: deleteWorkflowJob(id: $id) { deletedId }'), { id: '1' });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 1, found: 2 });
      expect(gw.demo.requests).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a mutation in a GET request (HTTP 405), so a link cannot trigger one', async () => {
    const url = `${gw.url}?query=${encodeURIComponent('mutation { deleteWorkflowJob(id: 1) { deletedId } }')}`;
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(405);
    await response.arrayBuffer();
    expect(gw.demo.requests).toEqual([]);
  });
});

describe('writes are sent once', () => {
  it.each([
    [503, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_ERROR'],
  ])('does not retry a write that AWX answered %i, though reads are retried', async (status, code) => {
    gw.demo.addFault({ fault: { type: 'status', status, headers: { 'retry-after': '0' } }, match: isWrite, times: 1 });
    const { body } = await gw.gql(DELETE, { id: '7' });
    expect(body).toMatchObject({ data: { deleteWorkflowJob: null }, errors: [{ extensions: { code, upstreamStatus: status } }] });
    expect(body.errors![0]!.message).toBe(`Could not delete workflow job 7: AWX failed with HTTP ${status}.`);
    expect(gw.demo.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /api/v2/workflow_jobs/7/']);
    const warnings = gw.logs.map((line) => JSON.parse(line)).filter((line) => line.upstream);
    expect(warnings).toMatchObject([{ level: 40, upstream: { method: 'DELETE', status, path: awxPath('/api/v2/workflow_jobs/7/') } }]);
    // The same answer to a read is retried.
    gw.demo.clearRequests();
    gw.demo.addFault({ fault: { type: 'status', status, headers: { 'retry-after': '0' } }, times: 1 });
    expect((await gw.gql('{ workflowJob(id: 7) { id } }')).body).toEqual({ data: { workflowJob: { id: '7' } } });
    expect(gw.demo.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v2/workflow_jobs/7/', 'GET /api/v2/workflow_jobs/7/']);
  });

  it('does not retry a write whose connection was reset, and counts it against the breaker', async () => {
    const fragile = await startTestGateway({ sharedDemo: gw.demo, resilience: { breakerFailures: 2, breakerCooldownMs: 60_000 } });
    try {
      gw.demo.addFault({ fault: { type: 'reset' }, match: isWrite, times: 2 });
      for (let i = 0; i < 2; i++) {
        const { body } = await fragile.gql(CANCEL, { id: '5' });
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      }
      expect(gw.demo.requests.map((r) => `${r.method} ${r.pathname}`)).toEqual(['POST /api/v2/workflow_jobs/5/cancel/', 'POST /api/v2/workflow_jobs/5/cancel/']);
      expect(fragile.transport.breaker.state).toBe('open');
      gw.demo.clearRequests();
      const { body } = await fragile.gql(CANCEL, { id: '5' });
      expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toMatch(/too many recent failures/);
      expect(gw.demo.requests).toEqual([]);
    } finally {
      await fragile.close();
    }
  });
});

describe('AWX answers the gateway must still read', () => {
  it('names a bare-string field error (AWX launch validation) under the input\'s name', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 400, body: { inventory: 'The provided inventory is being deleted.' } }, match: isWrite, times: 1 });
    const { body } = await gw.gql(LAUNCH, { id: '26', input: { inventoryId: '3' } });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400, fieldErrors: { inventoryId: ['The provided inventory is being deleted.'] } });
  });

  it('refuses a created job AWX sent as broken JSON, after one request', async () => {
    gw.demo.addFault({ fault: { type: 'malformed' }, match: isWrite, times: 1 });
    const { body } = await gw.gql('mutation { relaunchWorkflowJob(id: 1) { workflowJob { id } } }');
    expect(body).toMatchObject({ data: { relaunchWorkflowJob: null }, errors: [{ extensions: { code: 'UPSTREAM_ERROR' } }] });
    expect(gw.demo.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/workflow_jobs/1/relaunch/']);
  });
});
