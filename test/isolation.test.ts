/** Isolation by construction: 1,200 interleaved requests from three callers, each answered with exactly their own view. */
import { describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, useTestGateway } from './gateway.js';

const gw = useTestGateway({}, { clearRequests: false });

const CALLERS = [ADMIN, ALICE, BOB];
/** A mix that exercises every per-request cache: lists, details, by-id batches, node graphs and entities. */
const QUERIES = [
  '{ workflowJobs(first: 30, orderBy: [{ field: ID, direction: DESC }]) { totalCount nodes { id related { createdBy { email } organization { id } } } } }',
  '{ a: workflowJob(id: 3) { id name related { workflowNodes { nodes { id job { id status } } } } } b: workflowJob(id: 120) { id } }',
  '{ users: _entities(representations: [{ __typename: "User", id: "1" }, { __typename: "User", id: "2" }, { __typename: "User", id: "3" }]) { ... on User { id username } } }',
  '{ workflowJobs(first: 5, filter: { status: [FAILED] }) { nodes { id related { inventory { id name organizationId } labels { nodes { id organizationId } } } } } }',
];

describe('isolation', () => {
  it('never shows one caller another caller\'s data, under 1,200 concurrent interleaved requests', async () => {
    const expected = new Map<string, string>();
    for (const auth of CALLERS) {
      for (const query of QUERIES) {
        const { body } = await gw.gql(query, {}, auth);
        expect(body.errors, `${auth} ${query}`).toBeUndefined();
        expected.set(`${auth}|${query}`, JSON.stringify(body.data));
      }
    }
    for (const query of QUERIES) {
      expect(new Set(CALLERS.map((auth) => expected.get(`${auth}|${query}`))).size, query).toBeGreaterThan(1);
    }
    const total = 1_200;
    const plan = Array.from({ length: total }, (_, i) => ({ auth: CALLERS[(i * 7) % 3]!, query: QUERIES[(i * 5) % QUERIES.length]! }));
    let mismatches = 0;
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const { auth, query } = plan[next++]!;
        const { body } = await gw.gql(query, {}, auth);
        if (JSON.stringify(body.data) !== expected.get(`${auth}|${query}`)) mismatches++;
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
    expect(next).toBe(total);
    expect(mismatches).toBe(0);
  }, 120_000);
});
