/** GraphiQL and introspection: on by default for exploring, each switchable off for production. */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY } from '../src/example-query.js';
import { startTestGateway, type TestGateway } from './gateway.js';

const INTROSPECT = '{ __schema { queryType { name } } }';

describe('by default', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('serves GraphiQL, offline, opening with the example query', async () => {
    const page = await fetch(gw.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<title>AWX GraphQL</title>');
    expect(html).toContain('query WorkflowJobWithGraph');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  });

  it('answers the full introspection query GraphiQL and codegen send, without errors', async () => {
    const { body } = await gw.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.types.length).toBeGreaterThan(50);
  });

  it('answers introspection, and the example query runs', async () => {
    expect((await gw.gql(INTROSPECT)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const { body } = await gw.gql(EXAMPLE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJob.related.workflowNodes.nodes.length).toBeGreaterThan(0);
  });
});

describe('switched off for production (GRAPHIQL=false, INTROSPECTION=false)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ graphiql: false, introspection: false });
  });
  afterAll(() => gw.close());

  it('serves no GraphiQL page', async () => {
    const page = await fetch(gw.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('<html');
  });

  it('refuses __schema and __type before any AWX call, but keeps __typename and _service', async () => {
    gw.demo.clearRequests();
    // Each twice: the second is answered from the validation cache (src/execution/validationCache.ts).
    for (const query of [INTROSPECT, INTROSPECT, '{ __type(name: "WorkflowJob") { name } }', '{ __type(name: "WorkflowJob") { name } }']) {
      const { body } = await gw.gql(query);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    expect((await gw.gql('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    expect((await gw.gql('{ _service { sdl } }')).body.data!._service.sdl).toContain('@key');
    expect(gw.demo.requests).toHaveLength(0);
  });
});
