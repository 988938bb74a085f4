/** The four workflow job mutations against the demo AWX: the request each sends, what it answers, and AWX's refusals. */
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_READONLY_TOKEN, DEMO_CREDENTIALS, removeRecord } from '@awx-graphql/demo-awx';
import { ALICE, BOB, startTestGateway, type GqlResponse, useTestGateway } from './gateway.js';

const CAROL = `Bearer ${DEMO_CREDENTIALS.carol.token}`;
const READ_ONLY = `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`;

const CANCEL = 'mutation($id: ID!) { cancelWorkflowJob(id: $id) { workflowJob { id status failed canceledOn } } }';
const RELAUNCH = 'mutation($id: ID!) { relaunchWorkflowJob(id: $id) { workflowJob { id name status launchType jobArgs workflowJobTemplateId } } }';
const DELETE = 'mutation($id: ID!) { deleteWorkflowJob(id: $id) { deletedId } }';
const LAUNCH = `mutation($id: ID!, $input: LaunchWorkflowJobTemplateInput) {
  launchWorkflowJobTemplate(id: $id, input: $input) {
    workflowJob { id name status launchType workflowJobTemplateId extraVars inventoryId limit scmBranch jobTags skipTags
      summaryFields { labels { results { id } } } }
    ignoredFields
  }
}`;

const gw = useTestGateway();

/** What the gateway sent AWX: method, path and body of each request. */
const sent = () => gw.demo.requests.map((r) => ({ method: r.method, path: r.path, body: r.body && JSON.parse(r.body) }));

/** The one error of a refused mutation, checking the field is null and nothing leaked. */
function refusal({ status, body }: GqlResponse, field: string) {
  expect(status).toBe(200);
  expect(body.data).toEqual({ [field]: null });
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.path).toEqual([field]);
  expect(JSON.stringify(body)).not.toContain(gw.demo.url);
  return body.errors![0]!;
}

describe('cancelWorkflowJob', () => {
  it('cancels a running job and answers it as AWX shows it afterwards', async () => {
    const { body } = await gw.gql(CANCEL, { id: '230' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.cancelWorkflowJob.workflowJob).toMatchObject({ id: '230', status: 'CANCELED', failed: true });
    expect(body.data!.cancelWorkflowJob.workflowJob.canceledOn).toEqual(expect.any(String));
    expect(sent()).toEqual([
      { method: 'POST', path: '/api/v2/workflow_jobs/230/cancel/', body: undefined },
      { method: 'GET', path: '/api/v2/workflow_jobs/230/', body: undefined },
    ]);
  });

  it('refuses a finished job as CONFLICT (AWX 405 to a superuser)', async () => {
    const error = refusal(await gw.gql(CANCEL, { id: '1' }), 'cancelWorkflowJob');
    expect(error.extensions).toEqual({ code: 'CONFLICT', upstreamStatus: 405 });
    expect(error.message).toBe('Workflow job 1 can no longer be canceled: it has already finished (AWX answered 405).');
    expect(sent()).toEqual([{ method: 'POST', path: '/api/v2/workflow_jobs/1/cancel/', body: undefined }]);
  });

  it('refuses a finished job as FORBIDDEN for other users (AWX 403), saying why it may be', async () => {
    const error = refusal(await gw.gql(CANCEL, { id: '1' }, BOB), 'cancelWorkflowJob');
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', upstreamStatus: 403 });
    expect(error.message).toBe('Could not cancel workflow job 1: AWX refused the request: You do not have permission to perform this action.'
      + ' AWX answers this way too when the job has already finished and the caller is not a superuser.');
  });

  it('refuses a user with only read roles, and an id AWX does not show', async () => {
    expect(refusal(await gw.gql(CANCEL, { id: '237' }, CAROL), 'cancelWorkflowJob').extensions).toEqual({ code: 'FORBIDDEN', upstreamStatus: 403 });
    const missing = refusal(await gw.gql(CANCEL, { id: '999999' }), 'cancelWorkflowJob');
    expect(missing.extensions).toEqual({ code: 'NOT_FOUND', upstreamStatus: 404 });
    expect(missing.message).toBe('Could not cancel workflow job 999999: AWX has no such resource, or the caller may not see it.');
    expect((await gw.gql('{ workflowJob(id: 237) { status } }')).body.data).toEqual({ workflowJob: { status: 'RUNNING' } });
  });
});

describe('relaunchWorkflowJob', () => {
  it('answers the new job from AWX\'s 201 body, with no further read', async () => {
    const { body } = await gw.gql(RELAUNCH, { id: '1' });
    expect(body.errors).toBeUndefined();
    const job = body.data!.relaunchWorkflowJob.workflowJob;
    expect(job).toMatchObject({ name: 'Rotate TLS certificates', status: 'PENDING', launchType: 'RELAUNCH', jobArgs: '' });
    expect(Number(job.id)).toBeGreaterThan(900);
    expect(sent()).toEqual([{ method: 'POST', path: '/api/v2/workflow_jobs/1/relaunch/', body: undefined }]);
    expect((await gw.gql(`{ workflowJob(id: ${job.id}) { launchType } }`)).body.data).toEqual({ workflowJob: { launchType: 'RELAUNCH' } });
  });

  it('refuses a user who may not execute the template', async () => {
    expect(refusal(await gw.gql(RELAUNCH, { id: '11' }, CAROL), 'relaunchWorkflowJob').extensions).toEqual({ code: 'FORBIDDEN', upstreamStatus: 403 });
  });

  it('passes on AWX\'s 400 about a sliced job orphaned from its template as BAD_USER_INPUT', async () => {
    const own = await startTestGateway();
    try {
      removeRecord(own.demo.data, 'job_templates', 21);
      const error = refusal(await own.gql(RELAUNCH, { id: '2' }), 'relaunchWorkflowJob');
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400 });
      expect(error.message).toBe('Could not relaunch workflow job 2: AWX rejected the request: Cannot relaunch slice workflow job orphaned from job template.');
    } finally {
      await own.close();
    }
  });
});

describe('deleteWorkflowJob', () => {
  it('deletes a finished job: AWX answers 204 and the job is gone', async () => {
    expect((await gw.gql(DELETE, { id: '3' })).body).toEqual({ data: { deleteWorkflowJob: { deletedId: '3' } } });
    expect(sent()).toEqual([{ method: 'DELETE', path: '/api/v2/workflow_jobs/3/', body: undefined }]);
    expect((await gw.gql('{ workflowJob(id: 3) { id } }')).body).toEqual({ data: { workflowJob: null } });
  });

  it('refuses a running job as FORBIDDEN with AWX\'s message', async () => {
    const error = refusal(await gw.gql(DELETE, { id: '228' }), 'deleteWorkflowJob');
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', upstreamStatus: 403 });
    expect(error.message).toBe('Could not delete workflow job 228: AWX refused the request: Cannot delete running job resource.');
  });

  it('refuses a user who is no admin of the organization, and an unknown id', async () => {
    const error = refusal(await gw.gql(DELETE, { id: '11' }, ALICE), 'deleteWorkflowJob');
    expect(error).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('You do not have permission') });
    expect(refusal(await gw.gql(DELETE, { id: '999999' }), 'deleteWorkflowJob').extensions?.code).toBe('NOT_FOUND');
    expect((await gw.gql('{ workflowJob(id: 11) { id } }')).body.data).toEqual({ workflowJob: { id: '11' } });
  });
});

describe('launchWorkflowJobTemplate', () => {
  it('sends every prompt under AWX\'s name and answers the new job', async () => {
    const input = { extraVars: { release: '1.4' }, inventoryId: '2', limit: 'web*', scmBranch: 'main', labelIds: ['7', '8'], jobTags: 'deploy', skipTags: 'slow' };
    const { body } = await gw.gql(LAUNCH, { id: '29', input });
    expect(body.errors).toBeUndefined();
    expect(sent()).toEqual([{
      method: 'POST', path: '/api/v2/workflow_job_templates/29/launch/',
      body: { extra_vars: { release: '1.4' }, inventory: 2, limit: 'web*', scm_branch: 'main', labels: [7, 8], job_tags: 'deploy', skip_tags: 'slow' },
    }]);
    expect(body.data!.launchWorkflowJobTemplate).toMatchObject({
      workflowJob: {
        name: 'Deploy web stack', status: 'PENDING', launchType: 'MANUAL', workflowJobTemplateId: '29', extraVars: { release: '1.4' },
        inventoryId: '2', limit: 'web*', scmBranch: 'main', jobTags: 'deploy', skipTags: 'slow', summaryFields: { labels: { results: [{ id: '7' }, { id: '8' }] } },
      },
      ignoredFields: {},
    });
  });

  it('sends only the prompts given, and an empty body without input', async () => {
    await gw.gql(LAUNCH, { id: '26', input: { limit: 'db*', inventoryId: null } });
    await gw.gql(LAUNCH, { id: '26' });
    expect(sent().map((r) => r.body)).toEqual([{ limit: 'db*' }, {}]);
  });

  it('answers the prompts AWX ignored under the input\'s names', async () => {
    const { body } = await gw.gql(LAUNCH, { id: '34', input: { limit: 'x', jobTags: 'backup' } });
    expect(body.data!.launchWorkflowJobTemplate).toMatchObject({ workflowJob: { limit: null, jobTags: 'backup' }, ignoredFields: { limit: 'x' } });
  });

  it('passes on AWX\'s validation errors under the input\'s names', async () => {
    const error = refusal(await gw.gql(LAUNCH, { id: '26', input: { inventoryId: '999' } }), 'launchWorkflowJobTemplate');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400, fieldErrors: { inventoryId: ['Invalid pk "999" - object does not exist.'] } });
    expect(error.message).toBe('Could not launch workflow job template 26: AWX rejected the request: inventoryId: Invalid pk "999" - object does not exist.');
  });

  it('reports a missing survey answer under extraVars, and launches once it is given (as YAML text too)', async () => {
    const error = refusal(await gw.gql(LAUNCH, { id: '27' }), 'launchWorkflowJobTemplate');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', upstreamStatus: 400, fieldErrors: { extraVars: ["'sandbox_owner' value missing"] } });
    const { body } = await gw.gql(LAUNCH, { id: '27', input: { extraVars: 'sandbox_owner: erin\n' } });
    expect(body.errors).toBeUndefined();
    expect(body.data!.launchWorkflowJobTemplate.workflowJob.extraVars).toMatchObject({ sandbox_owner: 'erin' });
  });

  it('refuses a user who may not launch, and a template the user may not read (AWX: 403 once it finds it)', async () => {
    expect(refusal(await gw.gql(LAUNCH, { id: '29' }, CAROL), 'launchWorkflowJobTemplate').extensions?.code).toBe('FORBIDDEN');
    expect(refusal(await gw.gql(LAUNCH, { id: '29' }, BOB), 'launchWorkflowJobTemplate').extensions?.code).toBe('FORBIDDEN');
  });
});

describe('credentials', () => {
  it.each([
    ['cancelWorkflowJob', CANCEL, { id: '228' }],
    ['relaunchWorkflowJob', RELAUNCH, { id: '1' }],
    ['deleteWorkflowJob', DELETE, { id: '1' }],
    ['launchWorkflowJobTemplate', LAUNCH, { id: '26' }],
  ])('refuses %s with a read-only token (FORBIDDEN) and without credentials (UNAUTHENTICATED)', async (field, query, variables) => {
    const readOnly = refusal(await gw.gql(query, variables, READ_ONLY), field);
    expect(readOnly).toMatchObject({ extensions: { code: 'FORBIDDEN', upstreamStatus: 403 }, message: expect.stringContaining('You do not have permission') });
    expect(refusal(await gw.gql(query, variables, null), field).extensions).toEqual({ code: 'UNAUTHENTICATED', upstreamStatus: 401 });
    expect(gw.demo.requests.map((r) => r.authorization)).toEqual([READ_ONLY, undefined]);
  });
});

describe('one request', () => {
  it('forgets a job it primed once it writes to it: a relaunch then a cancel of the new job reads it again', async () => {
    const own = await startTestGateway();
    try {
      // 959 is the id the relaunch gets: the demo's unified jobs end with its hand-built edge jobs at 958.
      const { body } = await own.gql(`mutation {
        relaunched: relaunchWorkflowJob(id: 1) { workflowJob { id status } }
        canceled: cancelWorkflowJob(id: 959) { workflowJob { id status } }
      }`);
      expect(body).toEqual({ data: {
        relaunched: { workflowJob: { id: '959', status: 'PENDING' } },
        canceled: { workflowJob: { id: '959', status: 'CANCELED' } },
      } });
      expect(own.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/1/relaunch/', '/api/v2/workflow_jobs/959/cancel/', '/api/v2/workflow_jobs/959/']);
    } finally {
      await own.close();
    }
  });
});
