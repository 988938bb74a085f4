/** Query limits: each refusal has a stable code, the limit and what was found, and costs no AWX call. */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { EXAMPLE_QUERY } from '../src/example-query.js';
import { ADMIN, startTestGateway, type GqlResponse, type TestGateway, useTestGateway } from './gateway.js';

const LIMIT_CODES = ['QUERY_TOO_LARGE', 'TOO_MANY_TOKENS', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY'];

/** `workflowJob(id: 1)` with `related { sourceWorkflowJob { … } }` nested `levels` times: depth 2 + 2 × levels. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `related { sourceWorkflowJob { ${inner} } }`;
  return `{ workflowJob(id: 1) { ${inner} } }`;
}

const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

const DASHBOARD = `{ workflowJobs(first: 200) { nodes { id name status related {
  createdBy { username } workflowJobTemplate { name } labels { nodes { name } } } } } }`;
const GRAPHS = `{ workflowJobs(first: 50) { nodes { related { workflowNodes { nodes {
  identifier job { __typename status } successNodes { identifier } } } } } } }`;
const TOO_COSTLY = '{ workflowJobs(first: 200) { nodes { related { workflowNodes(first: 200) { nodes { id } } } } } }';
const INTROSPECTION = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true,
});

const gw = useTestGateway({}, { clearRequests: false });

/** Runs a query and checks it was refused with `code`, `limit` and `found`, before any AWX call. */
async function expectRefused(run: () => Promise<GqlResponse>, code: string, limit: number, found: number) {
  gw.demo.clearRequests();
  const { status, body } = await run();
  expect(status).toBe(200);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions).toEqual({ code, limit, found });
  expect(body.errors?.[0]?.message).toContain(`${found}`);
  expect(body.errors?.[0]?.message).toContain(`limit of ${limit}`);
  expect(gw.upstreamPaths()).toEqual([]);
}

describe('default limits', () => {
  it.each([
    ['QUERY_TOO_LARGE', `{ workflowJob(id: 1) { id } }${' '.repeat(40_000)}`, 32_768, 40_029],
    ['TOO_MANY_TOKENS', `{ ${times(200, () => 'workflowJob(id: 1) { id }')} }`, 1_000, 1_802],
    ['QUERY_TOO_DEEP', nested(7), 15, 16],
    ['TOO_MANY_ALIASES', `{ ${times(31, (i) => `j${i}: workflowJob(id: 1) { id }`)} }`, 30, 31],
    ['TOO_MANY_DIRECTIVES', `{ workflowJob(id: 1) { ${times(51, () => 'id @include(if: true)')} } }`, 50, 51],
    ['QUERY_TOO_COSTLY', TOO_COSTLY, 20_000, 40_601],
  ])('refuses %s', async (code, query, limit, found) => {
    await expectRefused(() => gw.gql(query), code, limit, found);
  });

  it('gives the cost message shown in docs/api.md', async () => {
    const { body } = await gw.gql(TOO_COSTLY);
    expect(body.errors?.[0]?.message).toBe('Query cost 40601 exceeds the limit of 20000: lower `first` on list fields.');
  });

  it('answers 400 to clients that accept application/graphql-response+json', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: ADMIN },
      body: JSON.stringify({ query: TOO_COSTLY }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('reads `first` from variables: the same document passes or not by its variables', async () => {
    const query = 'query($n: Int) { workflowJobs(first: $n) { nodes { related { labels(first: $n) { nodes { name } } } } } }';
    await expectRefused(() => gw.gql(query, { n: 200 }), 'QUERY_TOO_COSTLY', 20_000, 200 * (1 + 1 + 1 + 200) + 1);
    const small = await gw.gql(query, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.workflowJobs.nodes).toHaveLength(5);
  });

  it('counts _entities by their representations', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on WorkflowJob { related { workflowNodes(first: 200) { nodes { id } } } } } }';
    const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'WorkflowJob', id: String(i + 1) }));
    await expectRefused(() => gw.gql(query, { r: representations(100) }), 'QUERY_TOO_COSTLY', 20_000, 100 * 203);
    const few = await gw.gql(query, { r: representations(3) });
    expect(few.body.errors).toBeUndefined();
    expect(few.body.data?._entities).toHaveLength(3);
  });

  it('counts workflowNodes without `first` as 50 nodes and other connections as 25 items', async () => {
    const nodes = '{ workflowJobs(first: 200) { nodes { related { workflowNodes { nodes { identifier job { status } } } } } } }';
    await expectRefused(() => gw.gql(nodes), 'QUERY_TOO_COSTLY', 20_000, 200 * (1 + 1 + 1 + 50 * 2) + 1);
    const labels = '{ workflowJobs(first: 200) { nodes { related { a: labels { nodes { id } } b: labels { nodes { id } } c: labels { nodes { id } } d: labels { nodes { id } } } } } }';
    await expectRefused(() => gw.gql(labels), 'QUERY_TOO_COSTLY', 20_000, 200 * (1 + 1 + 4 * 26) + 1);
  });

  it.each([
    ['a dashboard page of 200 jobs with creator, template and labels', DASHBOARD],
    ['50 jobs with their node graphs', GRAPHS],
    ["GraphiQL's example query", EXAMPLE_QUERY],
    ['a __type lookup nesting ofType 9 deep', `{ __type(name: "WorkflowJob") { fields { type { ${'kind name ofType { '.repeat(9)}kind name${' }'.repeat(9)} } } } }`],
  ])('passes %s', async (_name, query) => {
    const { status, body } = await gw.gql(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
  });

  it("passes GraphiQL's full introspection query", async () => {
    const { status, body } = await gw.gql(INTROSPECTION);
    expect(status).toBe(200);
    expect(body.data?.__schema.types.length).toBeGreaterThan(50);
    expect((body.errors ?? []).filter((e) => LIMIT_CODES.includes(e.extensions?.code))).toEqual([]);
  });
});

describe('configured limits', () => {
  let strict: TestGateway;
  beforeAll(async () => {
    const config = loadConfig({ MAX_QUERY_BYTES: '200', MAX_TOKENS: '40', MAX_DEPTH: '3', MAX_ALIASES: '1', MAX_DIRECTIVES: '1', MAX_COST: '100' });
    strict = await startTestGateway({ limits: config.limits });
  });
  afterAll(() => strict.close());

  it.each([
    ['QUERY_TOO_LARGE', `{ workflowJob(id: 1) { id } }${' '.repeat(200)}`, 200, 229],
    ['TOO_MANY_TOKENS', `{ ${times(6, (i) => `j${i}: workflowJob(id: ${i + 1}) { id }`)} }`, 40, 68],
    ['QUERY_TOO_DEEP', nested(1), 3, 4],
    ['TOO_MANY_ALIASES', '{ a: workflowJob(id: 1) { id } b: workflowJob(id: 2) { id } }', 1, 2],
    ['TOO_MANY_DIRECTIVES', '{ workflowJob(id: 1) { id @include(if: true) name @skip(if: false) } }', 1, 2],
    ['QUERY_TOO_COSTLY', '{ workflowJobs(first: 100) { nodes { id } } }', 100, 101],
  ])('refuses %s at the configured limit', async (code, query, limit, found) => {
    strict.demo.clearRequests();
    const { body } = await strict.gql(query);
    expect(body.errors?.[0]?.extensions).toEqual({ code, limit, found });
    expect(strict.upstreamPaths()).toEqual([]);
  });

  it('still answers what fits', async () => {
    const { body } = await strict.gql('{ workflowJobs(first: 99) { nodes { id } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.workflowJobs.nodes).toHaveLength(99);
  });

  it('rejects bad limit variables, naming each', () => {
    expect(() => loadConfig({ MAX_DEPTH: '0', MAX_COST: 'lots', MAX_ALIASES: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAX_DEPTH: '0', MAX_COST: 'lots' })).toThrow(/MAX_DEPTH must be an integer from 1 to 1000, got "0"[\s\S]*MAX_COST/);
  });
});
