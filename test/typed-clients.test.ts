/**
 * Typed clients as docs/clients.md sets them up: GraphQL Code Generator's client preset, with the documented
 * configuration over the client schema, types `DateTime` as a string and `JSON` as unknown and writes documents
 * Apollo Client runs as they are; Apollo Client and urql's Graphcache, given the published possibleTypes, read a
 * fragment on an interface (`... on UnifiedJob`) back with its fields, which Apollo drops without them.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql, type DocumentNode } from '@apollo/client';
import { generate } from '@graphql-codegen/cli';
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import introspection from 'awx-graphql/possible-types.json' with { type: 'json' };
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { clientsDocBlock } from './client-docs.js';
import { ADMIN, useTestGateway } from './gateway.js';
import { runTool } from './tools.js';

const gw = useTestGateway();
afterEach(() => void vi.restoreAllMocks());

const FIRST_STEPS = gql`
  query FirstSteps {
    workflowJob(id: 1) { id related { workflowNodes(first: 3) { nodes { id job { ...JobLine } } } } }
  }
  fragment JobLine on UnifiedJob { __typename id name status }
`;

/** The three jobs of workflow job 1's first nodes, as the gateway answers them. */
async function firstJobs(): Promise<unknown[]> {
  const { body } = await gw.gql('{ workflowJob(id: 1) { related { workflowNodes(first: 3) { nodes { job { __typename id name status } } } } } }');
  return body.data!.workflowJob.related.workflowNodes.nodes.map((node: { job: unknown }) => node.job);
}

/** Messages a client logs with console.warn and console.error while `work` runs. */
async function logged<T>(work: () => Promise<T>): Promise<{ result: T; messages: string[] }> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const result = await work();
    return { result, messages: [...warn.mock.calls, ...error.mock.calls].map((args) => args.map(String).join(' ')) };
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
}

const jobsOf = (data: any): unknown[] => data.workflowJob.related.workflowNodes.nodes.map((node: { job: unknown }) => node.job);

describe('Apollo Client', () => {
  const apollo = (possibleTypes?: Record<string, string[]>) => new ApolloClient({
    link: new HttpLink({ uri: gw.url, headers: { authorization: ADMIN } }),
    cache: new InMemoryCache(possibleTypes ? { possibleTypes } : {}),
  });

  it('reads a fragment on UnifiedJob back with its fields given the published possibleTypes, and drops them without', async () => {
    const expected = await firstJobs();
    const without = await logged(() => apollo().query({ query: FIRST_STEPS }));
    expect(jobsOf(without.result.data)).toEqual(expected.map((job) => ({ __typename: (job as { __typename: string }).__typename })));
    expect(without.messages.some((message) => message.includes('missing `possibleTypes` entry'))).toBe(true);
    const withTypes = await logged(() => apollo(introspection.possibleTypes).query({ query: FIRST_STEPS }));
    expect(jobsOf(withTypes.result.data)).toEqual(expected);
    expect(withTypes.messages).toEqual([]);
  });
});

describe('urql Graphcache', () => {
  const embedded = () => null;
  const urql = (possibleTypes?: Record<string, string[]>) => new Client({
    url: gw.url,
    fetchOptions: { headers: { authorization: ADMIN } },
    exchanges: [cacheExchange({ ...(possibleTypes ? { possibleTypes } : {}), keys: { WorkflowJobRelated: embedded, WorkflowJobNodeConnection: embedded } }), fetchExchange],
  });

  it('matches a fragment on UnifiedJob by the published possibleTypes, where without them it guesses from the fields it holds', async () => {
    const expected = await firstJobs();
    const without = await logged(() => urql().query(FIRST_STEPS, {}).toPromise());
    expect(jobsOf(without.result.data)).toEqual(expected);
    expect(without.messages.filter((message) => message.includes('Heuristic Fragment Matching'))).toHaveLength(3);
    const withTypes = await logged(() => urql(introspection.possibleTypes).query(FIRST_STEPS, {}).toPromise());
    expect(jobsOf(withTypes.result.data)).toEqual(expected);
    expect(withTypes.messages).toEqual([]);
  });
});

describe('GraphQL Code Generator', () => {
  const app = new URL('../test-output/codegen-client/', import.meta.url);
  const config = clientsDocBlock('yaml', 'preset: client');

  /** An application with the client schema at its root, one operation, and code that relies on its types. */
  function writeApplication(): void {
    rmSync(app, { recursive: true, force: true });
    mkdirSync(new URL('src/', app), { recursive: true });
    copyFileSync(new URL('../schema.client.graphql', import.meta.url), new URL('schema.client.graphql', app));
    writeFileSync(new URL('tsconfig.json', app), JSON.stringify({
      compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] },
      include: ['src'],
    }));
    writeFileSync(new URL('src/jobs.ts', app), [
      "import { graphql } from './gql';",
      '',
      'export const LastRun = graphql(`',
      '  query LastRun { workflowJob(id: 1) { name status finished extraVars related { workflowNodes(first: 3) { nodes { job { ...JobLine } } } } } }',
      '`);',
      '',
      'export const JobLine = graphql(`fragment JobLine on UnifiedJob { __typename id name status }`);',
      '',
    ].join('\n'));
    writeFileSync(new URL('src/check.ts', app), [
      "import type { ResultOf } from '@graphql-typed-document-node/core';",
      "import { LastRun } from './jobs.js';",
      '',
      "type Job = NonNullable<ResultOf<typeof LastRun>['workflowJob']>;",
      'declare const job: Job;',
      'export const finished: string | null | undefined = job.finished;',
      "export const status: 'SUCCESSFUL' | 'FAILED' | 'ERROR' | 'CANCELED' | 'NEW' | 'PENDING' | 'WAITING' | 'RUNNING' | null | undefined = job.status;",
      '// @ts-expect-error DateTime is a string, never a Date',
      'export const asDate: Date | null | undefined = job.finished;',
      '// @ts-expect-error JSON is unknown until the code checks it',
      'export const asObject: Record<string, unknown> | null | undefined = job.extraVars;',
      '',
    ].join('\n'));
  }

  it('writes typed documents with the documented config: DateTime a string, JSON unknown, and Apollo Client runs them', async () => {
    writeApplication();
    const files = await generate({ ...parseYaml(config.text), cwd: app.pathname, silent: true }, true);
    expect(files.map((file: { filename: string }) => file.filename.replace(app.pathname, '')).sort()).toEqual(['src/gql/fragment-masking.ts', 'src/gql/gql.ts', 'src/gql/graphql.ts', 'src/gql/index.ts']);
    const typecheck = await runTool('tsc', ['-p', 'tsconfig.json'], app.pathname);
    expect(typecheck, typecheck.output).toEqual({ code: 0, output: '' });

    const { LastRun } = (await import(new URL('src/jobs.ts', app).href)) as { LastRun: DocumentNode };
    const client = new ApolloClient({ link: new HttpLink({ uri: gw.url, headers: { authorization: ADMIN } }), cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }) });
    const { data } = await client.query({ query: LastRun });
    expect(data).toMatchObject({ workflowJob: { name: expect.any(String), finished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    expect(jobsOf(data)).toEqual(await firstJobs());
  }, 120_000); // a guard on a busy machine: about 2 s alone
});
