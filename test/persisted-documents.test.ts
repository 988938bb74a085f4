/**
 * Trusted documents: a manifest written by codegen's client preset (`persistedDocuments: true`) over
 * schema.graphql, loaded through PERSISTED_DOCUMENTS_FILE; requests by `documentId` (POST, GET, SSE,
 * graphql-ws); and PERSISTED_DOCUMENTS_ONLY, which refuses everything else before any AWX call.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { PersistedConfig } from '../src/persisted/index.js';
import { ADMIN, postGraphql, startTestGateway, type TestGateway } from './gateway.js';
import { drain, sseSubscribe, wsSubscribe } from './live-clients.js';

const OPERATIONS = `
query Job($id: ID!) { workflowJob(id: $id) { id status } }
mutation Cancel($id: ID!) { cancelWorkflowJob(id: $id) { workflowJob { id } } }
subscription Follow($id: ID!) { workflowJobUpdated(id: $id) { id status } }
`;

const folder = mkdtempSync(join(tmpdir(), 'awx-graphql-persisted-'));
let manifestFile: string;
let manifest: Record<string, string>;
/** The manifest's id of each operation, by name. */
const ids: Record<string, string> = {};
let persisted: PersistedConfig;

beforeAll(async () => {
  writeFileSync(join(folder, 'operations.graphql'), OPERATIONS);
  // From the project's folder, where codegen finds the preset by name; the output goes to the scratch folder.
  await generate({
    silent: true, schema: 'schema.graphql', documents: [join(folder, 'operations.graphql')],
    generates: { [`${join(folder, 'gql')}/`]: { preset: 'client', presetConfig: { persistedDocuments: true, fragmentMasking: false } } },
  }, true);
  manifestFile = join(folder, 'gql', 'persisted-documents.json');
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  for (const [id, document] of Object.entries(manifest)) ids[/(?:query|mutation|subscription) (\w+)/.exec(document)![1]!] = id;
  persisted = loadConfig({ PERSISTED_DOCUMENTS_FILE: manifestFile }).persisted;
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const job3 = { data: { workflowJob: { id: '3', status: 'CANCELED' } } };

it("reads the client preset's manifest: sha256:-prefixed ids of each printed operation", () => {
  expect(Object.keys(ids).sort()).toEqual(['Cancel', 'Follow', 'Job']);
  for (const [id, document] of Object.entries(manifest)) expect(id).toBe(`sha256:${createHash('sha256').update(document).digest('hex')}`);
  expect(persisted.documents?.size).toBe(3);
});

describe('requests by documentId', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ persisted, admission: { maxInFlight: 1, maxQueued: 0 } });
  });
  afterAll(() => gw.close());

  it('runs the document a POST or GET names, with its variables; free text still runs', async () => {
    expect(await postGraphql(gw.url, { documentId: ids.Job, variables: { id: '3' } })).toEqual({ status: 200, body: job3 });
    const search = new URLSearchParams({ documentId: ids.Job!, variables: JSON.stringify({ id: '3' }) });
    const get = await fetch(`${gw.url}?${search}`, { headers: { authorization: ADMIN, accept: 'application/graphql-response+json' } });
    expect([get.status, await get.json()]).toEqual([200, job3]);
    // The bare hex form names the same document.
    expect((await postGraphql(gw.url, { documentId: ids.Job!.slice('sha256:'.length), variables: { id: '3' } })).body).toEqual(job3);
    expect((await gw.gql('{ workflowJob(id: 3) { id status } }')).body).toEqual(job3);
  });

  it('refuses an unknown documentId (404), one sent with a query (400), and a mutation over GET (405), before any AWX call', async () => {
    gw.demo.clearRequests();
    const unknown = `sha256:${'0'.repeat(64)}`;
    expect(await postGraphql(gw.url, { documentId: unknown })).toEqual({ status: 404, body: { errors: [{
      message: `Document "${unknown}" is not in this gateway's persisted documents.`, extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
    }] } });
    const both = await postGraphql(gw.url, { documentId: ids.Job, query: '{ __typename }' });
    expect([both.status, both.body.errors?.[0]?.extensions?.code]).toEqual([400, 'CANNOT_SEND_PQ_ID_AND_BODY']);
    const mutation = await fetch(`${gw.url}?${new URLSearchParams({ documentId: ids.Cancel!, variables: '{"id":"230"}' })}`, { headers: { authorization: ADMIN } });
    expect(mutation.status).toBe(405);
    await mutation.body?.cancel();
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('streams a subscription by documentId over SSE and graphql-ws; it takes no admission slot, as with its text', async () => {
    const running = gw.demo.data.collections.workflow_jobs.find((record) => record.status === 'running')!;
    const sse = sseSubscribe(gw.url, '', { auth: ADMIN, persisted: { documentId: ids.Follow }, variables: { id: String(running.id) } });
    try {
      expect(await sse.next()).toEqual({ data: { workflowJobUpdated: { id: String(running.id), status: 'RUNNING' } } });
      expect(gw.admission!.inFlight).toBe(0);
      // The one slot is free: a query by documentId answers while the subscription is open.
      expect((await postGraphql(gw.url, { documentId: ids.Job, variables: { id: '3' } })).body).toEqual(job3);
    } finally {
      sse.close();
    }
    const ws = await drain(wsSubscribe(gw.wsUrl, '', { auth: ADMIN, persisted: { documentId: ids.Follow }, variables: { id: '3' } }));
    expect(ws).toEqual([{ data: { workflowJobUpdated: { id: '3', status: 'CANCELED' } } }]);
  });
});

it('bounds the text a documentId names by MAX_QUERY_BYTES, over HTTP and graphql-ws alike', async () => {
  const size = Buffer.byteLength(manifest[ids.Job!]!);
  const gw = await startTestGateway({ persisted, limits: { maxQueryBytes: size - 1 } });
  try {
    const tooLarge = { errors: [{
      message: `Query size ${size} bytes exceeds the limit of ${size - 1} bytes: send a shorter query.`,
      extensions: { code: 'QUERY_TOO_LARGE', limit: size - 1, found: size },
    }] };
    expect((await postGraphql(gw.url, { documentId: ids.Job, variables: { id: '3' } })).body).toEqual(tooLarge);
    expect(await drain(wsSubscribe(gw.wsUrl, '', { auth: ADMIN, persisted: { documentId: ids.Job }, variables: { id: '3' } }))).toEqual([tooLarge]);
    expect(gw.upstreamPaths()).toEqual([]);
  } finally {
    await gw.close();
  }
});

describe('PERSISTED_DOCUMENTS_ONLY', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    const only = loadConfig({ PERSISTED_DOCUMENTS_FILE: manifestFile, PERSISTED_DOCUMENTS_ONLY: 'true' }).persisted;
    gw = await startTestGateway({ persisted: only });
  });
  afterAll(() => gw.close());
  const REFUSED = { errors: [{
    message: 'This gateway runs only its persisted documents (PERSISTED_DOCUMENTS_ONLY): send a documentId, not a query.',
    extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' },
  }] };

  it('refuses free text, introspection and APQ registrations with 400 before any AWX call', async () => {
    gw.demo.clearRequests();
    expect(await gw.gql('{ workflowJob(id: 3) { id status } }')).toEqual({ status: 400, body: REFUSED });
    expect(await gw.gql('{ __schema { queryType { name } } }')).toEqual({ status: 400, body: REFUSED });
    const text = manifest[ids.Job!]!;
    const hash = ids.Job!.slice('sha256:'.length);
    const registration = await postGraphql(gw.url, { query: `${text} `, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(`${text} `).digest('hex') } } });
    expect(registration).toEqual({ status: 400, body: REFUSED });
    expect(await postGraphql(gw.url, {})).toEqual({ status: 400, body: REFUSED });
    expect(gw.upstreamPaths()).toEqual([]);
    // An APQ hash of a manifest document runs it; any other hash is not in the list (and not worth a retry).
    expect((await postGraphql(gw.url, { variables: { id: '3' }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).body).toEqual(job3);
    const other = await postGraphql(gw.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect([other.status, other.body.errors?.[0]?.extensions?.code]).toEqual([404, 'PERSISTED_QUERY_NOT_IN_LIST']);
  });

  it('runs the manifest by documentId, and gives a clear error for an unknown one', async () => {
    expect((await postGraphql(gw.url, { documentId: ids.Job, variables: { id: '3' } })).body).toEqual(job3);
    expect(await postGraphql(gw.url, { documentId: 'sha256:nope' })).toEqual({ status: 404, body: { errors: [{
      message: 'Document "sha256:nope" is not in this gateway\'s persisted documents.', extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
    }] } });
  });

  it('serves no GraphiQL, and graphql-ws runs documents but refuses free text', async () => {
    const page = await fetch(gw.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([400, expect.stringContaining('json')]);
    expect(await page.json()).toEqual(REFUSED);
    const ws = await drain(wsSubscribe(gw.wsUrl, '', { auth: ADMIN, persisted: { documentId: ids.Job }, variables: { id: '3' } }));
    expect(ws).toEqual([job3]);
    const refused = await drain(wsSubscribe(gw.wsUrl, '{ workflowJob(id: 3) { id } }', { auth: ADMIN }));
    expect(refused).toEqual([{ errors: [REFUSED.errors[0]] }]);
  });
});
