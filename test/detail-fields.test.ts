/** Detail-only fields on list items: read from each job's detail once, with bounded concurrency, never a silent null. */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestGateway } from './gateway.js';

const gw = useTestGateway({ detailConcurrency: 4 }, { clearRequests: false });
beforeEach(() => {
  gw.demo.clearRequests();
  gw.demo.clearFaults();
  gw.demo.setLatency(0);
});

const detailPaths = (paths: string[]) => paths.filter((p) => /^\/api\/v2\/workflow_jobs\/\d+\/$/.test(p));

describe('detail-only fields on list items', () => {
  it('costs exactly one upstream call for a page that does not select them', async () => {
    const { body } = await gw.gql('{ workflowJobs(first: 200) { nodes { id name status jobExplanation extraVars } } }');
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?order_by=id&page=1&page_size=200']);
  });

  it('reads each job detail once, however many detail-only fields and aliases ask for it', async () => {
    const { body } = await gw.gql(`{
      a: workflowJobs(first: 20) { nodes { id jobArgs jobCwd jobEnv resultTraceback } }
      b: workflowJobs(first: 10) { nodes { id env: jobEnv } }
    }`);
    expect(body.errors).toBeUndefined();
    const details = detailPaths(gw.upstreamPaths());
    expect(details).toHaveLength(20);
    expect(new Set(details).size).toBe(20);
    const nodes = body.data!.a.nodes as Record<string, unknown>[];
    for (const node of nodes) {
      expect(typeof node.jobArgs).toBe('string');
      expect(typeof node.jobCwd).toBe('string');
      expect(node.jobEnv).toBeTypeOf('object');
      expect(node.jobEnv).not.toBeNull();
      expect(typeof node.resultTraceback).toBe('string');
    }
  });

  it('keeps at most AWX_DETAIL_CONCURRENCY detail reads in flight', async () => {
    gw.demo.setLatency(100);
    const started = Date.now();
    const { body } = await gw.gql('{ workflowJobs(first: 20) { nodes { id jobEnv } } }');
    const elapsed = Date.now() - started;
    expect(body.errors).toBeUndefined();
    // 1 list read, then 20 details in waves of 4: at least 6 sequential 100 ms round trips.
    expect(elapsed).toBeGreaterThanOrEqual(550);
  });

  it('turns one failing detail into an error on that item alone', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 500, body: {} }, match: (r) => r.pathname === '/api/v2/workflow_jobs/3/' });
    const { body } = await gw.gql('{ workflowJobs(first: 5) { nodes { id jobArgs } } }');
    const nodes = body.data!.workflowJobs.nodes as { id: string; jobArgs: string | null }[];
    expect(nodes.map((n) => n.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(nodes[2]!.jobArgs).toBeNull();
    expect(nodes.filter((n) => n.jobArgs !== null)).toHaveLength(4);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['workflowJobs', 'nodes', 2, 'jobArgs'], extensions: { code: 'UPSTREAM_ERROR', upstreamStatus: 500 } }),
    ]);
  });
});
