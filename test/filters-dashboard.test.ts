/**
 * The dashboard filters: each compiles into one AWX lookup on a WorkflowJob model field, and gives what
 * AWX's data holds (the demo's own records are the reference), in both API layouts.
 */
import { describe, expect, it } from 'vitest';
import type { AwxRecord } from '@awx-graphql/demo-awx';
import { useTestGateway } from './gateway.js';

const gw = useTestGateway();

const LIST = 'query($filter: WorkflowJobFilter) { workflowJobs(filter: $filter, first: 200) { totalCount nodes { id } } }';
const jobs = () => gw.demo.data.collections.workflow_jobs;
const summary = (job: AwxRecord) => job.summary_fields as Record<string, { id: number } | undefined>;

/** The ids the gateway answers for a filter (all on one page), after checking totalCount agrees. */
async function idsFor(filter: Record<string, unknown>): Promise<number[]> {
  const { body } = await gw.gql(LIST, { filter });
  expect(body.errors).toBeUndefined();
  const ids = (body.data!.workflowJobs.nodes as { id: string }[]).map((node) => Number(node.id));
  expect(body.data!.workflowJobs.totalCount).toBe(ids.length);
  return ids.sort((a, b) => a - b);
}
const idsOf = (match: (job: AwxRecord) => boolean) => jobs().filter(match).map((job) => job.id).sort((a, b) => a - b);

describe('dashboard filters', () => {
  it('compile into allowlisted lookups on model fields, in a fixed order', async () => {
    await gw.gql(LIST, {
      filter: {
        unifiedJobTemplateId: ['21'], labelId: ['4', 5], labelName: ['web', 'ci'], organizationId: ['2'], createdById: ['3'],
        createdByUsername: ['bob'], scheduleId: ['5'], isSlicedJob: false, not: { status: ['FAILED', 'ERROR'], launchType: ['SCHEDULED'] },
      },
    });
    const [path] = gw.upstreamPaths();
    expect(path!.split('?')[1]!.split('&').slice(0, 10)).toEqual([
      'unified_job_template__in=21', 'labels__in=4%2C5', 'labels__name__in=web%2Cci', 'organization__in=2', 'created_by__in=3',
      'created_by__username__in=bob', 'schedule__in=5', 'not__status__in=failed%2Cerror', 'not__launch_type__in=scheduled', 'is_sliced_job=false',
    ]);
  });

  it('catches sliced jobs by their job template with unifiedJobTemplateId, which workflowJobTemplateId misses', async () => {
    const sliced = idsOf((job) => job.unified_job_template === 21);
    expect(sliced.length).toBeGreaterThan(0);
    expect(await idsFor({ unifiedJobTemplateId: ['21'] })).toEqual(sliced);
    expect(await idsFor({ workflowJobTemplateId: ['21'] })).toEqual([]);
    expect(await idsFor({ isSlicedJob: true })).toEqual(idsOf((job) => job.is_sliced_job === true));
  });

  it('finds jobs by label id and by label name', async () => {
    const label = gw.demo.data.collections.labels.find((candidate) => candidate.name === 'web')!;
    const carrying = (ids: number[]) => idsOf((job) => (gw.demo.data.jobLabels[job.id] ?? []).some((id) => ids.includes(id)));
    expect(await idsFor({ labelId: [String(label.id)] })).toEqual(carrying([label.id]));
    const named = gw.demo.data.collections.labels.filter((candidate) => ['web', 'backup'].includes(String(candidate.name))).map((l) => l.id);
    expect(await idsFor({ labelName: ['web', 'backup'] })).toEqual(carrying(named));
  });

  it('finds jobs by organization, creator id or username, and schedule', async () => {
    expect(await idsFor({ organizationId: ['3'] })).toEqual(idsOf((job) => summary(job).organization?.id === 3));
    expect(await idsFor({ createdById: ['2'] })).toEqual(idsOf((job) => summary(job).created_by?.id === 2));
    expect(await idsFor({ createdByUsername: ['alice', 'bob'] })).toEqual(idsOf((job) => [2, 3].includes(summary(job).created_by?.id ?? 0)));
    expect(await idsFor({ scheduleId: ['4'] })).toEqual(idsOf((job) => summary(job).schedule?.id === 4));
  });

  it('leaves out jobs by status and launch type with `not`', async () => {
    expect(await idsFor({ not: { status: ['SUCCESSFUL', 'FAILED'] } })).toEqual(idsOf((job) => !['successful', 'failed'].includes(String(job.status))));
    expect(await idsFor({ organizationId: ['2'], not: { launchType: ['MANUAL'] } }))
      .toEqual(idsOf((job) => summary(job).organization?.id === 2 && job.launch_type !== 'manual'));
  });

  it.each([
    [{ labelName: ['a,b'] }, 'filter.labelName'],
    [{ labelName: [''] }, 'filter.labelName'],
    [{ createdByUsername: [] }, 'filter.createdByUsername'],
    [{ not: { status: [] } }, 'filter.not.status'],
    [{ scheduleId: ['x'] }, 'filter.scheduleId'],
    [{ unifiedJobTemplateId: ['0'] }, 'filter.unifiedJobTemplateId'],
  ])('refuses %j with BAD_USER_INPUT before any AWX call', async (filter, argument) => {
    const { body } = await gw.gql(LIST, { filter });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(gw.upstreamPaths()).toEqual([]);
  });
});
