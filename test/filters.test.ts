/** Filters, search and ordering compile into exact, allowlisted AWX query strings. */
import { describe, expect, it } from 'vitest';
import { useTestGateway } from './gateway.js';

const gw = useTestGateway();

const LIST = 'query($filter: WorkflowJobFilter, $orderBy: [WorkflowJobOrder!], $search: String, $first: Int) { workflowJobs(filter: $filter, orderBy: $orderBy, search: $search, first: $first) { totalCount nodes { id name status launchType failed created } } }';

async function upstreamQuery(variables: Record<string, unknown>): Promise<URLSearchParams> {
  const { body } = await gw.gql(LIST, variables);
  expect(body.errors).toBeUndefined();
  const paths = gw.upstreamPaths();
  expect(paths).toHaveLength(1);
  return new URL(paths[0]!, 'http://awx').searchParams;
}

describe('workflowJobs filters', () => {
  it('compiles every filter field into its AWX lookup, in a fixed order', async () => {
    await gw.gql(LIST, {
      search: 'deploy nightly',
      first: 10,
      filter: {
        status: ['FAILED', 'ERROR'],
        launchType: ['MANUAL', 'SCHEDULED'],
        failed: true,
        name: 'Deploy',
        nameContains: 'dep',
        id: ['1', 2],
        workflowJobTemplateId: ['3'],
        createdAfter: '2024-01-01T00:00:00Z',
        createdBefore: '2024-02-01T00:00:00+01:00',
        startedAfter: '2024-01-02T00:00:00Z',
        startedBefore: '2024-01-03T00:00:00Z',
        finishedAfter: '2024-01-04T00:00:00Z',
        finishedBefore: '2024-01-05T00:00:00Z',
      },
    });
    expect(gw.upstreamPaths()).toEqual([
      '/api/v2/workflow_jobs/?search=deploy+nightly&name=Deploy&name__icontains=dep' +
        '&created__gte=2024-01-01T00%3A00%3A00.000Z&created__lt=2024-01-31T23%3A00%3A00.000Z' +
        '&started__gte=2024-01-02T00%3A00%3A00.000Z&started__lt=2024-01-03T00%3A00%3A00.000Z' +
        '&finished__gte=2024-01-04T00%3A00%3A00.000Z&finished__lt=2024-01-05T00%3A00%3A00.000Z' +
        '&status__in=failed%2Cerror&launch_type__in=manual%2Cscheduled&id__in=1%2C2&workflow_job_template__in=3' +
        '&failed=true&order_by=id&page=1&page_size=10',
    ]);
  });

  it('filters by status on the upstream and returns only matching jobs', async () => {
    const { body } = await gw.gql(LIST, { filter: { status: ['RUNNING'] }, first: 200 });
    const nodes = body.data!.workflowJobs.nodes as { status: string }[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.status === 'RUNNING')).toBe(true);
    expect(body.data!.workflowJobs.totalCount).toBe(nodes.length);
  });

  it('passes free text only as AWX search, however it is written', async () => {
    const query = await upstreamQuery({ search: "x&order_by=password&page_size=999'; DROP" });
    expect(query.get('search')).toBe("x&order_by=password&page_size=999'; DROP");
    expect(query.getAll('order_by')).toEqual(['id']);
    expect(query.get('page_size')).toBe('25');
    expect([...query.keys()].sort()).toEqual(['order_by', 'page', 'page_size', 'search']);
  });

  it('orders by the requested keys with id as the final tie-breaker', async () => {
    const query = await upstreamQuery({ orderBy: [{ field: 'FINISHED', direction: 'DESC' }, { field: 'NAME' }] });
    expect(query.get('order_by')).toBe('-finished,name,id');
    const { body } = await gw.gql(LIST, { orderBy: [{ field: 'CREATED', direction: 'DESC' }], first: 50 });
    const created = (body.data!.workflowJobs.nodes as { created: string }[]).map((n) => Date.parse(n.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('refuses bad filter values before any upstream call', async () => {
    gw.demo.clearRequests();
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { id: ['1/../../users'] } }, 'filter.id'],
      [{ filter: { workflowJobTemplateId: ['-3'] } }, 'filter.workflowJobTemplateId'],
      [{ filter: { status: [] } }, 'filter.status'],
      [{ filter: { createdAfter: 'yesterday' } }, 'DateTime'],
      [{ search: 'x'.repeat(600) }, 'search'],
    ];
    for (const [variables, mention] of cases) {
      const { body } = await gw.gql(LIST, variables);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(mention);
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('rejects unknown enum values in variables as GraphQL validation errors', async () => {
    const { status, body } = await gw.gql(LIST, { filter: { status: ['status__in=x'] } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/JobStatus/);
    expect(gw.upstreamPaths()).toEqual([]);
  });
});
