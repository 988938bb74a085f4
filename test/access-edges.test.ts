/**
 * Access rules real AWX has and a simple demo hides (awx/main/access.py, awx/api/views/__init__.py): a job's
 * nodes the global node list hides although the job is readable, and system jobs a non-superuser may not list.
 * Demo data: bulk job 952 (bob launched it; no template) and job 956, whose node 957 ran system job 958.
 */
import { describe, expect, it } from 'vitest';
import { DAVE } from './demo-auth.js';
import { BOB, useTestGateway } from './gateway.js';

const gw = useTestGateway();

const NODES = '{ workflowJob(id: 952) { id related { workflowNodes { totalCount nodes { id jobId } } } } }';
const pathsOf = () => gw.upstreamPaths().map((path) => path.replace(/\?.*/, ''));

describe("a job's nodes that WorkflowJobNodeAccess hides", () => {
  it("gives bob the nodes of the bulk job he launched, from the job's own sub-list when the batched read has none", async () => {
    const { body } = await gw.gql(NODES, {}, BOB);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJob.related.workflowNodes.nodes.map((n: { id: string }) => n.id)).toEqual(['953', '954', '955']);
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/952/', '/api/v2/workflow_job_nodes/', '/api/v2/workflow_jobs/952/workflow_nodes/']);
  });

  it('costs nothing more when the batched read already has them (the Operations admin sees them there)', async () => {
    const { body } = await gw.gql(NODES, {}, DAVE);
    expect(body.data!.workflowJob.related.workflowNodes.totalCount).toBe(3);
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/952/', '/api/v2/workflow_job_nodes/']);
  });

  it('reads every hidden job of a page in parallel, one sub-list each, and nothing for the others', async () => {
    const { body } = await gw.gql('{ a: workflowJob(id: 952) { related { workflowNodes { totalCount } } } b: workflowJob(id: 956) { related { workflowNodes { totalCount } } } }', {}, BOB);
    expect(body.data).toEqual({ a: { related: { workflowNodes: { totalCount: 3 } } }, b: { related: { workflowNodes: { totalCount: 2 } } } });
    expect(pathsOf().filter((path) => path.endsWith('/workflow_nodes/'))).toEqual(['/api/v2/workflow_jobs/952/workflow_nodes/']);
  });
});

describe('system jobs and templates a non-superuser may not list', () => {
  const GRAPH = '{ workflowJob(id: 956) { related { workflowNodes { nodes { id job { id name status __typename ...J } } } } } }';

  it("answers a node's system job from its summary, or null when more is asked: never an error for the batch", async () => {
    const summaryOnly = await gw.gql(GRAPH.replace(' ...J', ''), {}, BOB);
    expect(summaryOnly.body.errors).toBeUndefined();
    const jobs = summaryOnly.body.data!.workflowJob.related.workflowNodes.nodes.map((n: { job: unknown }) => n.job);
    expect(jobs).toContainEqual({ id: '958', name: expect.any(String), status: expect.any(String), __typename: 'SystemJob' });
    gw.demo.clearRequests();
    const more = await gw.gql(`${GRAPH} fragment J on SystemJob { jobType }`, {}, BOB);
    expect(more.body.errors).toBeUndefined();
    const nodes = more.body.data!.workflowJob.related.workflowNodes.nodes as { id: string; job: { id: string } | null }[];
    expect(nodes.find((n) => n.id === '957')!.job).toBeNull();
    expect(nodes.find((n) => n.id === '956')!.job).toMatchObject({ id: '957' });
    expect(gw.demo.requests.filter((r) => r.pathname === '/api/v2/system_jobs/')).toHaveLength(1); // answered 403, read as none
  });

  it('reads them for a superuser', async () => {
    const { body } = await gw.gql(`{ systemJob(id: 958) { id jobType } }`);
    expect(body.data!.systemJob).toMatchObject({ id: '958' });
  });
});
