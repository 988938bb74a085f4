/** Mutations and the cross-request cache: a write AWX may have acted on evicts the job for every caller; a refusal does not. */
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DEFAULTS, type CacheConfig } from '../src/cache/index.js';
import { DEMO_ADMIN_READONLY_TOKEN } from '@awx-graphql/demo-awx';
import { ADMIN, ALICE, startTestGateway, type TestGateway } from './gateway.js';

const DETAIL = (id: number) => `{ workflowJob(id: ${id}) { id status related { workflowNodes { totalCount } } } }`;
/** What a read answered wholly from the cache still costs: AWX's check that the caller's credentials are good. */
const FROM_CACHE = ['GET /api/v2/me/'];
const ENTITY = (id: number) => `{ _entities(representations: [{ __typename: "WorkflowJob", id: "${id}" }]) { ... on WorkflowJob { id status } } }`;

let gw: TestGateway;
async function start(cache: Partial<CacheConfig> = {}): Promise<TestGateway> {
  gw = await startTestGateway({ cache: { ...CACHE_DEFAULTS, mode: 'memory', ...cache } });
  return gw;
}
afterEach(() => gw.close());

/** Runs a query and returns its answer and the AWX requests it cost. */
async function read(query: string, auth: string | null = ADMIN) {
  gw.demo.clearRequests();
  const { body } = await gw.gql(query, {}, auth);
  return { body, calls: gw.demo.requests.map((r) => `${r.method} ${r.path}`) };
}

/** Reads a finished job twice (detail with its nodes, and by id), checking the second read came from the cache. */
async function cached(id: number, auth = ADMIN) {
  for (const query of [DETAIL(id), ENTITY(id)]) {
    expect((await read(query, auth)).calls).not.toEqual(FROM_CACHE);
    expect((await read(query, auth)).calls).toEqual(FROM_CACHE);
  }
}

describe('mutations and the cache', () => {
  it('a delete evicts the job for every caller: the next read goes to AWX and finds nothing', async () => {
    await start();
    await cached(11, ALICE);
    expect((await read('mutation { deleteWorkflowJob(id: 11) { deletedId } }')).calls).toEqual(['DELETE /api/v2/workflow_jobs/11/']);
    expect(await read(DETAIL(11), ALICE)).toEqual({ body: { data: { workflowJob: null } }, calls: ['GET /api/v2/workflow_jobs/11/'] });
    expect(await read(ENTITY(11), ALICE)).toEqual({ body: { data: { _entities: [null] } }, calls: ['GET /api/v2/workflow_jobs/?id__in=11&page_size=200'] });
  });

  it('a relaunch evicts the job it relaunched', async () => {
    await start();
    await cached(14);
    expect((await read('mutation { relaunchWorkflowJob(id: 14) { workflowJob { id } } }')).calls).toEqual(['POST /api/v2/workflow_jobs/14/relaunch/']);
    expect((await read(DETAIL(14))).calls).toContain('GET /api/v2/workflow_jobs/14/');
    expect((await read(ENTITY(14))).calls).toEqual(['GET /api/v2/workflow_jobs/?id__in=14&page_size=200']);
  });

  it('a refused write evicts nothing; a write whose outcome is unknown (5xx) does', async () => {
    await start();
    await cached(19);
    const refused = await read('mutation { deleteWorkflowJob(id: 19) { deletedId } }', `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await read(DETAIL(19))).calls).toEqual(FROM_CACHE);
    gw.demo.addFault({ fault: { type: 'status', status: 503 }, match: (r) => r.method === 'DELETE', times: 1 });
    const unknown = await read('mutation { deleteWorkflowJob(id: 19) { deletedId } }');
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect((await read(DETAIL(19))).calls).toContain('GET /api/v2/workflow_jobs/19/');
  });

  it('a cancel reads the job again from AWX even while a copy of it is cached', async () => {
    await start({ activeTtlMs: 60_000 });
    expect((await read('{ workflowJob(id: 237) { status } }')).calls).toEqual(['GET /api/v2/workflow_jobs/237/']);
    expect((await read('{ workflowJob(id: 237) { status } }')).calls).toEqual(FROM_CACHE);
    expect(await read('mutation { cancelWorkflowJob(id: 237) { workflowJob { status } } }')).toEqual({
      body: { data: { cancelWorkflowJob: { workflowJob: { status: 'CANCELED' } } } },
      calls: ['POST /api/v2/workflow_jobs/237/cancel/', 'GET /api/v2/workflow_jobs/237/'],
    });
    expect(await read('{ workflowJob(id: 237) { status } }')).toEqual({ body: { data: { workflowJob: { status: 'CANCELED' } } }, calls: FROM_CACHE });
  });
});
