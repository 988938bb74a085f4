/**
 * Amplification: a field AWX leaves out of list rows costs one detail read per item, so the cost model counts
 * it per item, and every query or mutation has a cap on its AWX calls (MAX_AWX_CALLS, 250): refused before it
 * runs when the estimate is over it, stopped with TOO_MANY_AWX_CALLS if the real count gets there.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AwxClient } from '../src/awx/client.js';
import { operationBudget } from '../src/awx/operationBudget.js';
import { estimateAwxCalls } from '../src/limits/awxCalls.js';
import { estimateCost } from '../src/limits/cost.js';
import { buildSchema } from '../src/schema.js';
import { ADMIN, BOB, startTestGateway, useTestGateway } from './gateway.js';

const gw = useTestGateway();
const schema = buildSchema();
const calls = (query: string, variables?: unknown) => estimateAwxCalls(schema, parse(query), undefined, variables);
const cost = (query: string) => estimateCost(schema, parse(query), undefined, {});

describe('the estimate', () => {
  it('counts a field AWX leaves out of list rows once per item, in the cost and in the AWX calls', () => {
    expect(cost('{ workflowJobs(first: 200) { nodes { id jobArgs } } }')! - cost('{ workflowJobs(first: 200) { nodes { id } } }')!).toBe(200);
    expect(calls('{ workflowJobs(first: 200) { nodes { id } } }')).toBe(1);
    expect(calls('{ workflowJobs(first: 200) { nodes { id resultTraceback jobEnv } } }')).toBe(401);
  });

  it('counts one batch per 200 objects of a kind, however many parents ask, and one per kind behind an interface', () => {
    expect(calls('{ workflowJobs(first: 50) { nodes { related { createdBy { email } workflowJobTemplate { name } } } } }')).toBe(3);
    expect(calls('{ workflowJob(id: 21) { related { workflowNodes { nodes { job { created } } } } } }')).toBe(1 + 1 + 7);
    // a job's notifications and activity stream are sub-lists of their own: one call per job
    expect(calls('{ workflowJobs(first: 200) { nodes { related { notifications(first: 1) { totalCount } activityStream(first: 1) { totalCount } } } } }')).toBe(401);
    expect(calls('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [...Array.from({ length: 250 }, (_, i) => ({ __typename: 'User', id: String(i + 1) })), { __typename: 'Label', id: '1' }],
    })).toBe(3);
  });

  it('is never below what the demo AWX sees for the documented examples', async () => {
    const queries = [
      '{ workflowJobs(first: 50, filter: { status: [FAILED] }) { nodes { id name related { createdBy { username email } workflowJobTemplate { name modified } workflowNodes { nodes { identifier job { __typename status } successNodes { identifier } } } } } } }',
      '{ workflowJob(id: 21) { related { workflowNodes { nodes { job { __typename created } } } } } }',
      '{ workflowJobs(first: 2, filter: { status: [ERROR] }) { nodes { id status resultTraceback } } }',
      '{ workflowJobs(first: 20) { nodes { id related { labels { nodes { name } } notifications(first: 1) { totalCount } activityStream(first: 1) { totalCount } } } } }',
    ];
    for (const query of queries) {
      gw.demo.clearRequests();
      expect((await gw.gql(query)).body.errors).toBeUndefined();
      expect(calls(query)).toBeGreaterThanOrEqual(gw.demo.requests.length);
    }
  });
});

describe('MAX_AWX_CALLS', () => {
  it('refuses 30 aliased 200-item lists of a detail-only field before any AWX call (6,030 estimated)', async () => {
    const lists = Array.from({ length: 30 }, (_, i) => `l${i}: workflowJobs(first: 200, filter: { status: [FAILED] }) { nodes { id resultTraceback } }`).join(' ');
    const { body } = await gw.gql(`{ ${lists} }`);
    expect(body).toEqual({ errors: [expect.objectContaining({
      message: expect.stringContaining('Estimated AWX calls 6030 exceeds the limit of 250'), extensions: { code: 'TOO_MANY_AWX_CALLS', limit: 250, found: 6_030 },
    })] });
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('stops an operation whose real AWX calls reach the cap, with a clear error on what was left unread', async () => {
    // bob's bulk job: its nodes come from the job's own sub-list once the batched read finds none, a third call
    const capped = await startTestGateway({ limits: { maxAwxCalls: 2 } });
    try {
      const { body } = await capped.gql('{ workflowJob(id: 952) { id related { workflowNodes { nodes { id } } } } }', {}, BOB);
      expect(body.errors).toEqual([expect.objectContaining({
        path: ['workflowJob', 'related', 'workflowNodes'], message: expect.stringContaining('MAX_AWX_CALLS'), extensions: { code: 'TOO_MANY_AWX_CALLS', limit: 2 },
      })]);
      expect(capped.demo.requests).toHaveLength(2);
    } finally {
      await capped.close();
    }
  });

  it('counts calls, not attempts, and sends none once the budget is spent', async () => {
    const client = new AwxClient(gw.transport, { authorization: ADMIN, operation: operationBudget(10_000, 2) });
    await client.getJson(['workflow_jobs', 1]);
    await client.getJson(['workflow_jobs', 2]);
    await expect(client.getJson(['workflow_jobs', 3])).rejects.toMatchObject({ code: 'TOO_MANY_AWX_CALLS' });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/1/', '/api/v2/workflow_jobs/2/']);
  });
});
