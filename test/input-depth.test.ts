/**
 * Hostile input is the caller's error: variables, literal arguments and `_entities` representations nested
 * deeper than MAX_INPUT_DEPTH (64), and representations naming no entity type, get BAD_USER_INPUT before
 * any AWX call, never INTERNAL_SERVER_ERROR.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useTestGateway } from './gateway.js';
import { drain, wsSubscribe } from './live-clients.js';

const gw = useTestGateway();
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on WorkflowJob { id } } }';

/** Posts a body written as text: JSON.stringify itself overflows on the depths a hostile client sends. */
async function postRaw(query: string, variablesJson: string): Promise<{ status: number; body: any }> {
  const response = await fetch(gw.url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN }, body: `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`,
  });
  return { status: response.status, body: await response.json() };
}

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const nestedValue = (depth: number): unknown => (depth === 0 ? 1 : [nestedValue(depth - 1)]);

describe('input nesting (MAX_INPUT_DEPTH)', () => {
  it('refuses variables 10,000 deep on their way to AWX (a launch\'s extra_vars) with BAD_USER_INPUT and no AWX call', async () => {
    const { body } = await postRaw('mutation($v: JSON) { launchWorkflowJobTemplate(id: 7, input: { extraVars: $v }) { workflowJob { id } } }', `{"v":{"a":${nested(10_000)}}}`);
    expect(body).toEqual({ errors: [expect.objectContaining({ message: expect.stringContaining('MAX_INPUT_DEPTH'), extensions: { code: 'BAD_USER_INPUT', limit: 64 } })] });
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('refuses a representation 10,000 deep, and a literal argument past the limit, the same way', async () => {
    const deep = await postRaw(ENTITIES, `{"r":[{"__typename":"WorkflowJob","id":${nested(10_000)}}]}`);
    expect(deep.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const literal = await gw.gql(`{ _entities(representations: [{ __typename: "WorkflowJob", id: "1", x: ${nested(70)} }]) { __typename } }`);
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('serves input nested up to the limit', async () => {
    const { body } = await postRaw(ENTITIES, `{"r":[{"__typename":"WorkflowJob","id":"1","extra":${nested(62)}}]}`);
    expect(body).toEqual({ data: { _entities: [{ __typename: 'WorkflowJob', id: '1' }] } });
  });

  it('checks graphql-ws operations too', async () => {
    const events = await drain(wsSubscribe(gw.wsUrl, 'subscription($id: ID!) { workflowJobUpdated(id: $id) { id } }', {
      auth: ADMIN, variables: { id: '1', unused: nestedValue(100) },
    }), 10_000);
    expect(events).toEqual([{ errors: [expect.objectContaining({ message: expect.stringContaining('MAX_INPUT_DEPTH') })] }]);
  });
});

describe('variables of the wrong type', () => {
  it('are BAD_USER_INPUT, as graphql words them, before any AWX call', async () => {
    for (const variables of [{ id: null }, { id: { a: 1 } }, {}]) {
      const { body } = await gw.gql('query($id: ID!) { workflowJob(id: $id) { id } }', variables);
      expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Variable "\$id"/), extensions: { code: 'BAD_USER_INPUT' } })]);
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });
});

describe('_entities representations', () => {
  for (const typename of ['Nope', '__proto__', 'constructor', 'toString', '', 'Query', 'WorkflowJobConnection', 'JobStatus']) {
    it(`refuses __typename ${JSON.stringify(typename)} with BAD_USER_INPUT and no AWX call`, async () => {
      const { body } = await gw.gql(ENTITIES, { r: [{ __typename: 'WorkflowJob', id: '1' }, { __typename: typename, id: '1' }] });
      expect(body.errors).toEqual([expect.objectContaining({
        message: expect.stringContaining('representations[1] has'), extensions: { code: 'BAD_USER_INPUT' },
      })]);
      expect(gw.upstreamPaths()).toEqual([]);
    });
  }

  it('refuses a representation that is not an object, is null or has no __typename', async () => {
    for (const representation of [null, 'x', 1, [], {}]) {
      const { body } = await gw.gql(ENTITIES, { r: [representation] });
      // null is refused as a variable ([_Any!]!), the others by the representation check: no data either way
      expect({ representation, errors: body.errors, data: body.data ?? null }).toEqual({
        representation, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })], data: null,
      });
    }
  });
});
