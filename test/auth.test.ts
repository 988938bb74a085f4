/** Credentials: the caller's Authorization reaches AWX verbatim, nothing else of theirs does, and callers never mix. */
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { ADMIN, ALICE, BOB, startTestGateway, useTestGateway } from './gateway.js';

const gw = useTestGateway();

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const IDS = '{ workflowJobs(first: 200) { totalCount nodes { id summaryFields { organization { name } } } } }';

describe('credentials', () => {
  it('forwards a Bearer token and a Basic user exactly as sent', async () => {
    const alice = basic(DEMO_CREDENTIALS.alice.username, DEMO_CREDENTIALS.alice.password);
    for (const auth of [ADMIN, alice]) {
      gw.demo.clearRequests();
      const { body } = await gw.gql('{ workflowJobs(first: 1) { totalCount } }', {}, auth);
      expect(body.errors).toBeUndefined();
      expect(gw.demo.requests.map((r) => r.authorization)).toEqual([auth]);
    }
  });

  it('forwards nothing else of the caller: no cookies, no forwarded-for, no custom headers', async () => {
    await gw.gql('{ workflowJobs(first: 1) { totalCount } }', {}, ADMIN, {
      cookie: 'awx_sessionid=secret-session',
      'x-forwarded-for': '10.1.2.3',
      'x-custom': 'nope',
    });
    const headers = gw.demo.requests[0]!.headers;
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(headers['x-custom']).toBeUndefined();
  });

  it('passes the request id upstream, keeping a plain one the client sent', async () => {
    await gw.gql('{ workflowJobs(first: 1) { totalCount } }', {}, ADMIN, { 'x-request-id': 'dashboard-42' });
    expect(gw.demo.requests[0]!.headers['x-request-id']).toBe('dashboard-42');
    gw.demo.clearRequests();
    await gw.gql('{ workflowJobs(first: 1) { totalCount } }', {}, ADMIN, { 'x-request-id': 'bad id\twith spaces' });
    expect(gw.demo.requests[0]!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs the Authorization header, and logs one line per request with its upstream cost', async () => {
    gw.logs.length = 0;
    await gw.gql('query Dashboard { workflowJobs(first: 1) { totalCount } }', {}, ADMIN);
    const lines = gw.logs.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'graphql request', operationName: 'Dashboard', upstreamCalls: 1, status: 200 });
    expect(gw.logs.join('')).not.toContain(DEMO_CREDENTIALS.admin.token);
  });
});

describe('AWX_TOKEN service credential', () => {
  it('is used only for callers who send no credentials', async () => {
    const withToken = await startTestGateway({ awxToken: DEMO_CREDENTIALS.bob.token });
    try {
      await withToken.gql('{ workflowJobs(first: 1) { totalCount } }', {}, null);
      await withToken.gql('{ workflowJobs(first: 1) { totalCount } }', {}, ALICE);
      expect(withToken.demo.requests.map((r) => r.authorization)).toEqual([BOB, ALICE]);
    } finally {
      await withToken.close();
    }
  });

  it('counts a blank Authorization header as none: the service credential answers', async () => {
    const withToken = await startTestGateway({ awxToken: DEMO_CREDENTIALS.bob.token });
    try {
      for (const blank of ['', '   ']) {
        const { body } = await withToken.gql('{ workflowJobs(first: 1) { totalCount } }', {}, null, { authorization: blank });
        expect(body.errors).toBeUndefined();
      }
      expect(withToken.demo.requests.map((r) => r.authorization)).toEqual([BOB, BOB]);
    } finally {
      await withToken.close();
    }
  });

  it('sends the service user (CONTROLLER_USERNAME/PASSWORD) as Basic when no token is set', async () => {
    const { username, password } = DEMO_CREDENTIALS.bob;
    const withUser = await startTestGateway({ awxBasic: { username, password } });
    try {
      const { body } = await withUser.gql('{ workflowJobs(first: 1) { totalCount } }', {}, null);
      expect(body.errors).toBeUndefined();
      expect(withUser.demo.requests.map((r) => r.authorization)).toEqual([`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`]);
    } finally {
      await withUser.close();
    }
  });
});

describe('isolation between callers', () => {
  it('answers three callers in parallel with exactly their own views', async () => {
    const expected = new Map<string, string>();
    for (const auth of [ADMIN, ALICE, BOB]) {
      const { body } = await gw.gql(IDS, {}, auth);
      expected.set(auth, JSON.stringify(body.data));
    }
    expect(new Set(expected.values()).size).toBe(3);
    const callers = Array.from({ length: 60 }, (_, i) => [ADMIN, ALICE, BOB][i % 3]!);
    const answers = await Promise.all(callers.map((auth) => gw.gql(IDS, {}, auth)));
    answers.forEach((answer, i) => expect(JSON.stringify(answer.body.data)).toBe(expected.get(callers[i]!)));
  });

  it('shows an organization user only their organization, and hides other jobs as null', async () => {
    const { body } = await gw.gql(IDS, {}, ALICE);
    const orgs = new Set((body.data!.workflowJobs.nodes as any[]).map((n) => n.summaryFields.organization?.name));
    expect([...orgs]).toEqual(['Engineering']);
    const bobs = await gw.gql(IDS, {}, BOB);
    const bobJob = (bobs.body.data!.workflowJobs.nodes as any[])[0].id;
    const { body: hidden } = await gw.gql('query($id: ID!) { workflowJob(id: $id) { id } }', { id: bobJob }, ALICE);
    expect(hidden).toEqual({ data: { workflowJob: null } });
  });
});
