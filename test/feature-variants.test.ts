/**
 * The benchmark's feature-cost table (bench/features.ts) measures each feature by a gateway built without it
 * (src/server.ts `without`): such a gateway must differ by that feature alone. Left out, the federation trace
 * plugin once took compiled execution with it (both were one plugin's), and its row measured graphql-js's
 * interpreter instead: 53% more CPU on the 50-job dashboard.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway.js';

const counts = vi.hoisted(() => ({ compiled: 0 }));

// Counts the queries the gateway answers compiled (graphql-jit) rather than interpreted.
vi.mock('../src/execution/compiledQueries.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/execution/compiledQueries.js')>();
  return {
    ...real,
    compiledQueries: (...args: Parameters<typeof real.compiledQueries>) => {
      const run = real.compiledQueries(...args);
      return (query: Parameters<typeof run>[0]) => {
        const answer = run(query);
        if (answer !== undefined) counts.compiled++;
        return answer;
      };
    },
  };
});

const QUERY = '{ workflowJobs(first: 3) { nodes { id name related { createdBy { username } } } } }';

describe.each([
  ['every feature on', undefined],
  ['the federation trace plugin left out', new Set(['federationTrace'] as const)],
])('a gateway with %s', (_, without) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ without });
  });
  afterAll(() => gw.close());

  it('answers a query asked again compiled, with the same data and AWX calls', async () => {
    counts.compiled = 0;
    gw.demo.clearRequests();
    const first = await gw.gql(QUERY);
    const firstCalls = gw.upstreamPaths().length;
    gw.demo.clearRequests();
    const again = await gw.gql(QUERY);
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(gw.upstreamPaths()).toHaveLength(firstCalls);
    expect(counts.compiled).toBe(1);
  });
});
