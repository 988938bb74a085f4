/**
 * Compiled queries (src/execution/compiledQueries.ts): a query asked again runs compiled (graphql-jit), and its
 * answer must be the interpreter's to the byte, errors and their locations included, with the same AWX calls.
 */
import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledQueries } from '../src/execution/compiledQueries.js';
import { BOB, useTestGateway } from './gateway.js';

/** Queries that exercise what a compiled query must get right, each with its variables and caller. */
const CATALOG: { name: string; query: string; variables?: Record<string, unknown>; auth?: string }[] = [
  { name: 'dashboard page with related objects and labels', query: '{ workflowJobs(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id name status started elapsed related { workflowJobTemplate { name modified } createdBy { username email } inventory { name totalHosts } labels { nodes { name } } } } } }' },
  { name: 'node graphs through interfaces, fragments and aliases', query: 'fragment J on UnifiedJob { __typename id status ... on Job { playbook } } { jobs: workflowJobs(first: 5, orderBy: {field: ID, direction: DESC}) { edges { cursor node { id graph: related { workflowNodes { nodes { identifier job { ...J } successNodes { identifier } } } } } } } }' },
  { name: 'variables, @include and @skip', query: 'query($n: Int!, $after: String, $full: Boolean!) { workflowJobs(first: $n, after: $after) { nodes { id name @include(if: $full) status @skip(if: $full) } } }', variables: { n: 3, full: true } },
  { name: 'scalars and enums', query: '{ workflowJob(id: 2) { id status launchType started finished elapsed extraVars summaryFields { unifiedJobTemplate { name unifiedJobType } } } }' },
  { name: 'a bad argument, located', query: '{ ok: workflowJob(id: 1) { id } bad: workflowJob(id: "abc") { id } }' },
  { name: 'a job the caller may not see', query: '{ workflowJob(id: 1) { id name } }', auth: BOB },
  { name: 'entities of several types', query: 'query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on WorkflowJob { id name } ... on User { id username } } }', variables: { reps: [{ __typename: 'WorkflowJob', id: '3' }, { __typename: 'User', id: '1' }, { __typename: 'WorkflowJob', id: '999999' }] } },
  { name: 'global ids through node and nodes', query: '{ node(globalId: "V29ya2Zsb3dKb2I6MzM=") { __typename ... on WorkflowJob { id name } } nodes(globalIds: ["V29ya2Zsb3dKb2I6MzM=", "bm9wZQ=="]) { __typename } }' },
];

describe('compiled queries', () => {
  const gw = useTestGateway();

  for (const { name, query, variables, auth } of CATALOG) {
    it(`answers ${name} compiled as interpreted, with the same AWX calls`, async () => {
      const first = await gw.gql(query, variables, auth);
      const firstCalls = gw.upstreamPaths();
      gw.demo.clearRequests();
      const again = await gw.gql(query, variables, auth);
      expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
      expect(again.status).toBe(first.status);
      expect(gw.upstreamPaths()).toEqual(firstCalls);
    });
  }
});

describe('when a query is compiled', () => {
  const schema = makeExecutableSchema({
    typeDefs: 'type Query { hello(name: String): String } type Mutation { touch: Boolean }',
    resolvers: { Query: { hello: (_: unknown, { name }: { name?: string }) => `hello ${name ?? 'you'}` }, Mutation: { touch: () => true } },
  });
  const root = {};

  it('runs a query compiled from its second use on, and never a mutation', async () => {
    const compiled = compiledQueries(schema);
    const query = { document: parse('{ hello(name: "awx") }'), rootValue: root };
    expect(compiled(query)).toBeUndefined();
    expect(await compiled(query)).toEqual({ data: { hello: 'hello awx' } });
    const mutation = { document: parse('mutation { touch }'), rootValue: root };
    expect([compiled(mutation), compiled(mutation), compiled(mutation)]).toEqual([undefined, undefined, undefined]);
  });

  it('compiles no more than its bound of documents, and interprets the others while the compiled ones are in use', async () => {
    let now = 0;
    const compiled = compiledQueries(schema, { maxCompiled: 1, idleMs: 1_000, now: () => now });
    const a = { document: parse('{ a: hello }'), rootValue: root };
    const b = { document: parse('{ b: hello }'), rootValue: root };
    for (const run of [a, a, b, b]) await compiled(run);
    now = 999;
    expect(await compiled(a)).toEqual({ data: { a: 'hello you' } });
    now = 1_998;
    expect(compiled(b)).toBeUndefined();
  });

  it('gives the place of a compiled document unused for the idle time to a new one, and compiles the old one again later', async () => {
    let now = 0;
    const compiled = compiledQueries(schema, { maxCompiled: 1, idleMs: 1_000, now: () => now });
    const a = { document: parse('{ a: hello }'), rootValue: root };
    const b = { document: parse('{ b: hello }'), rootValue: root };
    for (const run of [a, a, b]) await compiled(run);
    now = 1_000;
    expect(await compiled(b)).toEqual({ data: { b: 'hello you' } });
    // a was forgotten: seen again, interpreted; b is in use, so a waits until b goes idle.
    expect([compiled(a), compiled(a)]).toEqual([undefined, undefined]);
    now = 2_000;
    expect(await compiled(a)).toEqual({ data: { a: 'hello you' } });
    expect(compiled(b)).toBeUndefined();
  });

  it('interprets an operation it cannot find in the document', () => {
    const compiled = compiledQueries(schema);
    const run = { document: parse('query A { hello } query B { hello }'), operationName: 'C', rootValue: root };
    expect([compiled(run), compiled(run)]).toEqual([undefined, undefined]);
  });
});

describe('graphql-jit as loaded', () => {
  it('compiles without fast-json-stringify (its customJSONSerializer stays off), whose stand-in refuses to serve', async () => {
    const { compileQuery, isCompiledQuery } = await import('../src/execution/jit.js');
    const load = createRequire(import.meta.url);
    const serializer = load(createRequire(load.resolve('graphql-jit')).resolve('fast-json-stringify')) as () => unknown;
    expect(serializer).toThrow(/customJSONSerializer must stay off/);
    const schema = makeExecutableSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
    const compiled = compileQuery(schema, parse('{ hello }'));
    expect(isCompiledQuery(compiled) && (await compiled.query(undefined, {}, {}))).toEqual({ data: { hello: 'world' } });
  });
});
