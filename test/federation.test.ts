/** The gateway as a federation subgraph: `_service`, `_entities` through the batched loaders, and a real supergraph. */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENTS, startDeployments } from './federation/deployments.js';
import { startSupergraph, type TestSupergraph } from './federation/supergraph.js';
import { ADMIN, ALICE, useTestGateway } from './gateway.js';

const gw = useTestGateway();

const ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on WorkflowJob { id name } ... on User { id username } } }';

describe('subgraph', () => {
  it('serves its SDL as _service, the same as the committed schema.graphql', async () => {
    const { body } = await gw.gql('{ _service { sdl } }');
    const sdl = body.data!._service.sdl as string;
    expect(`${sdl}\n`).toBe(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    expect(sdl).toMatch(/type WorkflowJob implements UnifiedJob\s+@key\(fields: "id"\)/);
  });

  it('resolves 50 WorkflowJob representations with exactly 1 AWX request', async () => {
    const reps = Array.from({ length: 50 }, (_, i) => ({ __typename: 'WorkflowJob', id: String(i + 1) }));
    const { body } = await gw.gql(ENTITIES, { reps });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((e: { id: string }) => e.id)).toEqual(reps.map((r) => r.id));
    expect(gw.demo.requests).toHaveLength(1);
    expect(gw.demo.requests[0]!.pathname).toBe('/api/v2/workflow_jobs/');
    expect(gw.demo.requests[0]!.query.get('id__in')!.split(',')).toHaveLength(50);
  });

  it('answers null for an unknown or invisible entity, and nothing else', async () => {
    const { body: admin } = await gw.gql('{ workflowJobs(first: 200) { nodes { id summaryFields { organization { name } } } } }');
    const foreign = admin.data!.workflowJobs.nodes.find((n: any) => n.summaryFields.organization?.name !== 'Engineering').id;
    const reps = [
      { __typename: 'WorkflowJob', id: '1' },
      { __typename: 'WorkflowJob', id: '999999' },
      { __typename: 'WorkflowJob', id: foreign },
    ];
    const { body } = await gw.gql(ENTITIES, { reps }, ALICE);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[1]).toBeNull();
    expect(body.data!._entities[2]).toBeNull();
  });

  it('batches each entity type separately: one request per type', async () => {
    const reps = [1, 2, 3].flatMap((id) => [{ __typename: 'WorkflowJob', id: String(id) }, { __typename: 'User', id: String(id) }]);
    const { body } = await gw.gql(ENTITIES, { reps });
    expect(body.errors).toBeUndefined();
    expect(gw.demo.requests.map((r) => r.pathname).sort()).toEqual(['/api/v2/users/', '/api/v2/workflow_jobs/']);
  });
});

describe('a supergraph with a second subgraph, behind Hive Gateway', () => {
  let deployments: { url: string; server: Server };
  let supergraph: TestSupergraph;

  beforeAll(async () => {
    deployments = await startDeployments();
    supergraph = await startSupergraph([{ name: 'awx', url: gw.url }, { name: 'deployments', url: deployments.url }]);
  }, 60_000);

  afterAll(async () => {
    supergraph?.close();
    deployments?.server.closeAllConnections();
    deployments?.server.close();
  });

  const viaHive = (query: string, auth = ADMIN) => supergraph.query(query, auth);

  it('joins deployments to AWX workflow jobs with one AWX request', async () => {
    gw.demo.clearRequests();
    const body = await viaHive('{ deployments { id environment workflowJob { id name status related { createdBy { username } } } } }');
    expect(body.errors).toBeUndefined();
    const direct = await gw.gql('{ a: workflowJob(id: 1) { name } b: workflowJob(id: 2) { name } c: workflowJob(id: 3) { name } }');
    const names: Record<string, string> = { 1: direct.body.data!.a.name, 2: direct.body.data!.b.name, 3: direct.body.data!.c.name };
    expect(body.data.deployments.map((d: any) => [d.id, d.workflowJob.id, d.workflowJob.name])).toEqual(
      DEPLOYMENTS.map((d) => [d.id, d.jobId, names[d.jobId]]),
    );
    const upstream = gw.demo.requests.filter((r) => r.query.get('id__in'));
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.pathname).toBe('/api/v2/workflow_jobs/');
    expect(upstream[0]!.authorization).toBe(ADMIN);
  });

  it('adds the other subgraph\'s field to AWX workflow jobs', async () => {
    const body = await viaHive('{ deployments { workflowJob { id deployments { id environment } } } }');
    expect(body.errors).toBeUndefined();
    const job2 = body.data.deployments.find((d: any) => d.workflowJob.id === '2').workflowJob;
    expect(job2.deployments.map((d: any) => d.id).sort()).toEqual(['d2', 'd4']);
  });

  it('applies the caller\'s own AWX permissions through the supergraph', async () => {
    const body = await viaHive('{ deployments { id workflowJob { id name } } }', ALICE);
    const { body: mine } = await gw.gql('{ workflowJobs(first: 200) { nodes { id } } }', {}, ALICE);
    const visible = new Set(mine.data!.workflowJobs.nodes.map((n: { id: string }) => n.id));
    for (const deployment of body.data?.deployments ?? []) {
      if (!visible.has(deployment.workflowJob?.id)) expect(deployment.workflowJob?.name ?? null).toBeNull();
    }
  });
});
