/**
 * Relay out of the box: relay-compiler compiles a refetchable fragment with a connection against the committed
 * client schema with the configuration docs/clients.md shows (it cannot read the subgraph SDL), and relay-runtime,
 * with the environment docs/clients.md shows, keeps every object of every demo workflow job — templates, creators,
 * node graphs — under a record of its own, where Relay's default (records keyed by `id`) merges objects of
 * different types that share an AWX id.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import {
  createOperationDescriptor, Environment, fetchQuery, getSelector, Network, RecordSource, Store,
  type ConcreteRequest, type GraphQLResponse, type ReaderFragment, type Variables,
} from 'relay-runtime';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientsDocBlock } from './client-docs.js';
import { ADMIN, useTestGateway } from './gateway.js';
import { resultLine, runTool, type ToolRun } from './tools.js';

const root = new URL('../', import.meta.url);
const work = new URL('test-output/relay/', root);
const config = clientsDocBlock('json', '"nodeInterfaceIdField"');
const environmentCode = clientsDocBlock('js', 'new Environment(');
const jobCard = clientsDocBlock('graphql', 'fragment JobCard_job');

/** A page of the job list, and every workflow job it has read in full: templates, creators, the node graph. */
const STORE_PROOF = `
  query StoreProofQuery($after: String) {
    workflowJobs(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          __typename id name status
          launchedBy { __typename id name type }
          related {
            createdBy { __typename id username }
            workflowJobTemplate { __typename id name }
            unifiedJobTemplate { __typename id name }
            workflowNodes {
              edges { node { __typename id identifier job { __typename id name status } unifiedJobTemplate { __typename id name } } }
            }
          }
        }
      }
    }
  }`;

/** The list of jobs a page at a time, each job through the documented fragment. */
const JOB_LIST = `
  fragment JobList_query on Query
  @refetchable(queryName: "JobListPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 3 }, cursor: { type: "String" }) {
    workflowJobs(first: $count, after: $cursor) @connection(key: "JobList_workflowJobs") {
      edges { node { id ...JobCard_job } }
    }
  }`;

/**
 * A Relay application in test-output/relay/: the documented relay.config.json as it is, the client schema at its
 * root, and sources whose `graphql` tags hold the documented fragment and this test's operations.
 */
function writeApplication(schema: string): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(new URL('src/__generated__/', work), { recursive: true });
  writeFileSync(new URL('relay.config.json', work), config.text);
  copyFileSync(new URL(schema, root), new URL('schema.client.graphql', work));
  for (const [module, text] of Object.entries({ JobCard: jobCard.text, JobList: JOB_LIST, StoreProof: STORE_PROOF })) {
    writeFileSync(new URL(`src/${module}.ts`, work), `import { graphql } from 'relay-runtime';\n\nexport default graphql\`\n${text}\n\`;\n`);
  }
}

/** A compiled artifact of the application. */
async function artifact<T>(name: string): Promise<T> {
  return ((await import(new URL(`src/__generated__/${name}.graphql.ts`, work).href)) as { default: T }).default;
}

let federated: ToolRun;
let compiled: ToolRun;
beforeAll(async () => {
  writeApplication('schema.graphql');
  federated = await runTool('relay-compiler', [], work.pathname);
  writeApplication('schema.client.graphql');
  compiled = await runTool('relay-compiler', [], work.pathname);
}, 120_000);

describe('relay-compiler', () => {
  it('cannot read the subgraph SDL (schema.graphql): it stops at federation\'s `extend schema @link`', () => {
    expect(federated.code).not.toBe(0);
    expect(federated.output).toContain('SchemaExtension not implemented: extend schema @link');
  });

  it('compiles a refetchable fragment with a connection against schema.client.graphql with the documented config', async () => {
    expect(compiled.code, compiled.output).toBe(0);
    expect(resultLine(compiled, /Compilation completed/)).toBe('[INFO] Compilation completed.');
    const card = await artifact<ReaderFragment & { metadata: Record<string, any> }>('JobCard_job');
    expect(card.metadata.refetch).toMatchObject({
      operation: expect.anything(),
      fragmentPathInResult: ['node'],
      identifierInfo: { identifierField: 'globalId', identifierQueryVariableName: 'globalId' },
      connection: { path: ['related', 'workflowNodes'], forward: { count: 'count', cursor: 'cursor' } },
    });
    const refetch = await artifact<ConcreteRequest>('JobCardRefetchQuery');
    expect(refetch.params.text).toContain('node(globalId: $globalId)');
    const list = await artifact<ReaderFragment & { metadata: Record<string, any> }>('JobList_query');
    expect(list.metadata.refetch?.connection).toMatchObject({ path: ['workflowJobs'] });
  });
});

describe('relay-runtime', () => {
  const gw = useTestGateway({}, { clearRequests: false });

  /** The documented environment module, pointed at the test gateway, with the demo admin's token. */
  async function documented(): Promise<{ environment: Environment; getDataID: (value: Record<string, unknown>, typeName: string) => unknown }> {
    const file = new URL(`src/environment-${Date.now()}.mjs`, work);
    const token = ADMIN.replace(/^Bearer /, '');
    writeFileSync(file, `const token = ${JSON.stringify(token)};\n${environmentCode.text.replaceAll('localhost:4000', new URL(gw.url).host)}`);
    return import(file.href);
  }

  /** Relay's defaults: records keyed by `id` (relay-runtime's defaultGetDataID). Every answer is kept. */
  function byId(answers: GraphQLResponse[]): Environment {
    const network = Network.create(async (request, variables) => {
      const { body } = await gw.gql(request.text!, variables);
      answers.push(body as GraphQLResponse);
      return body as GraphQLResponse;
    });
    return new Environment({ network, store: new Store(new RecordSource()) });
  }

  /** Every page of StoreProofQuery fetched into `environment` and kept; then each page read back from the store. */
  async function readEveryJob(environment: Environment): Promise<unknown[]> {
    const query = await artifact<ConcreteRequest>('StoreProofQuery');
    const pages: Variables[] = [];
    let after: string | null = null;
    do {
      const variables: Variables = { after };
      environment.retain(createOperationDescriptor(query, variables));
      const page = (await fetchQuery(environment, query, variables).toPromise()) as { workflowJobs: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
      pages.push(variables);
      after = page.workflowJobs.pageInfo.hasNextPage ? page.workflowJobs.pageInfo.endCursor : null;
    } while (after !== null);
    return pages.map((variables) => environment.lookup(createOperationDescriptor(query, variables).fragment).data);
  }

  /** Each object of the answers with an AWX identity (`Type:id`), by the record id `getDataID` files it under. */
  function recordsOf(answers: GraphQLResponse[], getDataID: (value: Record<string, unknown>) => unknown): Map<unknown, Set<string>> {
    const records = new Map<unknown, Set<string>>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      const object = value as Record<string, unknown>;
      const key = getDataID(object);
      if (key != null && object.__typename && object.id) records.set(key, (records.get(key) ?? new Set()).add(`${object.__typename}:${object.id}`));
      Object.values(object).forEach(walk);
    };
    answers.forEach((answer) => walk(dataOf(answer)));
    return records;
  }

  /** The data of one (non-incremental) answer. */
  const dataOf = (answer: GraphQLResponse) => (answer as { data: any }).data;

  /** An answer as the query selected it: without the `globalId` fields the compiler adds to key records. */
  function selected(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(selected);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'globalId').map(([key, inner]) => [key, selected(inner)]));
  }

  /** What relay-runtime warns of (console.error) when one record id is given objects of different types. */
  function relayWarnings(): () => string[] {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    return () => spy.mock.calls.map((args) => String(args[0])).filter((message) => message.includes('globally unique id') || message.includes('two instances of the same id'));
  }
  afterEach(() => void vi.restoreAllMocks());

  it('holds every object of every demo job apart with the documented environment; keyed by id it merges them', async () => {
    const answers: GraphQLResponse[] = [];
    const mergeWarnings = relayWarnings();
    const mergedStore = await readEveryJob(byId(answers));
    expect(mergeWarnings().length).toBeGreaterThan(24); // relay-runtime's own: "…violated the globally unique id requirement"
    vi.restoreAllMocks();
    const truth = answers.map((answer) => selected(dataOf(answer)));
    const jobs = answers.reduce((sum, answer) => sum + dataOf(answer).workflowJobs.edges.length, 0);
    expect(jobs).toBe(dataOf(answers[0]!).workflowJobs.totalCount);
    expect(jobs).toBe(gw.demo.data.collections.workflow_jobs.length);

    // Relay's default key, `id`: objects of different types that share an AWX id share one record.
    const sharedById = [...recordsOf(answers, (object) => object.id).values()].filter((identities) => identities.size > 1);
    expect(sharedById.length).toBeGreaterThan(24);
    expect(sharedById.find((identities) => identities.has('WorkflowJob:33'))).toContain('WorkflowJobTemplate:33');
    expect(mergedStore).not.toEqual(truth); // what the store reads back is not what the gateway answered
    const merged = (mergedStore as any[]).flatMap((page) => page.workflowJobs.edges.map((edge: any) => edge.node));
    expect(merged.find((job) => job.id === '33').name).toBe('Patch Linux fleet'); // workflow job template 33's name, not the job's

    // The documented environment: records keyed by globalId, one per object, and every page reads back as answered.
    const { environment, getDataID } = await documented();
    const warnings = relayWarnings();
    const store = await readEveryJob(environment);
    expect(warnings()).toEqual([]);
    expect(store).toEqual(truth);
    const sharedByGlobalId = [...recordsOf(answers, (object) => getDataID(object, String(object.__typename))).values()].filter((ids) => ids.size > 1);
    expect(sharedByGlobalId).toEqual([]);
    const source = environment.getStore().getSource();
    for (const [globalId, [identity]] of recordsOf(answers, (object) => object.globalId)) {
      const record = source.get(globalId as string);
      expect(`${record?.__typename}:${record?.id}`).toBe(identity);
    }
  }, 120_000); // a guard on a busy machine: about 3 s alone

  it('refetches the documented fragment through node(globalId:) and pages its connections as usePaginationFragment does', async () => {
    const { environment } = await documented();
    /** A refetchable fragment's data after fetching its refetch query with `variables` (pages of one connection merge). */
    const refetched = async (query: string, fragment: string, variables: Variables, path: (data: any) => unknown) => {
      const request = await artifact<ConcreteRequest>(query);
      const operation = createOperationDescriptor(request, variables);
      environment.retain(operation);
      await fetchQuery(environment, request, variables).toPromise();
      const selector = getSelector(await artifact<ReaderFragment>(fragment), path(environment.lookup(operation.fragment).data));
      return environment.lookup(selector as never).data as any;
    };

    const globalId = 'V29ya2Zsb3dKb2I6Mg=='; // workflow job 2
    const card = (variables: Variables) => refetched('JobCardRefetchQuery', 'JobCard_job', { globalId, ...variables }, (data) => data.node);
    const first = await card({ count: 2 });
    expect(first.related.workflowNodes.pageInfo.hasNextPage).toBe(true);
    const both = await card({ count: 2, cursor: first.related.workflowNodes.pageInfo.endCursor });
    const { body } = await gw.gql('{ workflowJob(id: 2) { id name related { workflowNodes(first: 4) { nodes { __typename identifier job { name status } } } } } }');
    const job = body.data!.workflowJob;
    expect({ id: both.id, name: both.name, nodes: both.related.workflowNodes.edges.map((edge: any) => edge.node) })
      .toEqual({ id: job.id, name: job.name, nodes: job.related.workflowNodes.nodes });

    const list = (variables: Variables) => refetched('JobListPaginationQuery', 'JobList_query', variables, (data) => data);
    const page = await list({ count: 3 });
    const pages = await list({ count: 3, cursor: page.workflowJobs.pageInfo.endCursor });
    const ids = (await gw.gql('{ workflowJobs(first: 6) { nodes { id } } }')).body.data!.workflowJobs.nodes.map((node: { id: string }) => node.id);
    expect(pages.workflowJobs.edges.map((edge: any) => edge.node.id)).toEqual(ids);
  });
});
