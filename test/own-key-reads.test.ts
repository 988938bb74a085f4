/**
 * Fields whose resolver only reads the AWX key of their own name are left to the executor's default read
 * (src/resolvers/ownKeyReads.ts): the answer is the same, compiled or interpreted, absent keys included.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, GraphQLScalarType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledQueries } from '../src/execution/compiledQueries.js';
import { ownId, prop } from '../src/resolvers/helpers.js';
import { resolvers } from '../src/resolvers/index.js';
import { withoutOwnKeyReads } from '../src/resolvers/ownKeyReads.js';
import { buildSchema } from '../src/schema.js';

type Row = { id: number; name?: string | null; description?: string; canceled_on?: string | null };

describe('own-key reads', () => {
  const canceledOn = prop<Row, 'canceled_on'>('canceled_on');
  const shout = (row: Row) => row.name?.toUpperCase() ?? null;

  it('drops `name: p(\'name\')` and `id: ownId`, and keeps renamed keys, computed fields, scalars and enums', () => {
    const scalar = new GraphQLScalarType({ name: 'When' });
    const kept = withoutOwnKeyReads({ When: scalar, Job: { id: ownId, name: prop<Row, 'name'>('name'), canceledOn, shout }, Status: { OK: 'ok' } } as never) as Record<string, unknown>;
    expect(kept.When).toBe(scalar);
    expect(kept.Job).toEqual({ canceledOn, shout });
    expect(kept.Status).toEqual({ OK: 'ok' });
  });

  it('answers what the resolvers answered, absent and null keys as null, compiled and interpreted', async () => {
    const typeDefs = 'type Query { jobs: [Job!]! } type Job { id: ID! name: String description: String canceledOn: String shout: String }';
    const rows: Row[] = [{ id: 7, name: 'nightly', description: 'd', canceled_on: null }, { id: 8, name: null }];
    const fields = { id: ownId, name: prop<Row, 'name'>('name'), description: prop<Row, 'description'>('description'), canceledOn, shout };
    const full = makeExecutableSchema({ typeDefs, resolvers: { Query: { jobs: () => rows }, Job: fields } });
    const lean = makeExecutableSchema({ typeDefs, resolvers: withoutOwnKeyReads({ Query: { jobs: () => rows }, Job: fields } as never) as never });
    const document = parse('{ jobs { id name description canceledOn shout } }');
    const expected = await execute({ schema: full, document });
    expect(expected.data?.jobs).toEqual([
      { id: '7', name: 'nightly', description: 'd', canceledOn: null, shout: 'NIGHTLY' },
      { id: '8', name: null, description: null, canceledOn: null, shout: null },
    ]);
    expect(await execute({ schema: lean, document })).toEqual(expected);
    const compiled = compiledQueries(lean);
    const run = { document, rootValue: {} };
    compiled(run); // compiled from the second use
    expect(await compiled(run)).toEqual(expected);
  });

  it('leaves the gateway schema\'s own-key fields without resolvers, and its renamed ones with theirs', () => {
    const job = buildSchema().getType('WorkflowJob') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
    const fields = job.getFields();
    expect(fields.id!.resolve).toBeUndefined();
    expect(fields.name!.resolve).toBeUndefined();
    expect(fields.canceledOn!.resolve).toBeTypeOf('function');
    expect(fields.status!.resolve).toBeTypeOf('function'); // unknown AWX values answer an error of their own
    expect((resolvers.WorkflowJob as Record<string, unknown>).name).toBeUndefined();
  });
});
