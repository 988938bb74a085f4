/**
 * `summary_fields.user_capabilities` of the demo AWX, computed per caller like BaseAccess.get_user_capabilities
 * (awx/main/access.py) for each serializer's show_capabilities (awx/api/serializers.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAwx, type AwxRecord, type DemoAwx } from '../src/index.js';
import { ADMIN, ALICE, BOB, CAROL, DAVE, GRACE, READ_ONLY } from './demo-auth.js';
import { call } from './call.js';

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

/** The capabilities a detail view shows `auth`. */
async function capabilities(path: string, auth: string): Promise<Record<string, boolean>> {
  const answer = await call(demo, path, auth);
  expect(answer.status, `${path} ${answer.status}`).toBe(200);
  return answer.body.summary_fields.user_capabilities;
}

/** Any stored record of a collection matching `pick`. */
const stored = (collection: 'jobs' | 'project_updates' | 'inventory_updates' | 'workflow_approvals' | 'system_jobs' | 'ad_hoc_commands',
  pick: (record: AwxRecord) => boolean) => demo.data.collections[collection].find(pick)!;

const JOB = (start: boolean, del: boolean) => ({ delete: del, start });

describe('workflow jobs (UnifiedJobSerializer.show_capabilities = [start, delete], WorkflowJobAccess)', () => {
  it('start with the execute role on the template, delete as the template organization\'s workflow admin', async () => {
    // Job 1 is an Operations run of template 35, job 11 an Engineering run of template 30.
    expect(await capabilities('/api/v2/workflow_jobs/1/', ADMIN)).toEqual(JOB(true, true));
    expect(await capabilities('/api/v2/workflow_jobs/1/', BOB)).toEqual(JOB(true, false));
    expect(await capabilities('/api/v2/workflow_jobs/1/', DAVE)).toEqual(JOB(true, true));
    expect(await capabilities('/api/v2/workflow_jobs/11/', ALICE)).toEqual(JOB(true, false));
    expect(await capabilities('/api/v2/workflow_jobs/11/', CAROL)).toEqual(JOB(false, false));
    expect(await capabilities('/api/v2/workflow_jobs/11/', GRACE)).toEqual(JOB(false, false));
  });

  it('leave slice and bulk jobs, which have no workflow job template, to superusers (get_method_capability)', async () => {
    const bulk = demo.data.bulkJobs[0];
    for (const path of ['/api/v2/workflow_jobs/5/', `/api/v2/workflow_jobs/${bulk}/`]) {
      for (const auth of [BOB, DAVE]) expect(await capabilities(path, auth), path).toEqual(JOB(false, false));
      expect(await capabilities(path, ADMIN)).toEqual(JOB(true, true));
    }
  });
});

describe('the other unified jobs (their access classes)', () => {
  it('jobs: start with execute on the job template, delete as admin of the organization (JobAccess)', async () => {
    const job = stored('jobs', (j) => j.job_template === 20);
    expect(await capabilities(String(job.url), BOB)).toEqual(JOB(true, false));
    expect(await capabilities(String(job.url), DAVE)).toEqual(JOB(true, true));
  });

  it('project and inventory updates: the update role to start, the admin role to delete', async () => {
    const project = stored('project_updates', (u) => u.project === 8);
    const inventory = stored('inventory_updates', (u) => u.inventory === 4);
    for (const update of [project, inventory]) {
      expect(await capabilities(String(update.url), BOB)).toEqual(JOB(false, false)); // bob uses them, no more
      expect(await capabilities(String(update.url), DAVE)).toEqual(JOB(true, true));
    }
  });

  it('approvals always start and are deleted by superusers; system jobs never start', async () => {
    const approval = stored('workflow_approvals', (a) => a.unified_job_template === 25);
    expect(await capabilities(String(approval.url), BOB)).toEqual(JOB(true, false));
    const system = stored('system_jobs', () => true);
    expect(await capabilities(String(system.url), ADMIN)).toEqual(JOB(false, true));
    expect(await capabilities(String(system.url), GRACE)).toEqual(JOB(false, false));
  });

  it('ad hoc commands: use of the credential and the inventory\'s ad hoc role to start (AdHocCommandAccess)', async () => {
    const command = stored('ad_hoc_commands', (c) => c.inventory === 4);
    expect(await capabilities(String(command.url), BOB)).toEqual(JOB(true, false));
    expect(await capabilities(String(command.url), DAVE)).toEqual(JOB(true, true));
  });
});

describe('templates (show_capabilities with edit, delete, start, schedule, copy)', () => {
  const ALL = (edit: boolean, start: boolean, copy: boolean) => ({ edit, delete: edit, start, schedule: start, copy });

  it('workflow job templates: admin role edits and deletes, execute starts, the organization\'s workflow admin copies', async () => {
    expect(await capabilities('/api/v2/workflow_job_templates/29/', ALICE)).toEqual(ALL(false, true, false));
    expect(await capabilities('/api/v2/workflow_job_templates/29/', CAROL)).toEqual(ALL(false, false, false));
    expect(await capabilities('/api/v2/workflow_job_templates/35/', DAVE)).toEqual(ALL(true, true, true));
  });

  it('job templates: copying takes use of their inventory and project (JobTemplateAccess.can_add)', async () => {
    expect(await capabilities('/api/v2/job_templates/15/', ALICE)).toEqual(ALL(false, true, true));
    expect(await capabilities('/api/v2/job_templates/15/', CAROL)).toEqual(ALL(false, false, false));
    expect(await capabilities('/api/v2/job_templates/20/', DAVE)).toEqual(ALL(true, true, true));
  });

  it('projects and inventory sources: the update role starts them', async () => {
    expect(await capabilities('/api/v2/projects/7/', ALICE)).toEqual(ALL(false, false, false));
    expect(await capabilities('/api/v2/projects/8/', DAVE)).toEqual(ALL(true, true, true));
    const { copy: _never, ...source } = ALL(true, true, false);
    expect(await capabilities('/api/v2/inventory_sources/11/', DAVE)).toEqual(source);
  });

  it('system job and approval templates show none (their serializers have no show_capabilities)', async () => {
    expect((await call(demo, '/api/v2/system_job_templates/4/', ADMIN)).body.summary_fields).not.toHaveProperty('user_capabilities');
    expect((await call(demo, '/api/v2/workflow_approval_templates/25/', ADMIN)).body.summary_fields).not.toHaveProperty('user_capabilities');
  });
});

describe('per request', () => {
  it('are all false for a read-scoped token (get_user_capabilities: no write scope, no action)', async () => {
    expect(await capabilities('/api/v2/workflow_jobs/1/', READ_ONLY)).toEqual(JOB(false, false));
    expect(await capabilities('/api/v2/workflow_job_templates/29/', READ_ONLY)).toEqual({
      edit: false, delete: false, start: false, schedule: false, copy: false,
    });
  });

  it('are the caller\'s in lists, sub-lists and launch and relaunch answers, never stored', async () => {
    const row = async (path: string, auth: string) => (await call(demo, path, auth)).body.results[0].summary_fields.user_capabilities;
    expect(await row('/api/v2/workflow_jobs/?id=1', BOB)).toEqual(JOB(true, false));
    expect(await row('/api/v2/workflow_jobs/?id=1', DAVE)).toEqual(JOB(true, true));
    expect(await row('/api/v2/unified_jobs/?id=1', BOB)).toEqual(JOB(true, false));
    expect(await row('/api/v2/workflow_job_templates/35/workflow_jobs/?id=1', BOB)).toEqual(JOB(true, false));
    const launched = await call(demo, '/api/v2/workflow_job_templates/35/launch/', BOB, 'POST');
    expect(launched.body.summary_fields.user_capabilities).toEqual(JOB(true, false));
    const relaunched = await call(demo, `/api/v2/workflow_jobs/${launched.body.id}/relaunch/`, DAVE, 'POST');
    expect(relaunched.body.summary_fields.user_capabilities).toEqual(JOB(true, true));
    const record = demo.data.collections.workflow_jobs.find((job) => job.id === launched.body.id)!;
    expect((record.summary_fields as any).user_capabilities).toEqual(JOB(true, true)); // the stored placeholder
  });
});
