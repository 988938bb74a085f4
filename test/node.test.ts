/**
 * Global Object Identification: every AWX object is a `Node` whose `globalId` no object of another type shares
 * (AWX's ids repeat across types), read back with `node`/`nodes` through the batched by-id loaders, while `id`
 * stays AWX's id; a global id this API did not issue is BAD_USER_INPUT before any AWX call.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { KINDS, rootFieldOf } from '../src/awx/kinds.js';
import { estimateAwxCalls } from '../src/limits/awxCalls.js';
import { buildSchema } from '../src/schema.js';
import { awxPath, BOB, useTestGateway } from './gateway.js';

const gw = useTestGateway();

/** The first object of each kind in the demo, read with its by-id root field (`workflowJob` for workflow jobs). */
async function oneOfEachKind(): Promise<{ typename: string; id: string; globalId: string }[]> {
  const fields = KINDS.map((kind) => {
    const id = (gw.demo.data.collections[kind.resource as keyof typeof gw.demo.data.collections][0] as { id: number }).id;
    return `${kind.graphqlType}: ${rootFieldOf(kind)}(id: ${id}) { __typename id globalId }`;
  });
  const { body } = await gw.gql(`{ ${fields.join(' ')} }`);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data!).map(({ __typename, id, globalId }) => ({ typename: __typename, id, globalId }));
}

describe('globalId', () => {
  it('is unique across types where AWX ids repeat, and id stays the AWX id', async () => {
    const { body } = await gw.gql('{ workflowJob(id: 33) { id globalId } workflowJobTemplate(id: 33) { id globalId } }');
    expect(body).toEqual({ data: {
      workflowJob: { id: '33', globalId: 'V29ya2Zsb3dKb2I6MzM=' },
      workflowJobTemplate: { id: '33', globalId: 'V29ya2Zsb3dKb2JUZW1wbGF0ZTozMw==' },
    } });
    const all = await oneOfEachKind();
    expect(all).toHaveLength(KINDS.length);
    expect(new Set(all.map((o) => o.globalId)).size).toBe(KINDS.length);
    expect(new Set(all.map((o) => o.id)).size).toBeLessThan(KINDS.length); // AWX's ids alone do collide here
  });

  it('costs no AWX call of its own on list items', async () => {
    await gw.gql('{ workflowJobs(first: 5) { nodes { id } } }');
    const plain = gw.upstreamPaths();
    gw.demo.clearRequests();
    const { body } = await gw.gql('{ workflowJobs(first: 5) { nodes { id globalId } } }');
    expect(body.data!.workflowJobs.nodes).toHaveLength(5);
    expect(gw.upstreamPaths()).toEqual(plain);
  });
});

describe('node and nodes', () => {
  it('read every kind back by its globalId, in order, one AWX request per kind', async () => {
    const all = await oneOfEachKind();
    gw.demo.clearRequests();
    const { body } = await gw.gql('query($ids: [ID!]!) { nodes(globalIds: $ids) { __typename globalId ... on UnifiedJob { id } ... on UnifiedJobTemplate { id } ... on User { id } ... on Label { id } } }', {
      ids: all.map((o) => o.globalId),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.nodes.map((n: { __typename: string; globalId: string }) => [n.__typename, n.globalId])).toEqual(all.map((o) => [o.typename, o.globalId]));
    const paths = gw.upstreamPaths();
    expect(paths).toHaveLength(KINDS.length);
    expect(new Set(paths.map((path) => path.split('?')[0])).size).toBe(KINDS.length);
  });

  it('answer node(globalId:) as the by-id root field does, from one id__in read', async () => {
    const fields = 'id name description status lastJobRun';
    const byId = (await gw.gql(`{ workflowJobTemplate(id: 33) { ${fields} } }`)).body.data!.workflowJobTemplate;
    gw.demo.clearRequests();
    const { body } = await gw.gql(`{ node(globalId: "V29ya2Zsb3dKb2JUZW1wbGF0ZTozMw==") { __typename ... on WorkflowJobTemplate { ${fields} } } }`);
    expect(body).toEqual({ data: { node: { __typename: 'WorkflowJobTemplate', ...byId } } });
    expect(gw.upstreamPaths()).toEqual([awxPath('/api/v2/workflow_job_templates/?id__in=33&page_size=200')]);
  });

  it('batch ids of one type into one request, and answer null for ids AWX lacks or hides from the caller', async () => {
    // bob (Operations) sees job templates 18 and 19 and user 1, not workflow job template 29; there is no job template 999999
    const ids = ['Sm9iVGVtcGxhdGU6MTg=', 'VXNlcjox', 'Sm9iVGVtcGxhdGU6MTk=', 'Sm9iVGVtcGxhdGU6OTk5OTk5', 'V29ya2Zsb3dKb2JUZW1wbGF0ZToyOQ=='];
    const query = 'query($ids: [ID!]!) { nodes(globalIds: $ids) { __typename ... on UnifiedJobTemplate { id } ... on User { id } } }';
    const { body } = await gw.gql(query, { ids }, BOB);
    expect(body).toEqual({ data: { nodes: [
      { __typename: 'JobTemplate', id: '18' }, { __typename: 'User', id: '1' }, { __typename: 'JobTemplate', id: '19' }, null, null,
    ] } });
    expect(gw.upstreamPaths().sort()).toEqual([
      awxPath('/api/v2/job_templates/?id__in=18%2C19%2C999999&page_size=200'),
      awxPath('/api/v2/users/?id__in=1&page_size=200'),
      awxPath('/api/v2/workflow_job_templates/?id__in=29&page_size=200'),
    ]);
  });

  it.each([
    ['an AWX id', '33'],
    ['base64 of no type and id', 'Zm9v'],
    ['a type that is no AWX kind', 'UXVlcnk6MQ=='],
    ['an id that is no AWX id', 'V29ya2Zsb3dKb2I6MA=='],
    ['base64 without its padding', 'V29ya2Zsb3dKb2I6MzM'],
    ['a padded id with a space', ' V29ya2Zsb3dKb2I6MzM='],
  ])('refuse %s as BAD_USER_INPUT before any AWX call', async (_what, bad) => {
    const one = await gw.gql('query($id: ID!) { node(globalId: $id) { globalId } }', { id: bad });
    expect(one.body).toEqual({ data: { node: null }, errors: [expect.objectContaining({
      message: `'globalId' must be the globalId of an object of this API, e.g. "V29ya2Zsb3dKb2I6MzM=" for workflow job 33, got ${JSON.stringify(bad)}. AWX ids go to the by-id fields, e.g. workflowJob(id: 33).`,
      path: ['node'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'globalId' },
    })] });
    const many = await gw.gql('query($ids: [ID!]!) { nodes(globalIds: $ids) { globalId } }', { ids: ['V29ya2Zsb3dKb2I6MzM=', bad] });
    expect(many.body.data).toBeNull();
    expect(many.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'globalIds' } })]);
    expect(gw.upstreamPaths()).toEqual([]);
  });
});

describe('the AWX call estimate (MAX_AWX_CALLS)', () => {
  const schema = buildSchema();
  const calls = (query: string, variables?: unknown) => estimateAwxCalls(schema, parse(query), undefined, variables);

  it('counts node as one read and nodes as one read per type named, not one per type behind Node', () => {
    expect(calls('{ node(globalId: "VXNlcjox") { globalId } }')).toBe(1);
    expect(calls('query($ids: [ID!]!) { nodes(globalIds: $ids) { globalId } }', {
      ids: ['Sm9iVGVtcGxhdGU6MTI=', 'VXNlcjox', 'Sm9iVGVtcGxhdGU6MTM=', 'VXNlcjoy'],
    })).toBe(2);
    expect(calls('{ nodes(globalIds: []) { globalId } }')).toBe(0);
  });
});
