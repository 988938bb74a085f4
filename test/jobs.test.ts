/** The job types behind UnifiedJob: every field camelCased and typed, read by id through one batched request. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { putRecord, type AwxRecord } from '@awx-graphql/demo-awx';
import { ALICE, awxPath, BOB, startTestGateway, type TestGateway } from './gateway.js';

/** Real AWX responses captured by the AWX UI project (copied unmodified into test/fixtures/). */
const sample = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const ROWS: AwxRecord[] = sample('jobs.json').results;
const JOB_ROW = ROWS.find((row) => row.id === 492)!;
const SYSTEM_JOB_ROW = ROWS.find((row) => row.id === 490)!;
/** A workflow node's `summary_fields.job` of an approval: the partial shape resolvers must also read. */
const APPROVAL_SUMMARY = sample('job_workflow_nodes.json').results.find((n: AwxRecord) => n.id === 191).summary_fields.job;

const COMMON = `__typename id type url name description status failed elapsed started finished canceledOn created
  modified launchType unifiedJobTemplateId jobExplanation launchedBy { id name type url } workUnitId executionEnvironmentId`;
const FIELDS = {
  job: `${COMMON} jobType inventoryId projectId playbook scmBranch forks limit verbosity extraVars jobTags skipTags
    forceHandlers startAtTask timeout useFactCache organizationId executionNode controllerNode jobTemplateId
    passwordsNeededToStart allowSimultaneous artifacts scmRevision instanceGroupId diffMode jobSliceNumber jobSliceCount
    webhookService webhookCredentialId webhookGuid`,
  projectUpdate: `${COMMON} projectId localPath scmType scmUrl scmBranch scmRefspec scmClean scmTrackSubmodules
    scmDeleteOnUpdate credentialId timeout scmRevision jobType jobTags executionNode`,
  inventoryUpdate: `${COMMON} inventoryId inventorySourceId source sourcePath credentialId enabledVar enabledValue
    hostFilter overwrite overwriteVars timeout verbosity licenseError orgHostLimitError sourceProjectUpdateId
    instanceGroupId scmRevision executionNode controllerNode`,
  workflowApproval: `${COMMON} canApproveOrDeny approvalExpiration timedOut timeout
    approvedOrDeniedBy { id username firstName lastName }`,
  systemJob: `${COMMON} systemJobTemplateId jobType extraVars resultStdout executionNode`,
  adHocCommand: `${COMMON} jobType inventoryId limit credentialId moduleName moduleArgs forks verbosity extraVars
    becomeEnabled diffMode executionNode controllerNode`,
} as const;
type Root = keyof typeof FIELDS;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
  putRecord(gw.demo.data, 'unified_jobs', JOB_ROW, { organizationId: 1 });
  putRecord(gw.demo.data, 'unified_jobs', SYSTEM_JOB_ROW, { organizationId: null });
  putRecord(gw.demo.data, 'unified_jobs', { ...APPROVAL_SUMMARY }, { organizationId: 1 });
});
afterAll(() => gw.close());
beforeEach(() => gw.demo.clearRequests());

async function one(root: Root, id: number | string, auth?: string) {
  const { body } = await gw.gql(`query ($id: ID!) { ${root}(id: $id) { ${FIELDS[root]} } }`, { id }, auth);
  return body;
}

/** A demo record of a collection: the first one matching. */
function demo(collection: 'project_updates' | 'inventory_updates' | 'workflow_approvals' | 'ad_hoc_commands' | 'system_jobs' | 'jobs',
  match: (record: AwxRecord) => boolean): AwxRecord {
  const found = gw.demo.data.collections[collection].find(match);
  if (!found) throw new Error(`the demo has no such record in ${collection}`);
  return found;
}

/** The values the simulation computes (ids, instants, run times), read from the stored record. */
function simulated(r: AwxRecord) {
  return {
    id: String(r.id), url: awxPath(String(r.url)), created: r.created, modified: r.modified, started: r.started,
    finished: r.finished, elapsed: r.elapsed,
  };
}

/** `launchedBy` as GraphQL shows a demo job's `launched_by` (`{}` for launches AWX has no source object of). */
function launcher(r: AwxRecord) {
  const by = r.launched_by as { id?: number | null; name?: string; type?: string; url?: string | null };
  return { id: by.id == null ? null : String(by.id), name: by.name ?? null, type: by.type ?? null, url: by.url == null ? null : awxPath(by.url) };
}

describe('Job', () => {
  it('maps every field of a real list row (jobs.json, job 492)', async () => {
    const body = await one('job', 492);
    expect(body.errors).toBeUndefined();
    expect(body.data!.job).toEqual({
      __typename: 'Job', id: '492', type: 'job', url: awxPath('/api/v2/jobs/492/'), name: 'Test 1214', description: '',
      status: 'FAILED', failed: true, elapsed: 6.839, started: '2022-12-14T17:13:14.482852Z',
      finished: '2022-12-14T17:13:21.321413Z', canceledOn: null, created: '2022-12-14T17:13:13.761308Z',
      modified: '2022-12-14T17:13:14.307968Z', launchType: 'WORKFLOW', unifiedJobTemplateId: '62', jobExplanation: '',
      launchedBy: { id: '2', name: 'vnambiar', type: 'user', url: awxPath('/api/v2/users/2/') }, workUnitId: 'DFrdID3v',
      executionEnvironmentId: '1', jobType: 'run', inventoryId: '1', projectId: '6', playbook: 'hello_world.yml',
      scmBranch: '', forks: 0, limit: '3', verbosity: 0, extraVars: {}, jobTags: '', skipTags: '', forceHandlers: false,
      startAtTask: '', timeout: 0, useFactCache: false, organizationId: '1', executionNode: 'awx_1',
      controllerNode: 'awx_1', jobTemplateId: '62', passwordsNeededToStart: [], allowSimultaneous: false, artifacts: {},
      scmRevision: '347e44fea036c94d5f60e544de006453ee5c71ad', instanceGroupId: '2', diffMode: false,
      jobSliceNumber: 0, jobSliceCount: 1, webhookService: null, webhookCredentialId: null, webhookGuid: '',
    });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/jobs/?id__in=492&page_size=200']);
  });

  it('reads three jobs in one request, and leaves out the ones the caller may not see', async () => {
    const opsJob = demo('jobs', (r) => r.organization === 3).id;
    const query = `{ a: job(id: 492) { id } b: job(id: ${opsJob}) { id } c: job(id: 492) { name } d: job(id: 2000000) { id } }`;
    const { body } = await gw.gql(query);
    expect(body).toEqual({ data: { a: { id: '492' }, b: { id: String(opsJob) }, c: { name: 'Test 1214' }, d: null } });
    expect(gw.upstreamPaths()).toEqual([`/api/v2/jobs/?id__in=492%2C${opsJob}%2C2000000&page_size=200`]);
    gw.demo.clearRequests();
    expect((await gw.gql(query, {}, BOB)).body.data).toEqual({ a: null, b: { id: String(opsJob) }, c: null, d: null });
    expect((await gw.gql(query, {}, ALICE)).body.data).toEqual({ a: null, b: null, c: null, d: null });
    expect(gw.upstreamPaths()).toHaveLength(2);
  });

  it('fails only the field whose AWX enum value the gateway does not know', async () => {
    putRecord(gw.demo.data, 'unified_jobs', { ...JOB_ROW, id: 2_000_001, status: 'paused', webhook_service: 'gitea' }, { organizationId: 1 });
    const { body } = await gw.gql('{ job(id: 2000001) { id name status launchType webhookService } }');
    expect(body.data!.job).toEqual({ id: '2000001', name: 'Test 1214', status: null, launchType: 'WORKFLOW', webhookService: null });
    expect(body.errors!.map((e) => e.path)).toEqual([['job', 'status'], ['job', 'webhookService']]);
  });
});

describe('ProjectUpdate', () => {
  it('maps every field of a demo project update', async () => {
    const r = demo('project_updates', (u) => u.unified_job_template === 7 && u.status === 'successful');
    const body = await one('projectUpdate', r.id);
    expect(body.errors).toBeUndefined();
    expect(body.data!.projectUpdate).toEqual({
      __typename: 'ProjectUpdate', ...simulated(r), type: 'project_update', name: 'platform-playbooks',
      description: 'Playbooks of the web platform', status: 'SUCCESSFUL', failed: false, canceledOn: null,
      launchType: 'WORKFLOW', unifiedJobTemplateId: '7', jobExplanation: '', workUnitId: r.work_unit_id,
      launchedBy: launcher(r),
      executionEnvironmentId: '1', projectId: '7', localPath: '_7__platform_playbooks', scmType: 'git',
      scmUrl: 'https://git.example.com/demo/platform_playbooks.git', scmBranch: '', scmRefspec: '', scmClean: false,
      scmTrackSubmodules: false, scmDeleteOnUpdate: false, credentialId: null, timeout: 0, scmRevision: r.scm_revision,
      jobType: 'check', jobTags: 'update_git,install_roles,install_collections', executionNode: r.execution_node,
    });
    expect(gw.upstreamPaths()).toEqual([`/api/v2/project_updates/?id__in=${r.id}&page_size=200`]);
  });
});

describe('InventoryUpdate', () => {
  it('maps every field of a demo inventory sync', async () => {
    const r = demo('inventory_updates', (u) => u.unified_job_template === 10 && u.status === 'successful');
    const body = await one('inventoryUpdate', r.id);
    expect(body.errors).toBeUndefined();
    expect(body.data!.inventoryUpdate).toEqual({
      __typename: 'InventoryUpdate', ...simulated(r), type: 'inventory_update', name: 'Production web - AWS EC2 eu-west-1',
      description: 'Production web hosts', status: 'SUCCESSFUL', failed: false, canceledOn: null, launchType: 'WORKFLOW',
      unifiedJobTemplateId: '10', jobExplanation: '', launchedBy: launcher(r), workUnitId: r.work_unit_id,
      executionEnvironmentId: '1', inventoryId: '3', inventorySourceId: '10', source: 'ec2', sourcePath: '',
      credentialId: null, enabledVar: '', enabledValue: '', hostFilter: '', overwrite: false, overwriteVars: false,
      timeout: 0, verbosity: 1, licenseError: false, orgHostLimitError: false, sourceProjectUpdateId: null,
      instanceGroupId: null, scmRevision: '', executionNode: r.execution_node, controllerNode: 'awx-demo-task-1',
    });
  });
});

describe('WorkflowApproval', () => {
  it('maps a timed-out approval and one a user approved', async () => {
    const expired = demo('workflow_approvals', (a) => a.timed_out === true);
    const body = await one('workflowApproval', expired.id);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowApproval).toEqual({
      __typename: 'WorkflowApproval', ...simulated(expired), type: 'workflow_approval', name: expired.name,
      description: '', status: 'FAILED', failed: true, canceledOn: null, launchType: 'WORKFLOW',
      unifiedJobTemplateId: String(expired.unified_job_template), jobExplanation: expired.job_explanation,
      launchedBy: launcher(expired), workUnitId: null, executionEnvironmentId: null, canApproveOrDeny: false,
      approvalExpiration: null, timedOut: true, timeout: 3600, approvedOrDeniedBy: null,
    });
    expect(expired.job_explanation).toMatch(/has expired after 3600 seconds/);
    const approved = demo('workflow_approvals', (a) => a.status === 'successful');
    const decider = (approved.summary_fields as { approved_or_denied_by: { id: number; username: string } }).approved_or_denied_by;
    const decided = (await one('workflowApproval', approved.id)).data!.workflowApproval;
    expect(decided).toMatchObject({ status: 'SUCCESSFUL', timedOut: false, timeout: 3600 });
    expect(decided.approvedOrDeniedBy).toMatchObject({ id: String(decider.id), username: decider.username });
  });

  it('reads the partial job a workflow node summarises: absent keys are null', async () => {
    const body = await one('workflowApproval', 175);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowApproval).toEqual({
      __typename: 'WorkflowApproval', id: '175', type: 'workflow_approval', url: null, name: 'Approval node 123',
      description: '', status: 'CANCELED', failed: true, elapsed: 1617.866, started: null, finished: null,
      canceledOn: '2024-03-13T11:08:30.512490Z', created: null, modified: null, launchType: null,
      unifiedJobTemplateId: null, jobExplanation: null, launchedBy: null, workUnitId: null, executionEnvironmentId: null,
      canApproveOrDeny: null, approvalExpiration: null, timedOut: false, timeout: null, approvedOrDeniedBy: null,
    });
  });
});

describe('SystemJob', () => {
  it('maps every field of a real list row (jobs.json, system job 490)', async () => {
    const body = await one('systemJob', 490);
    expect(body.errors).toBeUndefined();
    expect(body.data!.systemJob).toEqual({
      __typename: 'SystemJob', id: '490', type: 'system_job', url: awxPath('/api/v2/system_jobs/490/'),
      name: 'Cleanup Activity Stream', description: 'Remove activity stream history', status: 'SUCCESSFUL', failed: false,
      elapsed: 5.266, started: '2022-12-13T20:39:07.198954Z', finished: '2022-12-13T20:39:12.465023Z', canceledOn: null,
      created: '2022-12-13T20:39:07.022570Z', modified: '2022-12-13T20:39:07.128936Z', launchType: 'SCHEDULED',
      unifiedJobTemplateId: '2', jobExplanation: '',
      launchedBy: { id: '2', name: 'Cleanup Activity Schedule', type: 'schedule', url: awxPath('/api/v2/schedules/2/') },
      workUnitId: null, executionEnvironmentId: '1', systemJobTemplateId: '2', jobType: 'cleanup_activitystream',
      extraVars: { days: '355' }, resultStdout: 'Removed 0 items\n', executionNode: 'awx_1',
    });
  });

  it('serves the demo cleanup jobs to superusers only', async () => {
    const running = demo('system_jobs', (j) => j.job_type === 'cleanup_jobs');
    const body = await one('systemJob', running.id);
    expect(body.data!.systemJob).toMatchObject({
      __typename: 'SystemJob', status: 'RUNNING', finished: null, launchType: 'MANUAL', jobType: 'cleanup_jobs',
      extraVars: { days: '120' }, launchedBy: { id: '1', name: 'admin', type: 'user', url: awxPath('/api/v2/users/1/') },
    });
    for (const auth of [ALICE, BOB]) expect((await one('systemJob', running.id, auth)).data).toEqual({ systemJob: null });
  });
});

describe('AdHocCommand', () => {
  it('maps every field of a demo ad hoc command, visible to its inventory organization only', async () => {
    const r = demo('ad_hoc_commands', (c) => c.module_name === 'ping');
    const expected = {
      __typename: 'AdHocCommand', ...simulated(r), type: 'ad_hoc_command', name: 'ping', description: null,
      status: 'SUCCESSFUL', failed: false, canceledOn: null, launchType: 'MANUAL', unifiedJobTemplateId: null,
      jobExplanation: '', launchedBy: { id: '3', name: 'bob', type: 'user', url: awxPath('/api/v2/users/3/') },
      workUnitId: r.work_unit_id, executionEnvironmentId: '1', jobType: 'run', inventoryId: '4', limit: 'dc1-*',
      credentialId: '5', moduleName: 'ping', moduleArgs: '', forks: 0, verbosity: 0, extraVars: {},
      becomeEnabled: false, diffMode: false, executionNode: r.execution_node, controllerNode: 'awx-demo-task-1',
    };
    expect(await one('adHocCommand', r.id)).toEqual({ data: { adHocCommand: expected } });
    expect(await one('adHocCommand', r.id, BOB)).toEqual({ data: { adHocCommand: expected } });
    expect(await one('adHocCommand', r.id, ALICE)).toEqual({ data: { adHocCommand: null } });
  });
});

describe('root fields', () => {
  const ROOTS = Object.keys(FIELDS) as Root[];

  it('answer null for another organization\'s job', async () => {
    const ops: Record<Root, AwxRecord> = {
      job: demo('jobs', (r) => r.organization === 3),
      projectUpdate: demo('project_updates', (r) => r.unified_job_template === 8),
      inventoryUpdate: demo('inventory_updates', (r) => r.unified_job_template === 11),
      workflowApproval: demo('workflow_approvals', (r) => r.unified_job_template === 25),
      systemJob: demo('system_jobs', () => true),
      adHocCommand: demo('ad_hoc_commands', (r) => r.inventory === 4),
    };
    // SystemJobList.get refuses its list to all but superusers and system auditors (403): for anyone else the
    // system job is null like any job they may not see, not an error.
    for (const root of ROOTS) {
      expect(await one(root, ops[root].id, ALICE), root).toEqual({ data: { [root]: null } });
      expect((await one(root, ops[root].id)).data![root], root).toMatchObject({ id: String(ops[root].id) });
    }
  });

  it('refuse bad ids with BAD_USER_INPUT and zero upstream calls', async () => {
    for (const root of ROOTS) {
      for (const id of ['abc', '0', '-3', '1.5', '2147483648', ' 7', '']) {
        const body = await one(root, id);
        expect(body.data, `${root}(${id})`).toEqual({ [root]: null });
        expect(body.errors?.[0]?.extensions?.code, `${root}(${id})`).toBe('BAD_USER_INPUT');
      }
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });
});
