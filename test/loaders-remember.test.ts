/**
 * One owner of what a request holds about a workflow job: `remember`/`forget` on a request's loaders and
 * `evictJob` on the cross-request cache. Each test reads the job through every holder, so one left out fails.
 */
import { describe, expect, it } from 'vitest';
import { AwxClient } from '../src/awx/client.js';
import type { AwxWorkflowJob } from '../src/awx/types.js';
import { fetchNodesOfJobs } from '../src/awx/workflowJobNodes.js';
import { getWorkflowJob } from '../src/awx/workflowJobs.js';
import { CACHE_DEFAULTS, createGatewayCache, type CachedResource } from '../src/cache/index.js';
import { createLoaders, type Loaders } from '../src/loaders/index.js';
import { createLogger } from '../src/logger.js';
import { ADMIN, awxPath, useTestGateway } from './gateway.js';

const gw = useTestGateway();
/** A finished workflow job of the demo, with its node graph. */
const ID = 3;

const client = () => new AwxClient(gw.transport, { authorization: ADMIN });
/** The loaders of one new request, reading the demo AWX as the admin. */
const newLoaders = () => createLoaders(client(), { detailConcurrency: 4 });

/** The job and its nodes as AWX sends them now (a detail, as a subscription's snapshot holds it). */
async function snapshot(id: number) {
  const job = (await getWorkflowJob(client(), id))!;
  const nodes = (await fetchNodesOfJobs(client(), [id])).get(id)!;
  gw.demo.clearRequests();
  return { job, nodes };
}

/**
 * Reads the job through every loader that answers for it, and the AWX paths that cost. By id first, the node
 * graph next, the detail last: a detail read is remembered, so read first it would fill the by-id loader.
 */
async function readAll(loaders: Loaders, id: number) {
  gw.demo.clearRequests();
  const row = await loaders.byId('workflow_jobs').load(id);
  const nodes = await loaders.nodesOfJob.load(id);
  const node = await loaders.byId('workflow_job_nodes').load(nodes[0]!.id);
  const detail = await loaders.workflowJob.detail.load({ id });
  return { row, nodes, node, detail, paths: gw.upstreamPaths() };
}

describe('remember', () => {
  it('makes a job and its node graph cost no AWX call, through every loader that answers for them', async () => {
    const { job, nodes } = await snapshot(ID);
    expect(nodes.length).toBeGreaterThan(1);
    const loaders = newLoaders();
    loaders.remember(job, nodes);
    expect(await readAll(loaders, ID)).toEqual({ row: job, nodes, node: nodes[0], detail: job, paths: [] });
  });

  it('replaces what the loaders held: a later field reads the remembered job, not an earlier copy', async () => {
    const { job, nodes } = await snapshot(ID);
    const loaders = newLoaders();
    expect((await readAll(loaders, ID)).paths).toHaveLength(3);
    const changed: AwxWorkflowJob = { ...job, status: 'canceled' };
    const renamed = nodes.map((node) => ({ ...node, identifier: `${node.identifier}-again` }));
    loaders.remember(changed, renamed);
    expect(await readAll(loaders, ID)).toEqual({ row: changed, nodes: renamed, node: renamed[0], detail: changed, paths: [] });
  });

  it('is told of every detail read: the job read by id afterwards costs nothing', async () => {
    const loaders = newLoaders();
    const detail = await loaders.workflowJob.detail.load({ id: ID });
    gw.demo.clearRequests();
    expect(await loaders.byId('workflow_jobs').load(ID)).toBe(detail);
    expect(gw.upstreamPaths()).toEqual([]);
  });
});

describe('forget', () => {
  it('drops the job from every loader that held it: each asks AWX once again', async () => {
    const loaders = newLoaders();
    const first = await readAll(loaders, ID);
    expect(first.paths).toHaveLength(3);
    expect((await readAll(loaders, ID)).paths).toEqual([]);
    loaders.forget(ID);
    expect((await readAll(loaders, ID)).paths).toEqual(first.paths);
    expect(first.paths).toEqual([
      awxPath(`/api/v2/workflow_jobs/?id__in=${ID}&page_size=200`),
      expect.stringMatching(new RegExp(`^${awxPath('/api/v2/workflow_job_nodes/')}\\?workflow_job__in=${ID}&`)),
      awxPath(`/api/v2/workflow_jobs/${ID}/`),
    ]);
  });

  it('leaves other jobs alone', async () => {
    const loaders = newLoaders();
    await readAll(loaders, 4);
    loaders.forget(ID);
    expect((await readAll(loaders, 4)).paths).toEqual([]);
  });
});

describe('evictJob', () => {
  const NAMESPACES: CachedResource[] = ['workflow_jobs', 'workflow_job_detail', 'nodes_of_workflow_job'];

  it("drops the job's row, detail and node list for every caller, and nothing else", async () => {
    const cache = createGatewayCache({ ...CACHE_DEFAULTS, mode: 'memory' }, { awxBaseUrl: 'http://awx.test/', logger: createLogger('silent') })!;
    const callers = ['Bearer one', 'Bearer two'].map((auth) => cache.forCaller(auth, createLogger('silent')));
    for (const caller of callers) {
      for (const resource of NAMESPACES) {
        const read = await caller.read(resource, [ID, 4]);
        await caller.store(resource, read, [ID, 4].map((id) => ({ id, value: { id }, terminal: true })));
      }
    }
    await cache.evictJob(ID);
    for (const caller of callers) {
      for (const resource of NAMESPACES) expect([...(await caller.read(resource, [ID, 4])).hits.keys()], resource).toEqual([4]);
    }
    await cache.close();
  });
});

describe('a request', () => {
  it('remembers the job a relaunch created and, after a cancel, reads it again from AWX once', async () => {
    // 959 is the id the relaunch gets: the demo's unified jobs end with its hand-built edge jobs at 958.
    const NODE_JOBS = 'related { workflowNodes { nodes { workflowJob { id status } } } }';
    const { body } = await gw.gql(`mutation {
      relaunched: relaunchWorkflowJob(id: 1) { workflowJob { id status ${NODE_JOBS} } }
      canceled: cancelWorkflowJob(id: 959) { workflowJob { id status ${NODE_JOBS} } }
    }`);
    const nodeJobs = (data: { workflowJob: { related: { workflowNodes: { nodes: { workflowJob: unknown }[] } } } }) =>
      new Set(data.workflowJob.related.workflowNodes.nodes.map((node) => JSON.stringify(node.workflowJob)));
    expect(nodeJobs(body.data!.relaunched)).toEqual(new Set([JSON.stringify({ id: '959', status: 'PENDING' })]));
    expect(nodeJobs(body.data!.canceled)).toEqual(new Set([JSON.stringify({ id: '959', status: 'CANCELED' })]));
    const nodesOf959 = expect.stringMatching(new RegExp(`^${awxPath('/api/v2/workflow_job_nodes/')}\\?workflow_job__in=959&`));
    // No `?id__in=959`: the nodes' workflow job is the one remembered from the relaunch, then from the cancel's read.
    expect(gw.upstreamPaths()).toEqual([
      awxPath('/api/v2/workflow_jobs/1/relaunch/'), nodesOf959,
      awxPath('/api/v2/workflow_jobs/959/cancel/'), awxPath('/api/v2/workflow_jobs/959/'), nodesOf959,
    ]);
  });
});
