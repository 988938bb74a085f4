/**
 * Related objects and labels answered from a job's summary come back as values, not promises: on a page of jobs
 * the executor then completes each at once instead of scheduling a step per job and field. What needs AWX is
 * still a promise through the request's loader.
 */
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AwxWorkflowJob } from '../src/awx/types.js';
import type { GatewayContext } from '../src/context.js';
import { resolveRelated } from '../src/resolvers/related.js';
import { labelsOf } from '../src/resolvers/relatedLists.js';

/** The resolve info of the field selected in `query` (`{ field { … } }`), as the executor passes it. */
function infoOf(query: string): GraphQLResolveInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} } as unknown as GraphQLResolveInfo;
}

/** A context whose loaders record what they were asked for and answer from `objects`. */
function contextWith(objects: Record<number, object>) {
  const asked: string[] = [];
  const loader = (resource: string) => ({
    load: (id: number) => (asked.push(`${resource}:${id}`), Promise.resolve(objects[id] ?? null)),
    loadMany: (ids: number[]) => (asked.push(`${resource}:${ids.join(',')}`), Promise.resolve(ids.map((id) => objects[id] ?? null))),
  });
  return { asked, ctx: { loaders: { byId: loader } } as unknown as GatewayContext };
}

const INVENTORY = { id: 4, name: 'Demo Inventory', total_hosts: 3 };
const ANSWERS = ['id', 'name', 'totalHosts'] as const;
type Summary = typeof INVENTORY;

describe('a related object its summary answers', () => {
  it('is the summary itself, returned at once, with no AWX read', () => {
    const { asked, ctx } = contextWith({});
    const answer = resolveRelated<'inventories', Summary>({ id: 4, resource: 'inventories', summary: INVENTORY, answers: ANSWERS as never }, infoOf('{ inventory { name totalHosts } }'), ctx);
    expect(answer).toBe(INVENTORY);
    expect(asked).toEqual([]);
  });

  it('is a copy completed with what the type needs when the summary lacks it (a template\'s `type`)', () => {
    const { ctx } = contextWith({});
    const summary = { id: 7, name: 'Nightly' };
    const answer = resolveRelated({ id: 7, resource: 'workflow_job_templates', summary, extra: { type: 'workflow_job_template' }, answers: ['id', 'name', 'type'] as never }, infoOf('{ t { __typename name } }'), ctx);
    expect(answer).toEqual({ id: 7, name: 'Nightly', type: 'workflow_job_template' });
    expect(answer).not.toBe(summary);
  });

  it('is read through the loader, as a promise, when more is selected than the summary holds', async () => {
    const { asked, ctx } = contextWith({ 4: { ...INVENTORY, kind: '' } });
    const answer = resolveRelated<'inventories', Summary>({ id: 4, resource: 'inventories', summary: INVENTORY, answers: ANSWERS as never }, infoOf('{ inventory { name kind } }'), ctx);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ ...INVENTORY, kind: '' });
    expect(asked).toEqual(['inventories:4']);
  });
});

describe("a job's labels embedded whole", () => {
  const job = { id: 9, summary_fields: { labels: { count: 2, results: [{ id: 1, name: 'prod' }, { id: 2, name: 'db' }] } } } as unknown as AwxWorkflowJob;

  it('are a page returned at once when only names are asked for', () => {
    const { asked, ctx } = contextWith({});
    const page = labelsOf(job, {}, ctx, infoOf('{ labels { nodes { name } } }'));
    expect(page).not.toBeInstanceOf(Promise);
    expect(page).toMatchObject({ totalCount: 2, items: [{ name: 'prod' }, { name: 'db' }] });
    expect(asked).toEqual([]);
  });

  it('are completed by id, in one read, when more is asked for', async () => {
    const { asked, ctx } = contextWith({ 1: { id: 1, name: 'prod', organization: 1 }, 2: { id: 2, name: 'db', organization: 1 } });
    const page = labelsOf(job, {}, ctx, infoOf('{ labels { nodes { name organizationId } } }'));
    expect(page).toBeInstanceOf(Promise);
    expect(await page).toMatchObject({ totalCount: 2, items: [{ organization: 1 }, { organization: 1 }] });
    expect(asked).toEqual(['labels:1,2']);
  });
});
