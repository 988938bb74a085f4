/** A job's labels, notifications, activity stream and cancel info; priming; what an org-scoped caller sees. */
import { describe, expect, it } from 'vitest';
import { ALICE, useTestGateway } from './gateway.js';

const gw = useTestGateway();

const pathsOf = () => gw.upstreamPaths().map((p) => p.replace(/\?.*/, ''));

/** Ids and label counts of the first 200 jobs, read from their summaries. */
async function labelCounts(): Promise<{ id: string; count: number }[]> {
  const { body } = await gw.gql('{ workflowJobs(first: 200) { nodes { id summaryFields { labels { count } } } } }');
  gw.demo.clearRequests();
  return body.data!.workflowJobs.nodes.map((n: any) => ({ id: n.id, count: n.summaryFields.labels.count }));
}

describe('labels', () => {
  it('serves id and name from summary_fields when the job has at most ten labels', async () => {
    const few = (await labelCounts()).filter((j) => j.count > 0 && j.count <= 10).slice(0, 20);
    expect(few.length).toBeGreaterThan(0);
    const { body } = await gw.gql(`{ workflowJobs(filter: { id: [${few.map((j) => j.id)}] }, first: 20) { nodes { related { labels { totalCount nodes { id name } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/']);
    body.data!.workflowJobs.nodes.forEach((n: any, i: number) => expect(n.related.labels.totalCount).toBe(few[i]!.count));
  });

  it('completes embedded labels by id in one request for all jobs when more fields are asked', async () => {
    const few = (await labelCounts()).filter((j) => j.count > 0 && j.count <= 10).slice(0, 20);
    const { body } = await gw.gql(`{ workflowJobs(filter: { id: [${few.map((j) => j.id)}] }, first: 20) { nodes { related { labels { nodes { id name organizationId } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/', '/api/v2/labels/']);
  });

  it('reads all labels from the job\'s /labels/ list when AWX embedded only ten', async () => {
    const many = (await labelCounts()).find((j) => j.count > 10);
    expect(many).toBeDefined();
    const { body } = await gw.gql(`{ workflowJob(id: ${many!.id}) { related { labels(first: 200) { totalCount nodes { id name } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJob.related.labels.totalCount).toBe(many!.count);
    expect(body.data!.workflowJob.related.labels.nodes).toHaveLength(many!.count);
    expect(pathsOf()).toEqual([`/api/v2/workflow_jobs/${many!.id}/`, `/api/v2/workflow_jobs/${many!.id}/labels/`]);
  });
});

describe('notifications and activity stream', () => {
  it('pages through a job\'s notifications and activity stream', async () => {
    // 100 jobs: each job's notifications and activity stream are a call of their own (201 AWX calls, MAX_AWX_CALLS is 250)
    const { body } = await gw.gql('{ workflowJobs(first: 100) { nodes { id related { notifications(first: 1) { totalCount } activityStream(first: 1) { totalCount } } } } }');
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.workflowJobs.nodes as any[];
    const notified = nodes.find((n) => n.related.notifications.totalCount > 1);
    const active = nodes.find((n) => n.related.activityStream.totalCount > 1);
    expect(notified).toBeDefined();
    expect(active).toBeDefined();
    const query = `query($after: String) { workflowJob(id: ${notified.id}) { related { notifications(first: 1, after: $after) {
      nodes { id status notificationType } pageInfo { hasNextPage endCursor } } } } }`;
    const first = await gw.gql(query);
    const page = first.body.data!.workflowJob.related.notifications;
    expect(page.nodes).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await gw.gql(query, { after: page.pageInfo.endCursor });
    expect(second.body.data!.workflowJob.related.notifications.nodes[0].id).not.toBe(page.nodes[0].id);
    const stream = await gw.gql(`{ workflowJob(id: ${active.id}) { related { activityStream(first: 5) { nodes { id timestamp operation changes } } } } }`);
    expect(stream.body.errors).toBeUndefined();
    expect(stream.body.data!.workflowJob.related.activityStream.nodes.length).toBeGreaterThan(0);
  });
});

describe('cancel info', () => {
  it('is true only for active jobs, with no extra request', async () => {
    const { body } = await gw.gql('{ running: workflowJobs(first: 3, filter: { status: [RUNNING, PENDING] }) { nodes { related { cancel { canCancel } } } } done: workflowJobs(first: 3, filter: { status: [SUCCESSFUL] }) { nodes { related { cancel { canCancel } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.running.nodes.map((n: any) => n.related.cancel.canCancel)).toEqual([true, true, true]);
    expect(body.data!.done.nodes.map((n: any) => n.related.cancel.canCancel)).toEqual([false, false, false]);
    expect(gw.upstreamPaths()).toHaveLength(2);
  });
});

describe('priming', () => {
  it('never fetches an object twice: jobs listed and nodes read serve later lookups', async () => {
    const { body } = await gw.gql(`{
      workflowJobs(first: 50) { nodes { id related { workflowNodes { nodes { id workflowJob { id status elapsed } successNodes { identifier } } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/', '/api/v2/workflow_job_nodes/']);
  });

  it('answers a nested workflow\'s parent from the page it is on', async () => {
    const { body } = await gw.gql('{ workflowJobs(first: 200) { nodes { id related { sourceWorkflowJob { id started finished } } } } }');
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.workflowJobs.nodes as any[];
    const onPage = new Set(nodes.map((n) => n.id));
    const parents = nodes.map((n) => n.related.sourceWorkflowJob).filter(Boolean);
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.every((parent: any) => onPage.has(parent.id) && parent.started)).toBe(true);
    expect(pathsOf()).toEqual(['/api/v2/workflow_jobs/']);
  });
});

describe('an organization-scoped caller', () => {
  it('gets null for related objects it may not read, and their summaries only where AWX shows them', async () => {
    // Every creator of alice's jobs is readable to her (UserAccess shows superusers to everybody), but the
    // webhook credentials of Engineering are not: CredentialAccess wants a role on them, not membership.
    const { body } = await gw.gql('{ workflowJobs(first: 200) { nodes { id related { webhookCredential { id organizationId } } summaryFields { webhookCredential { id } } } } }', {}, ALICE);
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.workflowJobs.nodes as any[];
    const hidden = nodes.filter((n) => n.summaryFields.webhookCredential && n.related.webhookCredential === null);
    expect(hidden.length).toBeGreaterThan(0);
    const visible = nodes.filter((n) => n.related.webhookCredential !== null);
    for (const node of [...hidden, ...visible].slice(0, 5)) {
      const direct = await gw.gql(`{ credential(id: ${node.summaryFields.webhookCredential.id}) { id organizationId } }`, {}, ALICE);
      expect(direct.body.data!.credential).toEqual(node.related.webhookCredential);
    }
  });
});
