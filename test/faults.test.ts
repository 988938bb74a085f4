/** Under 30% upstream faults (500s, resets, hangs, malformed JSON, slow bodies) every answer is well-formed GraphQL. */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Fault } from '@awx-graphql/demo-awx';
import { startTestGateway, type GqlResponse, type TestGateway } from './gateway.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Five fault kinds, each firing on ~6.9% of upstream requests: 1 - 0.931^5 ≈ 30% in all. */
const FAULTS: Fault[] = [
  { type: 'status', status: 500, body: { detail: 'Internal error' } },
  { type: 'reset' },
  { type: 'hang' },
  { type: 'malformed' },
  { type: 'slow', ms: 2_000 },
];
const QUERIES = [
  '{ workflowJobs(first: 20) { nodes { id name related { createdBy { email } workflowJobTemplate { modified } } } } }',
  '{ workflowJob(id: 7) { id status related { workflowNodes { nodes { identifier job { __typename started } } } labels { nodes { name organizationId } } } } }',
  '{ a: workflowJob(id: 1) { id name } b: workflowJob(id: 2) { id jobArgs } c: user(id: 1) { username } }',
  '{ _entities(representations: [{ __typename: "WorkflowJob", id: "5" }, { __typename: "Inventory", id: "1" }]) { ... on WorkflowJob { id name } ... on Inventory { name } } }',
];
const UPSTREAM_CODES = new Set(['UPSTREAM_ERROR', 'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_OVERLOADED']);

let gw: TestGateway;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  gw = await startTestGateway({ timeoutMs: 400, resilience: { breakerCooldownMs: 200 } });
  // With a 400 ms AWX timeout, a cold start on a busy machine can miss the first API lookup; discovery then looks
  // again in the background. The faults are measured once the gateway has found AWX's API, not before.
  await vi.waitFor(async () => expect((await gw.gql('{ workflowJob(id: 1) { id } }')).body.errors).toBeUndefined(), { timeout: 30_000, interval: 250 });
}, 60_000);
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await gw.close();
});

async function run(count: number, concurrency: number): Promise<GqlResponse[]> {
  const answers: GqlResponse[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) answers.push(await gw.gql(QUERIES[next++ % QUERIES.length]!));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe('fault injection', () => {
  it('answers every request with well-formed GraphQL, partial data where possible, and no leak', async () => {
    await run(40, 8);
    const baseline = heapMb();
    for (const fault of FAULTS) gw.demo.addFault({ fault, probability: 0.069 });
    const answers = await run(400, 16);
    gw.demo.clearFaults();
    const outcome = { ok: 0, partial: 0, failed: 0 };
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data !== undefined || body.errors !== undefined).toBe(true);
      for (const error of body.errors ?? []) {
        expect(UPSTREAM_CODES.has(error.extensions?.code), JSON.stringify(error)).toBe(true);
        expect(error.path?.length).toBeGreaterThan(0);
      }
      const hasData = body.data && Object.values(body.data).some((value) => value !== null);
      outcome[!body.errors ? 'ok' : hasData ? 'partial' : 'failed']++;
    }
    console.log(`fault test: ${answers.length} answers, ${JSON.stringify(outcome)}, ${gw.demo.requests.length} upstream requests`);
    expect(outcome.ok).toBeGreaterThan(0);
    expect(outcome.partial).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
    expect(gw.logs.filter((line) => line.includes('unexpected error'))).toEqual([]);
    await run(40, 8);
    expect(heapMb() - baseline).toBeLessThan(20);
  }, 120_000);
});
