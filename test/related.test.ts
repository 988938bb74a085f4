/** Related objects: summary-first, one batched `id__in` request per kind of object, failures kept local. */
import { beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, useTestGateway } from './gateway.js';

const gw = useTestGateway({}, { clearRequests: false });
beforeEach(() => {
  gw.demo.clearRequests();
  gw.demo.clearFaults();
});

const pathsOf = () => gw.upstreamPaths().map((p) => p.replace(/\?.*/, ''));

describe('summary_fields first', () => {
  it('answers template and creator of one job from its summary: 1 upstream request', async () => {
    const { body } = await gw.gql('{ workflowJob(id: 1) { related { workflowJobTemplate { id name } createdBy { username } } } }');
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/1/']);
    const related = body.data!.workflowJob.related;
    expect(related.workflowJobTemplate).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(related.createdBy.username).toEqual(expect.any(String));
  });

  it('sees through aliases, fragments and __typename', async () => {
    const query = `{ workflowJob(id: 1) { related {
      createdBy { __typename login: username ...Names }
      unifiedJobTemplate { __typename id ... on WorkflowJobTemplate { name } }
    } } }
    fragment Names on User { firstName lastName }`;
    const { body } = await gw.gql(query);
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toHaveLength(1);
    expect(body.data!.workflowJob.related.createdBy.__typename).toBe('User');
    expect(body.data!.workflowJob.related.unifiedJobTemplate.__typename).toBe('WorkflowJobTemplate');
  });

  it('fetches the full object when a fragment asks for more than the summary holds', async () => {
    const { body } = await gw.gql('{ workflowJob(id: 1) { related { createdBy { username ... on User { email } } } } }');
    expect(body.errors).toBeUndefined();
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/1/', '/api/v2/users/']);
    const user = body.data!.workflowJob.related.createdBy;
    const direct = await gw.gql(`{ user(id: ${JSON.stringify(await creatorId(1))}) { username email } }`);
    expect(user).toEqual(direct.body.data!.user);
  });
});

async function creatorId(jobId: number): Promise<string> {
  const { body } = await gw.gql(`{ workflowJob(id: ${jobId}) { summaryFields { createdBy { id } } } }`);
  return body.data!.workflowJob.summaryFields.createdBy.id;
}

describe('batching across a page', () => {
  const DASHBOARD = (n: number) =>
    `{ workflowJobs(first: ${n}) { nodes { id related { createdBy { email } workflowJobTemplate { modified } inventory { totalHosts } } } } }`;

  it.each([10, 50, 100, 200])('costs at most 4 requests for %i jobs, one per kind of object', async (n) => {
    const { body } = await gw.gql(DASHBOARD(n));
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJobs.nodes).toHaveLength(n);
    const paths = pathsOf();
    expect(paths.length).toBeLessThanOrEqual(4);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths[0]).toBe('/api/v2/workflow_jobs/');
    expect(paths).toContain('/api/v2/users/');
    expect(paths).toContain('/api/v2/workflow_job_templates/');
  });

  it('sends every distinct id once, in id__in chunks of at most 200', async () => {
    await gw.gql(DASHBOARD(200));
    const users = gw.demo.requests.find((r) => r.pathname === '/api/v2/users/')!;
    const ids = users.query.get('id__in')!.split(',');
    expect(new Set(ids).size).toBe(ids.length);
    expect(users.query.get('page_size')).toBe('200');
  });

  it('returns the same objects as asking for them by id', async () => {
    const { body } = await gw.gql('{ workflowJobs(first: 5) { nodes { related { workflowJobTemplate { id name modified } } } } }');
    for (const node of body.data!.workflowJobs.nodes as any[]) {
      const template = node.related.workflowJobTemplate;
      if (!template) continue;
      const direct = await gw.gql(`{ workflowJobTemplate(id: ${template.id}) { id name modified } }`);
      expect(template).toEqual(direct.body.data!.workflowJobTemplate);
    }
  });
});

describe('workflow node graphs', () => {
  const GRAPH = '{ workflowJobs(first: 50) { nodes { related { workflowNodes { nodes { identifier job { __typename status } successNodes { identifier } } } } } } }';

  it('reads the graphs of 50 jobs in at most 2 requests', async () => {
    const { body } = await gw.gql(GRAPH);
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths().length).toBeLessThanOrEqual(2);
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/', '/api/v2/workflow_job_nodes/']);
    const graphs = body.data!.workflowJobs.nodes.map((n: any) => n.related.workflowNodes.nodes);
    expect(graphs.every((nodes: unknown[]) => nodes.length > 0)).toBe(true);
    const jobTypes = new Set(graphs.flat().map((n: any) => n.job?.__typename).filter(Boolean));
    expect(jobTypes.size).toBeGreaterThan(1);
  });

  it('links children to the nodes already loaded, matching AWX ids', async () => {
    const { body } = await gw.gql('{ workflowJob(id: 2) { related { workflowNodes { nodes { id successNodes { id } failureNodes { id } alwaysNodes { id } } } } } }');
    const nodes = body.data!.workflowJob.related.workflowNodes.nodes as any[];
    const ids = new Set(nodes.map((n) => n.id));
    for (const node of nodes) for (const child of [...node.successNodes, ...node.failureNodes, ...node.alwaysNodes]) expect(ids.has(child.id)).toBe(true);
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/2/', '/api/v2/workflow_job_nodes/']);
  });

  it('batches spawned jobs of mixed kinds by kind when more than the summary is asked for', async () => {
    const { body } = await gw.gql('{ workflowJobs(first: 20) { nodes { related { workflowNodes { nodes { job { __typename started finished } } } } } } }');
    expect(body.errors).toBeUndefined();
    const paths = pathsOf();
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.slice(0, 2)).toEqual(['/api/v2/workflow_jobs/', '/api/v2/workflow_job_nodes/']);
    expect(paths.length).toBeGreaterThan(2);
  });

  it('filters and pages a graph without further requests', async () => {
    const { body } = await gw.gql(`{ workflowJob(id: 1) { related {
      all: workflowNodes { totalCount }
      ran: workflowNodes(filter: { hasJob: true }) { totalCount nodes { jobId } }
      page: workflowNodes(first: 1) { nodes { id } pageInfo { hasNextPage endCursor } }
    } } }`);
    expect(body.errors).toBeUndefined();
    const related = body.data!.workflowJob.related;
    expect(related.ran.nodes.every((n: any) => n.jobId !== null)).toBe(true);
    expect(related.page.nodes).toHaveLength(1);
    expect(related.page.pageInfo.hasNextPage).toBe(related.all.totalCount > 1);
    expect(gw.upstreamPaths()).toHaveLength(2);
  });

  it('reads one node by id, and its children in one batched request', async () => {
    const { body } = await gw.gql('{ workflowJobNode(id: 1) { id identifier successNodes { id identifier } workflowJob { id name } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJobNode.workflowJob.id).toBe('1');
    expect(pathsOf()).toEqual(['/api/v2/workflow_job_nodes/', '/api/v2/workflow_job_nodes/']);
  });
});

describe('failures stay local', () => {
  it('nulls only the related field whose fetch failed, with a path and a code', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 500, body: {} }, match: (r) => r.pathname === '/api/v2/users/' });
    const { body } = await gw.gql('{ workflowJobs(first: 3) { nodes { id related { createdBy { email } workflowJobTemplate { modified } } } } }');
    const nodes = body.data!.workflowJobs.nodes as any[];
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.related.createdBy === null)).toBe(true);
    expect(nodes.filter((n) => n.related.workflowJobTemplate?.modified).length).toBeGreaterThan(0);
    expect(body.errors!.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(error.path?.slice(-2)).toEqual(['related', 'createdBy']);
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 500 });
    }
  });

  it('nulls a node graph whose read timed out, keeping the job', async () => {
    // Long enough for the job's own read on a busy machine; the hung node read still ends it.
    const slow = await startTestGateway({ timeoutMs: 2_000 });
    try {
      slow.demo.addFault({ fault: { type: 'hang' }, match: (r) => r.pathname === '/api/v2/workflow_job_nodes/' });
      const { body } = await slow.gql('{ workflowJob(id: 1) { id name related { workflowNodes { totalCount } } } }');
      expect(body.data!.workflowJob).toMatchObject({ id: '1', related: { workflowNodes: null } });
      expect(body.errors![0]).toMatchObject({ path: ['workflowJob', 'related', 'workflowNodes'], extensions: { code: 'UPSTREAM_TIMEOUT' } });
    } finally {
      await slow.close();
    }
  });
});
