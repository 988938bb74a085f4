/**
 * Automatic persisted queries as Apollo Client sends them (its PersistedQueryLink over HttpLink, POST and
 * GET), and the protocol's edges: a hash that is not the query's, malformed extensions, APQ turned off.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { describe, expect, it } from 'vitest';
import { ADMIN, postGraphql, startTestGateway, useTestGateway } from './gateway.js';
import { drain, wsSubscribe } from './live-clients.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One HTTP exchange as the gateway received and answered it. */
interface Exchange {
  method: string;
  /** The GraphQL parameters sent: the POST body, or the GET's query string (JSON values parsed). */
  sent: Record<string, unknown>;
  status: number;
  answer: unknown;
}

/** Apollo Client with the persisted query link, over a fetch that records every exchange. */
function apolloClient(url: string, options: { useGETForHashedQueries?: boolean } = {}) {
  const exchanges: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const target = new URL(String(input));
    const sent = init?.body ? JSON.parse(String(init.body)) : Object.fromEntries([...target.searchParams].map(([k, v]) => [k, k === 'operationName' ? v : JSON.parse(v)]));
    const response = await fetch(input, init);
    const answer = await response.clone().json();
    exchanges.push({ method: init?.method ?? 'GET', sent, status: response.status, answer });
    return response;
  };
  const link = new PersistedQueryLink({ sha256, ...options }).concat(new HttpLink({ uri: url, fetch: recording, headers: { authorization: ADMIN } }));
  const client = new ApolloClient({ link, cache: new InMemoryCache(), defaultOptions: { query: { fetchPolicy: 'no-cache' } } });
  return { client, exchanges };
}

const JOB = gql`
  query Job($id: ID!) {
    workflowJob(id: $id) {
      id
      status
    }
  }
`;
/** What Apollo Client 4 adds to every request's extensions. */
const CLIENT = { clientLibrary: { name: '@apollo/client', version: expect.any(String) } };
const NOT_FOUND = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };

describe("Apollo Client's PersistedQueryLink", () => {
  const gw = useTestGateway();

  it('sends the hash alone, is told PersistedQueryNotFound, resends with the query; the next time the hash alone answers', async () => {
    const { client, exchanges } = apolloClient(gw.url);
    const first = await client.query({ query: JOB, variables: { id: '3' } });
    expect(first.data).toEqual({ workflowJob: { __typename: 'WorkflowJob', id: '3', status: 'CANCELED' } });
    const [hashOnly, retry] = exchanges;
    const hash = (hashOnly!.sent.extensions as any).persistedQuery.sha256Hash;
    expect(hashOnly).toEqual({
      method: 'POST', status: 200, answer: NOT_FOUND,
      sent: { operationName: 'Job', variables: { id: '3' }, extensions: { ...CLIENT, persistedQuery: { version: 1, sha256Hash: hash } } },
    });
    expect(retry!.sent).toMatchObject({ operationName: 'Job', query: expect.stringContaining('workflowJob(id: $id)'), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(sha256(retry!.sent.query as string)).toBe(hash);
    expect(retry).toMatchObject({ status: 200, answer: { data: { workflowJob: { id: '3', status: 'CANCELED' } } } });
    expect(exchanges).toHaveLength(2);
    // The not-found answer cost AWX nothing: the one read is the retry's.
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/3/']);

    gw.demo.clearRequests();
    const second = await client.query({ query: JOB, variables: { id: '3' } });
    expect(second.data).toEqual(first.data);
    expect(exchanges.slice(2)).toEqual([{
      method: 'POST', status: 200, answer: { data: { workflowJob: { __typename: 'WorkflowJob', id: '3', status: 'CANCELED' } } },
      sent: { operationName: 'Job', variables: { id: '3' }, extensions: { ...CLIENT, persistedQuery: { version: 1, sha256Hash: hash } } },
    }]);
    expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/3/']);
  });

  it('with useGETForHashedQueries: hashed GETs, the registration as a POST', async () => {
    const { client, exchanges } = apolloClient(gw.url, { useGETForHashedQueries: true });
    const query = gql`query JobName { workflowJob(id: 4) { id name } }`;
    await client.query({ query });
    await client.query({ query });
    const outcome = (e: Exchange) => (e.answer as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'data';
    expect(exchanges.map((e) => [e.method, 'query' in e.sent, outcome(e)])).toEqual([
      ['GET', false, 'PERSISTED_QUERY_NOT_FOUND'], ['POST', true, 'data'], ['GET', false, 'data'],
    ]);
    expect(exchanges[2]!.answer).toEqual(exchanges[1]!.answer);
  });
});

describe('the APQ protocol', () => {
  const gw = useTestGateway();
  const QUERY = '{ workflowJob(id: 3) { id } }';
  const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it('answers an unknown hash uncacheable, as Apollo Server does, so no proxy keeps the miss', async () => {
    const response = await fetch(gw.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN }, body: JSON.stringify({ extensions: apq(sha256(QUERY)) }),
    });
    expect([response.status, response.headers.get('cache-control'), await response.json()]).toEqual([200, 'private, no-cache, must-revalidate', NOT_FOUND]);
  });

  it('runs hashes over graphql-ws too: an unknown one is not found, one registered over HTTP runs', async () => {
    const query = '{ workflowJob(id: 4) { id } }';
    const unknown = await drain(wsSubscribe(gw.wsUrl, '', { auth: ADMIN, persisted: { extensions: apq(sha256(query)) } }));
    expect(unknown).toEqual([NOT_FOUND]);
    expect((await postGraphql(gw.url, { query, extensions: apq(sha256(query)) })).body).toEqual({ data: { workflowJob: { id: '4' } } });
    const known = await drain(wsSubscribe(gw.wsUrl, '', { auth: ADMIN, persisted: { extensions: apq(sha256(query)) } }));
    expect(known).toEqual([{ data: { workflowJob: { id: '4' } } }]);
  });

  it('refuses a query whose SHA-256 is not the hash sent, and stores nothing', async () => {
    const wrong = sha256('something else');
    const refused = await postGraphql(gw.url, { query: QUERY, extensions: apq(wrong) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{
      message: `extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent (that is ${sha256(QUERY)}): nothing was stored.`,
      extensions: { code: 'BAD_REQUEST' },
    }]);
    expect((await postGraphql(gw.url, { extensions: apq(wrong) })).body).toEqual(NOT_FOUND);
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('stores only a query that validated: an invalid one is answered with its errors and is still not found', async () => {
    const invalid = '{ workflowJob(id: 3) { nope } }';
    const answer = await postGraphql(gw.url, { query: invalid, extensions: apq(sha256(invalid)) });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await postGraphql(gw.url, { extensions: apq(sha256(invalid)) })).body).toEqual(NOT_FOUND);
  });

  it('refuses malformed persistedQuery extensions with 400 BAD_REQUEST before any AWX call', async () => {
    for (const persistedQuery of [{ version: 2, sha256Hash: sha256(QUERY) }, { version: 1, sha256Hash: 'abc' }, { version: 1 }, 'yes']) {
      const { status, body } = await postGraphql(gw.url, { query: QUERY, extensions: { persistedQuery } });
      expect([status, body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('answers PersistedQueryNotSupported when APQ is off, so the link stops hashing', async () => {
    const off = await startTestGateway({ persisted: { apq: false } });
    try {
      const { status, body } = await postGraphql(off.url, { extensions: apq(sha256(QUERY)) });
      expect([status, body]).toEqual([200, { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] }]);
      expect((await off.gql(QUERY)).body).toEqual({ data: { workflowJob: { id: '3' } } });
      // Apollo's link: one hash, told it is not supported, then the query in full, now and from then on.
      const { client, exchanges } = apolloClient(off.url);
      await client.query({ query: JOB, variables: { id: '3' } });
      await client.query({ query: JOB, variables: { id: '3' } });
      const sent = exchanges.map((e) => [e.sent.query === undefined ? 'hash' : 'query', 'persistedQuery' in (e.sent.extensions as object)]);
      expect(sent).toEqual([['hash', true], ['query', false], ['query', false]]);
    } finally {
      await off.close();
    }
  });

  it('keeps at most APQ_MAX_ENTRIES queries in memory, dropping the least recently used', async () => {
    const small = await startTestGateway({ persisted: { apqMaxEntries: 2 } });
    try {
      const queries = ['{ workflowJob(id: 3) { id } }', '{ workflowJob(id: 4) { id } }', '{ workflowJob(id: 5) { id } }'];
      for (const query of queries) expect((await postGraphql(small.url, { query, extensions: apq(sha256(query)) })).body.data).toBeTruthy();
      const found = await Promise.all(queries.map(async (query) => (await postGraphql(small.url, { extensions: apq(sha256(query)) })).body.errors === undefined));
      expect(found).toEqual([false, true, true]);
    } finally {
      await small.close();
    }
  });
});
