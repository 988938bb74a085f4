/**
 * Survey passwords in the demo AWX: a job keeps what was sent and shows `$encrypted$` instead
 * (SurveyJobMixin.survey_passwords and display_extra_vars in awx/main/models/mixins.py, used by
 * JobSerializer and WorkflowJobSerializer.to_representation in awx/api/serializers.py).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAwx, type AwxRecord, type DemoAwx } from '../src/index.js';
import { ADMIN, ALICE, BOB } from './demo-auth.js';
import { call } from './call.js';

const ERIN = 'Bearer demo-erin-token';
const FRANK = 'Bearer demo-frank-token';
const MASKED = '{"ttl_hours": 8, "sandbox_owner": "erin", "root_password": "$encrypted$"}';

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

/** Launches "Provision sandbox" (27, survey with the password question root_password) as `auth`. */
async function launchSandbox(auth: string, password: string): Promise<AwxRecord & { workflow_job: number }> {
  const launched = await call(demo, '/api/v2/workflow_job_templates/27/launch/', auth, 'POST', {
    extra_vars: { sandbox_owner: 'erin', root_password: password },
  });
  expect(launched.status).toBe(201);
  return launched.body;
}

describe('survey passwords', () => {
  it('are stored as sent and shown as $encrypted$ in the launch answer and every later read', async () => {
    const job = await launchSandbox(ERIN, 's3cret-pass');
    expect(job.extra_vars).toBe(MASKED);
    const stored = demo.data.collections.workflow_jobs.find((record) => record.id === job.workflow_job)!;
    expect(stored.extra_vars).toBe('{"ttl_hours": 8, "sandbox_owner": "erin", "root_password": "s3cret-pass"}');
    for (const auth of [ERIN, ADMIN]) {
      expect((await call(demo, `/api/v2/workflow_jobs/${job.id}/`, auth)).body.extra_vars).toBe(MASKED);
      expect((await call(demo, `/api/v2/workflow_jobs/?id=${job.id}`, auth)).body.results[0].extra_vars).toBe(MASKED);
      expect((await call(demo, `/api/v2/unified_jobs/?id=${job.id}`, auth)).body.results[0].extra_vars).toBe(MASKED);
    }
  });

  it('go along with a relaunch by the launcher, still masked (copy_unified_job keeps survey_passwords)', async () => {
    const job = await launchSandbox(ERIN, 'another-pass');
    const relaunched = await call(demo, `/api/v2/workflow_jobs/${job.id}/relaunch/`, ERIN, 'POST');
    expect(relaunched.status).toBe(201);
    expect(relaunched.body.extra_vars).toBe(MASKED);
    const stored = demo.data.collections.workflow_jobs.find((record) => record.id === relaunched.body.id)!;
    expect(stored.extra_vars).toContain('"root_password": "another-pass"');
  });

  it('keep others from relaunching the job, superusers excepted (WorkflowJobAccess.can_start)', async () => {
    const job = await launchSandbox(ERIN, 'erins-pass');
    // frank holds execute on Default's templates, as erin does, yet did not send the password.
    expect(await call(demo, `/api/v2/workflow_jobs/${job.id}/relaunch/`, FRANK, 'POST')).toEqual({
      status: 403, body: { detail: 'Job was launched with secret prompts provided by another user.' },
    });
    expect((await call(demo, `/api/v2/workflow_jobs/${job.id}/relaunch/`, ADMIN, 'POST')).status).toBe(201);
  });

  it('count as not answered when the placeholder itself is sent (SurveyJobTemplateMixin._update_unified_job_kwargs)', async () => {
    const job = await launchSandbox(ERIN, '$encrypted$');
    expect(job.extra_vars).toBe('{"ttl_hours": 8, "sandbox_owner": "erin"}');
    // Nothing secret was sent, so anyone who may run the template may relaunch it.
    expect((await call(demo, `/api/v2/workflow_jobs/${job.id}/relaunch/`, FRANK, 'POST')).status).toBe(201);
  });

  it('are not shown to callers who may not read the job at all', async () => {
    const job = await launchSandbox(ERIN, 'hidden-pass');
    for (const auth of [ALICE, BOB]) expect((await call(demo, `/api/v2/workflow_jobs/${job.id}/`, auth)).status).toBe(403);
  });
});
