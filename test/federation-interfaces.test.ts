/**
 * `UnifiedJob` and `UnifiedJobTemplate` as federation entity interfaces: `_entities` resolves a representation
 * naming only the interface and an id to its concrete kind with one AWX read of the family's view, and a second
 * subgraph that adds a field to every kind of job with `@interfaceObject` is answered through Hive Gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSupergraph, type TestSupergraph } from './federation/supergraph.js';
import { startTickets, type TicketsSubgraph } from './federation/tickets.js';
import { ADMIN, ALICE, useTestGateway } from './gateway.js';

const gw = useTestGateway();

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  __typename
  ... on UnifiedJob { id name status }
  ... on UnifiedJobTemplate { id name }
  ... on Job { playbook }
  ... on ProjectUpdate { scmRevision }
} }`;

/** A workflow job whose nodes spawned a Job, a ProjectUpdate and a WorkflowJob (a nested workflow), their ids, and three kinds of template. */
interface Sample {
  parent: string;
  job: string;
  projectUpdate: string;
  workflowJob: string;
  templates: { typename: string; id: string }[];
}

/** Finds the sample among the demo's first workflow jobs (through the gateway, before any assertion). */
async function findSample(): Promise<Sample> {
  const { body } = await gw.gql(`{ workflowJobs(first: 30) { nodes { id related { workflowNodes { nodes {
    job { __typename id } unifiedJobTemplate { __typename id }
  } } } } } }`);
  const parents = body.data!.workflowJobs.nodes as { id: string; related: { workflowNodes: { nodes: any[] } } }[];
  const jobOf = (nodes: any[], typename: string): string | undefined => nodes.find((n) => n.job?.__typename === typename)?.job.id;
  const parent = parents.find(({ related }) => ['Job', 'ProjectUpdate', 'WorkflowJob'].every((t) => jobOf(related.workflowNodes.nodes, t)))!;
  const nodes = parent.related.workflowNodes.nodes;
  const templates = new Map<string, string>();
  for (const node of parents.flatMap((p) => p.related.workflowNodes.nodes)) templates.set(node.unifiedJobTemplate.__typename, node.unifiedJobTemplate.id);
  return {
    parent: parent.id,
    job: jobOf(nodes, 'Job')!,
    projectUpdate: jobOf(nodes, 'ProjectUpdate')!,
    workflowJob: jobOf(nodes, 'WorkflowJob')!,
    templates: ['JobTemplate', 'Project', 'WorkflowJobTemplate'].map((typename) => ({ typename, id: templates.get(typename)! })),
  };
}

/** The AWX reads that carried ids (by-id batches), as `path?id__in` with the ids sorted. */
function byIdReads(): string[] {
  return gw.demo.requests
    .filter((r) => r.query.get('id__in'))
    .map((r) => `${r.pathname}?id__in=${r.query.get('id__in')!.split(',').map(Number).sort((a, b) => a - b).join(',')}`);
}

const sorted = (...ids: string[]) => ids.map(Number).sort((a, b) => a - b).join(',');

let sample: Sample;
beforeAll(async () => {
  sample = await findSample();
});

describe('_entities with an interface __typename', () => {
  it('resolves UnifiedJob representations to their kinds with one AWX request', async () => {
    gw.demo.clearRequests();
    const ids = [sample.job, sample.projectUpdate, sample.workflowJob, '999999'];
    const { body } = await gw.gql(ENTITIES, { reps: ids.map((id) => ({ __typename: 'UnifiedJob', id })) });
    expect(body.errors).toBeUndefined();
    const [job, update, workflow, missing] = body.data!._entities;
    expect([job.__typename, update.__typename, workflow.__typename, missing]).toEqual(['Job', 'ProjectUpdate', 'WorkflowJob', null]);
    expect(byIdReads()).toEqual([`/api/v2/unified_jobs/?id__in=${sorted(...ids)}`]);
    expect(gw.demo.requests).toHaveLength(1);

    // The same objects as the kinds' own by-id reads give.
    const { body: direct } = await gw.gql(`{
      job(id: ${sample.job}) { __typename id name status playbook }
      projectUpdate(id: ${sample.projectUpdate}) { __typename id name status scmRevision }
      workflowJob(id: ${sample.workflowJob}) { __typename id name status }
    }`);
    expect([job, update, workflow]).toEqual([direct.data!.job, direct.data!.projectUpdate, direct.data!.workflowJob]);
  });

  it('resolves UnifiedJobTemplate representations to their kinds with one AWX request', async () => {
    gw.demo.clearRequests();
    const reps = sample.templates.map(({ id }) => ({ __typename: 'UnifiedJobTemplate', id }));
    const { body } = await gw.gql(ENTITIES, { reps });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((t: any) => [t.__typename, t.id])).toEqual(sample.templates.map((t) => [t.typename, t.id]));
    expect(byIdReads()).toEqual([`/api/v2/unified_job_templates/?id__in=${sorted(...sample.templates.map((t) => t.id))}`]);
  });

  it('answers null for a job the caller may not see, as AWX filters the view for them', async () => {
    const { body: admin } = await gw.gql('{ workflowJobs(first: 200) { nodes { id summaryFields { organization { name } } } } }');
    const foreign = admin.data!.workflowJobs.nodes.find((n: any) => n.summaryFields.organization?.name !== 'Engineering').id;
    const { body: mine } = await gw.gql('{ workflowJobs(first: 200) { nodes { id } } }', {}, ALICE);
    const visible = mine.data!.workflowJobs.nodes[0].id;
    gw.demo.clearRequests();
    const { body } = await gw.gql(ENTITIES, { reps: [visible, foreign].map((id) => ({ __typename: 'UnifiedJob', id })) }, ALICE);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((e: any) => e?.id ?? null)).toEqual([visible, null]);
    expect(gw.demo.requests.map((r) => [r.pathname, r.authorization])).toEqual([['/api/v2/unified_jobs/', ALICE]]);
  });

  it('refuses an id that is no AWX id with BAD_USER_INPUT, before any AWX call', async () => {
    gw.demo.clearRequests();
    const { body } = await gw.gql(ENTITIES, { reps: [{ __typename: 'UnifiedJob', id: 'job-1' }] });
    expect(body.errors).toEqual([expect.objectContaining({
      message: expect.stringContaining("'representations.id' must be a positive integer"), extensions: { code: 'BAD_USER_INPUT', argument: 'representations.id' },
    })]);
    expect(gw.demo.requests).toHaveLength(0);
  });
});

describe('unifiedJob and unifiedJobTemplate', () => {
  it('read jobs of any kind by id with one AWX request, null for none', async () => {
    gw.demo.clearRequests();
    const { body } = await gw.gql(`{
      a: unifiedJob(id: ${sample.job}) { __typename id }
      b: unifiedJob(id: ${sample.projectUpdate}) { __typename id }
      c: unifiedJob(id: ${sample.workflowJob}) { __typename id }
      d: unifiedJob(id: 999999) { id }
      t: unifiedJobTemplate(id: ${sample.templates[1]!.id}) { __typename id }
    }`);
    expect(body).toEqual({ data: {
      a: { __typename: 'Job', id: sample.job },
      b: { __typename: 'ProjectUpdate', id: sample.projectUpdate },
      c: { __typename: 'WorkflowJob', id: sample.workflowJob },
      d: null,
      t: { __typename: 'Project', id: sample.templates[1]!.id },
    } });
    expect(byIdReads().sort()).toEqual([
      `/api/v2/unified_job_templates/?id__in=${sample.templates[1]!.id}`,
      `/api/v2/unified_jobs/?id__in=${sorted(sample.job, sample.projectUpdate, sample.workflowJob, '999999')}`,
    ]);
  });

  it('refuse an id that is no AWX id with BAD_USER_INPUT', async () => {
    gw.demo.clearRequests();
    const { body } = await gw.gql('{ unifiedJob(id: "0") { id } }');
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'id' } })]);
    expect(gw.demo.requests).toHaveLength(0);
  });
});

describe('a tickets subgraph that adds a field to UnifiedJob with @interfaceObject, behind Hive Gateway', () => {
  let tickets: TicketsSubgraph;
  let supergraph: TestSupergraph;
  const ticketOf = (id: string) => `CHG-${id}`;
  const KINDS = '__typename id changeTicket ... on Job { playbook } ... on ProjectUpdate { scmRevision } ... on WorkflowJob { status }';

  /** The three jobs as AWX's own by-id roots answer them, with the ticket the tickets subgraph holds. */
  async function expected() {
    const { body } = await gw.gql(`{
      job(id: ${sample.job}) { __typename id playbook }
      projectUpdate(id: ${sample.projectUpdate}) { __typename id scmRevision }
      workflowJob(id: ${sample.workflowJob}) { __typename id status }
    }`);
    const { job, projectUpdate, workflowJob } = body.data!;
    return [job, projectUpdate, workflowJob].map((j) => ({ ...j, changeTicket: ticketOf(j.id) }));
  }

  beforeAll(async () => {
    tickets = await startTickets([sample.job, sample.projectUpdate, sample.workflowJob].map((jobId) => ({ jobId, number: ticketOf(jobId) })));
    supergraph = await startSupergraph([{ name: 'awx', url: gw.url }, { name: 'tickets', url: tickets.url }]);
  }, 60_000);

  afterAll(() => {
    supergraph?.close();
    tickets?.server.closeAllConnections();
    tickets?.server.close();
  });

  it('composes UnifiedJob as an entity interface of the AWX subgraph', () => {
    expect(supergraph.supergraphSdl).toMatch(/interface UnifiedJob implements Node @join__type\(graph: AWX, key: "id"\) @join__type\(graph: TICKETS, key: "id", isInterfaceObject: true\)/);
    expect(supergraph.supergraphSdl).toMatch(/interface UnifiedJob implements Node @join__type\(graph: AWX, key: "id"\)/);
    expect(supergraph.supergraphSdl).toMatch(/interface UnifiedJobTemplate implements Node @join__type\(graph: AWX, key: "id"\)/);
  });

  it("resolves the tickets subgraph's jobs to a Job, a ProjectUpdate and a WorkflowJob with one AWX request", async () => {
    gw.demo.clearRequests();
    const body = await supergraph.query(`{ ticketedJobs { ${KINDS} } }`);
    expect(body.errors).toBeUndefined();
    expect(byIdReads()).toEqual([`/api/v2/unified_jobs/?id__in=${sorted(sample.job, sample.projectUpdate, sample.workflowJob)}`]);
    expect(gw.demo.requests).toHaveLength(1);
    expect(gw.demo.requests[0]!.authorization).toBe(ADMIN);
    expect(body.data.ticketedJobs).toEqual(await expected());
  });

  it("adds the field to each kind of job a workflow's nodes spawned, with one request to the tickets subgraph", async () => {
    gw.demo.clearRequests();
    tickets.received.length = 0;
    const body = await supergraph.query(`{ workflowJob(id: ${sample.parent}) { related { workflowNodes { nodes { job { ${KINDS} } } } } } }`);
    expect(body.errors).toBeUndefined();
    const jobs = body.data.workflowJob.related.workflowNodes.nodes.map((n: any) => n.job).filter((job: any) => job?.changeTicket);
    expect(jobs.sort((a: any, b: any) => Number(a.id) - Number(b.id))).toEqual((await expected()).sort((a, b) => Number(a.id) - Number(b.id)));
    expect(tickets.received).toHaveLength(1);
    expect(tickets.received[0]!.variables?.representations).toEqual(expect.arrayContaining(
      [sample.job, sample.projectUpdate, sample.workflowJob].map((id) => ({ __typename: 'UnifiedJob', id })),
    ));
  });

  it('adds the field to jobs read by id through unifiedJob, with one AWX request', async () => {
    gw.demo.clearRequests();
    const body = await supergraph.query(`{
      a: unifiedJob(id: ${sample.job}) { ${KINDS} }
      b: unifiedJob(id: ${sample.projectUpdate}) { ${KINDS} }
      c: unifiedJob(id: ${sample.workflowJob}) { ${KINDS} }
    }`);
    expect(body.errors).toBeUndefined();
    expect(byIdReads()).toEqual([`/api/v2/unified_jobs/?id__in=${sorted(sample.job, sample.projectUpdate, sample.workflowJob)}`]);
    expect(gw.demo.requests).toHaveLength(1);
    expect([body.data.a, body.data.b, body.data.c]).toEqual(await expected());
  });

  it("pins Hive Gateway's planner: a concrete type's own root gets no @interfaceObject field (null, the tickets subgraph never asked)", async () => {
    // Composition gives Job.changeTicket a bare @join__field (resolved through the interface object); Hive
    // Gateway 2.12's planner does not follow it. If this starts to pass through, update docs/operations.md.
    tickets.received.length = 0;
    const body = await supergraph.query(`{ job(id: ${sample.job}) { id changeTicket } }`);
    expect(body).toEqual({ data: { job: { id: sample.job, changeTicket: null } } });
    expect(tickets.received).toEqual([]);
  });
});
