/**
 * The demo AWX's list semantics where they follow AWX's code rather than its serializers: search (DRF 3.15
 * SearchFilter, lists only), field lookups checked against model fields and walking model relations (DAB
 * rest_filters), DAB's prefix order, and AWX's own error wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAwx, type AwxRecord, type DemoAwx } from '../src/index.js';
import { call as callDemo } from './call.js';

let demo: DemoAwx;
beforeAll(async () => {
  demo = await startDemoAwx();
});
afterAll(() => demo.close());

const call = (path: string) => callDemo(demo, path);
const page = async (path: string) => (await call(path)).body as { count: number; results: AwxRecord[] };
const count = async (query: string) => (await page(`/api/v2/workflow_jobs/?${query}&page_size=1`)).count;
const jobs = () => demo.data.collections.workflow_jobs;
const summary = (job: AwxRecord) => job.summary_fields as Record<string, { id: number } | undefined>;

describe('search', () => {
  it('ignores search on a detail URL, as AWX does (search_fields belong to ListAPIView, awx/api/generics.py)', async () => {
    expect(await call('/api/v2/workflow_jobs/1/?search=zz-no-such-term')).toMatchObject({ status: 200, body: { id: 1 } });
    expect((await page('/api/v2/workflow_jobs/?id=1&search=zz-no-such-term')).count).toBe(0);
  });

  it('keeps a quoted phrase whole in search, and splits other words on spaces and commas (DRF search_smart_split)', async () => {
    const job = { name: String((await page('/api/v2/workflow_jobs/?page_size=1')).results[0]!.name) };
    const words = job.name.split(' ');
    expect(words.length).toBeGreaterThan(1);
    const reversed = [...words].reverse().join(' ');
    expect((await page(`/api/v2/workflow_jobs/?search=${encodeURIComponent(`"${job.name}"`)}&page_size=200`)).count).toBeGreaterThan(0);
    expect((await page(`/api/v2/workflow_jobs/?search=${encodeURIComponent(`"${reversed}"`)}&page_size=200`)).count).toBe(0);
    expect((await page(`/api/v2/workflow_jobs/?search=${encodeURIComponent(reversed)}&page_size=200`)).count).toBeGreaterThan(0);
    expect((await page(`/api/v2/workflow_jobs/?search=${encodeURIComponent(words.join(','))}&page_size=200`)).count).toBeGreaterThan(0);
    expect(await call('/api/v2/workflow_jobs/?search=a%00b')).toMatchObject({ status: 400, body: ['Null characters are not allowed.'] });
  });

  it('reads prefixes in DAB\'s order only: chain__ or or__, then not__', async () => {
    const all = (await page('/api/v2/workflow_jobs/?page_size=1')).count;
    const failed = (await page('/api/v2/workflow_jobs/?status=failed&page_size=1')).count;
    expect((await page('/api/v2/workflow_jobs/?or__not__status=failed&page_size=1')).count).toBe(all - failed);
    expect((await page('/api/v2/workflow_jobs/?chain__not__status=failed&page_size=1')).count).toBe(all - failed);
    expect(await call('/api/v2/workflow_jobs/?not__or__status=failed')).toMatchObject({ status: 400, body: { detail: "WorkflowJob has no field named 'or'" } });
    expect((await call('/api/v2/workflow_jobs/?chain__or__status=failed')).status).toBe(400);
  });

});

describe('lookups on model fields only (DAB get_fields_from_path)', () => {
  it.each(['limit__exact', 'scm_branch', 'job_tags__icontains', 'skip_tags', 'launched_by'])(
    'answers 400 to %s: a serializer key, no field of the WorkflowJob model',
    async (key) => {
      const field = key.split('__')[0];
      expect(await call(`/api/v2/workflow_jobs/?${key}=x`)).toEqual({ status: 400, body: { detail: `WorkflowJob has no field named '${field}'` } });
    },
  );

  it('ignores the reserved `limit` parameter (ANSIBLE_BASE_REST_FILTERS_RESERVED_NAMES)', async () => {
    expect(await count('limit=anything')).toBe(jobs().length);
  });

  it('filters on the model fields the gateway uses', async () => {
    const sliced = jobs().filter((job) => job.is_sliced_job);
    expect(sliced.length).toBeGreaterThan(0);
    expect(await count('is_sliced_job=t')).toBe(sliced.length);
    const template = sliced[0]!.unified_job_template as number;
    expect(await count(`unified_job_template__in=${template}`)).toBe(jobs().filter((job) => job.unified_job_template === template).length);
    expect(await count(`workflow_job_template__in=${template}`)).toBe(0);
    const scheduled = jobs().filter((job) => summary(job).schedule?.id === 5);
    expect(scheduled.length).toBeGreaterThan(0);
    expect(await count('schedule__in=5')).toBe(scheduled.length);
    expect(await count('organization__in=3')).toBe(jobs().filter((job) => summary(job).organization?.id === 3).length);
    expect(await count('not__status__in=successful,failed')).toBe(jobs().filter((job) => !['successful', 'failed'].includes(String(job.status))).length);
  });
});

describe('what the database holds, not what the serializer shows', () => {
  it('filters and orders running jobs by the elapsed AWX stores, 0 until they finish (UnifiedJob.save)', async () => {
    const running = jobs().filter((job) => job.started != null && job.finished == null);
    expect(running.length).toBeGreaterThan(0);
    const shown = (await page(`/api/v2/workflow_jobs/?id=${running[0]!.id}`)).results[0]!;
    expect(shown.elapsed).toBeGreaterThan(0); // the live running time (UnifiedJobSerializer.to_representation)
    const zero = (await page('/api/v2/workflow_jobs/?elapsed=0&page_size=200')).results.map((job) => job.id);
    expect(zero).toEqual(expect.arrayContaining(running.map((job) => job.id)));
    const ordered = (await page('/api/v2/workflow_jobs/?order_by=elapsed,id&page_size=200')).results.map((job) => job.id);
    expect(ordered.slice(0, zero.length).sort((a, b) => a - b)).toEqual([...zero].sort((a, b) => a - b));
  });
});

describe('relations walked through the model, not the summary', () => {
  it('reads created_by__email from the user record (the summary has no email)', async () => {
    const creator = summary(jobs()[0]!).created_by!.id;
    const email = demo.data.collections.users.find((user) => user.id === creator)!.email as string;
    expect(await count(`created_by__email=${encodeURIComponent(email)}`)).toBe(jobs().filter((job) => summary(job).created_by?.id === creator).length);
    expect(await count(`created_by__username__in=nobody,${demo.data.collections.users.find((u) => u.id === creator)!.username}`))
      .toBe(jobs().filter((job) => summary(job).created_by?.id === creator).length);
  });

  it('matches a many-to-many relation when any related record does (labels__name__in, labels__in)', async () => {
    const labels = demo.data.collections.labels;
    const [first, second] = [labels[0]!, labels[1]!];
    const carrying = (ids: number[]) => jobs().filter((job) => (demo.data.jobLabels[job.id] ?? []).some((id) => ids.includes(id))).length;
    expect(await count(`labels__name__in=${encodeURIComponent(`${first.name},${second.name}`)}`)).toBe(
      carrying(labels.filter((label) => label.name === first.name || label.name === second.name).map((label) => label.id)),
    );
    expect(await count(`labels__in=${first.id}`)).toBe(carrying([first.id]));
  });

  it('reports unknown and forbidden fields of the related model as AWX does', async () => {
    expect(await call('/api/v2/workflow_jobs/?created_by__nope=1')).toEqual({ status: 400, body: { detail: "User has no field named 'nope'" } });
    expect((await call('/api/v2/workflow_jobs/?created_by__password=x')).status).toBe(403);
    // Same-named fields of different models are different fields: no loop (DAB compares the field objects).
    const creator = summary(jobs()[0]!).created_by!.id;
    expect((await call(`/api/v2/workflow_jobs/?workflow_job_template__created_by=${creator}`)).status).toBe(200);
  });
});

describe("AWX's error wording", () => {
  it.each([
    ['id__in=1,a', JSON.stringify(['“a” value must be an integer.'])],
    ['created_by__in=a', 'Invalid created_by id: a'],
    ['failed=maybe', 'Unable to convert "maybe" to boolean'],
    ['order_by=nope', "WorkflowJob has no field named 'nope'"],
    ['order_by=-created_by__nope', "User has no field named 'nope'"],
  ])('answers %s with 400 %s', async (query, detail) => {
    expect(await call(`/api/v2/workflow_jobs/?${query}`)).toEqual({ status: 400, body: { detail } });
  });
});
