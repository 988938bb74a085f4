/** Every AWX field of a workflow job reaches GraphQL, camelCased and typed, from real captured responses. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { putRecord } from '@awx-graphql/demo-awx';
import { EXAMPLE_QUERY } from '../src/example-query.js';
import { awxPath, startTestGateway, type TestGateway } from './gateway.js';

/** Real AWX responses captured by the AWX UI project (copied unmodified into test/fixtures/). */
const sample = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const DETAIL = sample('workflow_job.json');
const LIST_ROW = sample('jobs.json').results[0];

export const ALL_FIELDS = `
  id type url created modified name description unifiedJobTemplateId launchType status failed started finished
  canceledOn elapsed jobArgs jobCwd jobEnv jobExplanation resultTraceback launchedBy { id name type url }
  workUnitId workflowJobTemplateId extraVars allowSimultaneous jobTemplateId isSlicedJob inventoryId limit
  scmBranch webhookService webhookCredentialId webhookGuid skipTags jobTags
  summaryFields {
    organization { id name description }
    inventory { id name description hasActiveFailures totalHosts hostsWithActiveFailures totalGroups hasInventorySources totalInventorySources inventorySourcesWithFailures organizationId kind }
    executionEnvironment { id name description image }
    jobTemplate { id name description }
    workflowJobTemplate { id name description }
    schedule { id name description nextRun }
    unifiedJobTemplate { id name description unifiedJobType }
    instanceGroup { id name isContainerGroup }
    webhookCredential { id name description kind cloud credentialTypeId }
    createdBy { id username firstName lastName }
    modifiedBy { id username firstName lastName }
    userCapabilities { start delete }
    sourceWorkflowJob { id name description status failed elapsed type canceledOn }
    ancestorJob { id name type url }
    labels { count results { id name } }
  }`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
  putRecord(gw.demo.data, 'workflow_jobs', DETAIL, { organizationId: 1 });
  putRecord(gw.demo.data, 'workflow_jobs', LIST_ROW, { organizationId: 1 });
});
afterAll(() => gw.close());
beforeEach(() => gw.demo.clearRequests());

const noSummary = {
  organization: null, inventory: null, executionEnvironment: null, jobTemplate: null, schedule: null,
  instanceGroup: null, webhookCredential: null, sourceWorkflowJob: null, ancestorJob: null,
};

describe('WorkflowJob fields', () => {
  it('maps every field of the real detail response (workflow_job.json)', async () => {
    const { body } = await gw.gql(`{ workflowJob(id: 126) { ${ALL_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/126/']);
    expect(body.data!.workflowJob).toEqual({
      id: '126', type: 'workflow_job', url: awxPath('/api/v2/workflow_jobs/126/'),
      created: '2024-03-05T20:46:14.078236Z', modified: '2024-03-05T20:46:14.409078Z',
      name: 'alex efjt', description: '', unifiedJobTemplateId: '39', launchType: 'MANUAL', status: 'FAILED',
      failed: true, started: '2024-03-05T20:46:14.401691Z', finished: '2024-03-05T20:47:17.360480Z',
      canceledOn: null, elapsed: 62.959, jobArgs: '', jobCwd: '', jobEnv: {},
      jobExplanation: 'No error handling paths found, marking workflow as failed', resultTraceback: '',
      launchedBy: { id: '3', name: 'dev', type: 'user', url: awxPath('/api/v2/users/3/') },
      workUnitId: null, workflowJobTemplateId: '39', extraVars: {}, allowSimultaneous: false, jobTemplateId: null,
      isSlicedJob: false, inventoryId: null, limit: null, scmBranch: null, webhookService: null,
      webhookCredentialId: null, webhookGuid: '', skipTags: '', jobTags: '',
      summaryFields: {
        ...noSummary,
        workflowJobTemplate: { id: '39', name: 'alex efjt', description: '' },
        unifiedJobTemplate: { id: '39', name: 'alex efjt', description: '', unifiedJobType: 'workflow_job' },
        createdBy: { id: '3', username: 'dev', firstName: '', lastName: '' },
        modifiedBy: { id: '3', username: 'dev', firstName: '', lastName: '' },
        userCapabilities: { start: true, delete: true },
        labels: { count: 0, results: [] },
      },
    });
  });

  it('maps every field of the real list row (jobs.json), reading detail-only fields from the detail', async () => {
    const { body } = await gw.gql(`{ workflowJobs(filter: { id: [491] }) { totalCount nodes { ${ALL_FIELDS} } } }`);
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toEqual([
      '/api/v2/workflow_jobs/?id__in=491&order_by=id&page=1&page_size=25',
      '/api/v2/workflow_jobs/491/',
    ]);
    const job = body.data!.workflowJobs.nodes[0];
    expect(job).toMatchObject({
      id: '491', name: 'Workflow 1214', status: 'FAILED', launchType: 'MANUAL', elapsed: 8.275, inventoryId: '1',
      scmBranch: '', skipTags: null, jobTags: null, limit: null, extraVars: {}, webhookService: null,
      launchedBy: { id: '2', name: 'vnambiar', type: 'user', url: awxPath('/api/v2/users/2/') },
    });
    expect(job.summaryFields.inventory).toEqual({
      id: '1', name: 'Demo Inventory', description: '', hasActiveFailures: false, totalHosts: 1,
      hostsWithActiveFailures: 0, totalGroups: 0, hasInventorySources: true, totalInventorySources: 1,
      inventorySourcesWithFailures: 1, organizationId: '1', kind: '',
    });
    // The captured row has no detail counterpart, so the detail read answers the row again: still no invented values.
    expect(job).toMatchObject({ jobArgs: null, jobCwd: null, jobEnv: null, resultTraceback: null });
  });

  it('gives null launcher fields when AWX sends launched_by: {}', async () => {
    putRecord(gw.demo.data, 'workflow_jobs', { ...DETAIL, id: 9001, launch_type: 'webhook', launched_by: {}, webhook_service: 'github' }, { organizationId: 1 });
    const { body } = await gw.gql('{ workflowJob(id: 9001) { launchType launchedBy { id name type url } webhookService } }');
    expect(body).toEqual({
      data: { workflowJob: { launchType: 'WEBHOOK', launchedBy: { id: null, name: null, type: null, url: null }, webhookService: 'GITHUB' } },
    });
  });
});

describe('Query.workflowJob', () => {
  it('applies search through the list (AWX ignores it on a detail URL): null when the job does not match', async () => {
    const { body } = await gw.gql('{ hit: workflowJob(id: 126, search: "alex") { id } miss: workflowJob(id: 126, search: "no such words") { id } }');
    expect(body).toEqual({ data: { hit: { id: '126' }, miss: null } });
    expect(gw.upstreamPaths().sort()).toEqual([
      '/api/v2/workflow_jobs/?search=alex&id__in=126&page_size=200',
      '/api/v2/workflow_jobs/?search=no+such+words&id__in=126&page_size=200',
    ]);
  });

  it('batches searched jobs with the same terms into one list read, and reads a detail only for detail-only fields', async () => {
    const { body } = await gw.gql('{ a: workflowJob(id: 126, search: "alex") { id name } b: workflowJob(id: 1, search: "alex") { id } }');
    expect(body.data).toEqual({ a: { id: '126', name: 'alex efjt' }, b: null });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?search=alex&id__in=126%2C1&page_size=200']);
    gw.demo.clearRequests();
    const detail = await gw.gql('{ workflowJob(id: 126, search: "alex") { jobArgs summaryFields { ancestorJob { id } } } }');
    expect(detail.body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/?search=alex&id__in=126&page_size=200', '/api/v2/workflow_jobs/126/']);
  });

  it('keeps a quoted phrase whole in search', async () => {
    const { body } = await gw.gql('{ whole: workflowJob(id: 126, search: "\\"alex efjt\\"") { id } swapped: workflowJob(id: 126, search: "\\"efjt alex\\"") { id } }');
    expect(body).toEqual({ data: { whole: { id: '126' }, swapped: null } });
  });

  it('reads a job once however often a query asks for it', async () => {
    const { body } = await gw.gql('{ a: workflowJob(id: 126) { id } b: workflowJob(id: "126") { name } }');
    expect(body.data).toEqual({ a: { id: '126' }, b: { name: 'alex efjt' } });
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/126/']);
  });

  it('runs the query GraphiQL opens with, without errors, on the demo data', async () => {
    const { body } = await gw.gql(EXAMPLE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.workflowJob.id).toBe('1');
    expect(body.data!.workflowJob.related.workflowNodes.nodes.length).toBeGreaterThan(0);
  });
});

describe('extraVars', () => {
  const cases: [string, string, unknown][] = [
    ['JSON text', '{"region": "eu", "replicas": 3, "password": "$encrypted$"}', { region: 'eu', replicas: 3, password: '$encrypted$' }],
    ['YAML text', 'region: eu-west-1\nreplicas: 3\nflags:\n  - a\n  - b\n', { region: 'eu-west-1', replicas: 3, flags: ['a', 'b'] }],
    ['YAML with a masked survey password', '---\nadmin_password: $encrypted$\n', { admin_password: '$encrypted$' }],
    ['empty text', '', {}],
  ];
  cases.forEach(([label, text, expected], i) => {
    it(`parses ${label}`, async () => {
      putRecord(gw.demo.data, 'workflow_jobs', { ...DETAIL, id: 9100 + i, extra_vars: text }, { organizationId: 1 });
      const { body } = await gw.gql(`{ workflowJob(id: ${9100 + i}) { extraVars } }`);
      expect(body).toEqual({ data: { workflowJob: { extraVars: expected } } });
    });
  });

  it('reports unparseable extra_vars as an error on that field only', async () => {
    putRecord(gw.demo.data, 'workflow_jobs', { ...DETAIL, id: 9200, extra_vars: '{"unterminated": [' }, { organizationId: 1 });
    const { body } = await gw.gql('{ workflowJob(id: 9200) { id extraVars } }');
    expect(body.data).toEqual({ workflowJob: { id: '9200', extraVars: null } });
    expect(body.errors?.[0]).toMatchObject({ path: ['workflowJob', 'extraVars'], extensions: { code: 'UPSTREAM_ERROR' } });
  });
});

const STATUSES = ['NEW', 'PENDING', 'WAITING', 'RUNNING', 'SUCCESSFUL', 'FAILED', 'ERROR', 'CANCELED'];
const LAUNCH_TYPES = ['MANUAL', 'RELAUNCH', 'CALLBACK', 'SCHEDULED', 'DEPENDENCY', 'WORKFLOW', 'WEBHOOK', 'SYNC', 'SCM'];

describe('enums', () => {
  it('maps every AWX status and launch type onto the schema enums, filtering on each', async () => {
    const aliases = [
      ...STATUSES.map((s) => `s_${s}: workflowJobs(first: 3, filter: { status: [${s}] }) { totalCount nodes { status } }`),
      ...LAUNCH_TYPES.map((t) => `l_${t}: workflowJobs(first: 3, filter: { launchType: [${t}] }) { totalCount nodes { launchType } }`),
    ];
    const { body } = await gw.gql(`{ ${aliases.join('\n')} }`);
    expect(body.errors).toBeUndefined();
    expect(gw.upstreamPaths()).toHaveLength(STATUSES.length + LAUNCH_TYPES.length);
    for (const s of STATUSES) {
      const page = body.data![`s_${s}`];
      expect(page.totalCount, s).toBeGreaterThan(0);
      expect(page.nodes.every((n: { status: string }) => n.status === s)).toBe(true);
    }
    for (const t of LAUNCH_TYPES) {
      const page = body.data![`l_${t}`];
      expect(page.totalCount, t).toBeGreaterThan(0);
      expect(page.nodes.every((n: { launchType: string }) => n.launchType === t)).toBe(true);
    }
  });

  it('maps webhook services, and AWX\'s empty string to null', async () => {
    const seen = new Set<string | null>();
    let after: string | null = null;
    do {
      const { body } = await gw.gql('query($after: String) { workflowJobs(first: 200, after: $after) { nodes { webhookService } pageInfo { hasNextPage endCursor } } }', { after });
      body.data!.workflowJobs.nodes.forEach((n: { webhookService: string | null }) => seen.add(n.webhookService));
      after = body.data!.workflowJobs.pageInfo.hasNextPage ? body.data!.workflowJobs.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(new Set([null, 'GITHUB', 'GITLAB', 'BITBUCKET_DC']));
  });
});
