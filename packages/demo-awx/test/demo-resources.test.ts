/** The demo AWX's notifications, activity stream and system job templates, over loopback HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startDemoAwx, type AwxRecord, type DemoAwx } from '../src/index.js';
import { call } from './call.js';

const ADMIN = `Bearer ${DEMO_CREDENTIALS.admin.token}`;
const ALICE = `Bearer ${DEMO_CREDENTIALS.alice.token}`;
const BOB = `Bearer ${DEMO_CREDENTIALS.bob.token}`;

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

const get = (path: string, auth = ADMIN) => call(demo, path, auth);

async function ids(path: string, auth = ADMIN): Promise<number[]> {
  const { status, body } = await get(`${path}${path.includes('?') ? '&' : '?'}page_size=200`, auth);
  expect(status).toBe(200);
  return (body.results as AwxRecord[]).map((record) => record.id);
}

describe('notifications', () => {
  it('lists what was sent for a workflow job and for its approval nodes', async () => {
    expect(await ids('/api/v2/workflow_jobs/13/notifications/')).toEqual([4, 5, 6]);
    expect(await ids('/api/v2/notifications/?unifiedjob_notifications=13')).toEqual([4, 6]);
    expect((await get('/api/v2/workflow_jobs/13/notifications/', BOB)).status).toBe(403);
  });

  it('shapes each channel like NotificationSerializer: webhooks lack a subject, slack a body', async () => {
    const { body } = await get('/api/v2/notifications/?id__in=2,4,5');
    const byType = Object.fromEntries((body.results as AwxRecord[]).map((n) => [n.notification_type, Object.keys(n)]));
    const common = ['id', 'type', 'url', 'related', 'summary_fields', 'created', 'modified', 'notification_template',
      'error', 'status', 'notifications_sent', 'notification_type', 'recipients'];
    expect(byType).toEqual({
      email: [...common, 'subject', 'body'], webhook: [...common, 'body'], slack: [...common, 'subject'],
    });
  });

  it('shows non-superusers the notifications of their organizations only, and searches subjects', async () => {
    expect((await get('/api/v2/notifications/')).body.count).toBe(135);
    expect((await get('/api/v2/notifications/', ALICE)).body.count).toBe(93);
    expect((await get('/api/v2/notifications/2/', ALICE)).status).toBe(403);
    expect(await ids('/api/v2/notifications/?error__icontains=503')).toEqual([40]);
    const { body } = await get('/api/v2/notifications/?search=needs+review&page_size=200');
    expect(body.count).toBe(15);
    expect((body.results as AwxRecord[]).every((n) => String(n.subject).startsWith('The approval node'))).toBe(true);
  });
});

describe('activity stream', () => {
  it('lists a workflow job\'s entries in its sub-list and through the workflow_job filter', async () => {
    expect(await ids('/api/v2/workflow_jobs/1/activity_stream/')).toEqual([1, 2, 3]);
    expect(await ids('/api/v2/activity_stream/?workflow_job=1')).toEqual([1, 2, 3]);
    expect((await get('/api/v2/workflow_jobs/1/activity_stream/', ALICE)).status).toBe(403);
  });

  it('searches the changes and filters by operation and actor', async () => {
    const canceled = await ids('/api/v2/activity_stream/?search=cancel_flag');
    expect(canceled).toHaveLength(38);
    expect(await ids('/api/v2/activity_stream/?operation=update')).toEqual(canceled);
    const { body } = await get('/api/v2/activity_stream/?actor=2&operation=update&page_size=1');
    const alice = { id: 2, username: 'alice', first_name: 'Alice', last_name: 'Anders' };
    expect(body.results[0].summary_fields.actor).toEqual(alice);
  });

  it('shows bob only Operations entries', async () => {
    expect((await get('/api/v2/activity_stream/', BOB)).body.count).toBe(381);
    expect((await get('/api/v2/activity_stream/8/', BOB)).status).toBe(403);
  });
});

describe('system job templates', () => {
  it('are AWX\'s four cleanup templates, visible to superusers only, also in unified_job_templates', async () => {
    const { body } = await get('/api/v2/system_job_templates/');
    expect((body.results as AwxRecord[]).map((t) => [t.id, t.job_type])).toEqual([
      [2, 'cleanup_activitystream'], [5, 'cleanup_tokens'], [4, 'cleanup_sessions'], [1, 'cleanup_jobs'],
    ]);
    // SystemJobTemplateList.get: anybody but a superuser or system auditor is refused outright.
    expect(await get('/api/v2/system_job_templates/', ALICE)).toMatchObject({ status: 403, body: { detail: 'Superuser privileges needed.' } });
    expect(await ids('/api/v2/unified_job_templates/?type=system_job_template&order_by=id')).toEqual([1, 2, 4, 5]);
  });
});
