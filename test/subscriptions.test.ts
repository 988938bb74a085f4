/** `Subscription.workflowJobUpdated` over SSE and graphql-ws, against the moving demo AWX: sources, sharing, limits, errors. */
import { describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { layoutFor } from '../src/awx/apiLayout.js';
import { websocketUrl } from '../src/awx/websocket.js';
import { Feed, type LiveEvent } from '../src/live/feed.js';
import { nextInterval } from '../src/live/polling.js';
import { JobWatcher } from '../src/live/watcher.js';
import { ADMIN, ALICE, AWX_WEBSOCKET_PATH, BOB, type TestGateway } from './gateway.js';
import { advanceVisibly, drain, sseSubscribe, useLiveTests, wsSubscribe, type ResultStream } from './live-clients.js';

const FOLLOW = `subscription Follow($id: ID!) {
  workflowJobUpdated(id: $id) {
    id status failed finished
    related { workflowNodes { nodes { id doNotRun job { id status } } } }
  }
}`;
const STATUS_ONLY = 'subscription ($id: ID!) { workflowJobUpdated(id: $id) { id status } }';
const TERMINAL = ['SUCCESSFUL', 'FAILED', 'ERROR', 'CANCELED'];
/** No poll happens within a test with this interval: changes can only come through AWX's websocket. */
const NEVER_MS = 600_000;

const { gateway, track } = useLiveTests();

/** A workflow job the demo has in `status` (the lowest id), as a GraphQL ID. */
function jobIn(gw: TestGateway, status: string): string {
  const job = gw.demo.data.collections.workflow_jobs.find((record) => record.status === status);
  if (!job) throw new Error(`the demo has no ${status} workflow job`);
  return String(job.id);
}

/** Polls that looked at this job: list reads of workflow jobs by id naming it. */
const polls = (gw: TestGateway, id: string) => gw.demo.requests.filter((r) => r.pathname === '/api/v2/workflow_jobs/' && (r.query.get('id__in') ?? '').split(',').includes(id)).length;
const handshakes = (gw: TestGateway) => gw.demo.requests.filter((r) => r.rawPath === AWX_WEBSOCKET_PATH);

/**
 * Follows a job to its end: after each event, moves the job in the demo AWX until something subscribers
 * are told about changed (some steps only move a job's play along), so each event after the first must
 * answer exactly that change. Returns the statuses in the order the subscriber saw them.
 */
async function followToEnd(gw: TestGateway, stream: ResultStream, id: string): Promise<string[]> {
  const statuses: string[] = [];
  for (let result = await stream.next(); result; result = await stream.next()) {
    expect(result.errors).toBeUndefined();
    const job = result.data!.workflowJobUpdated;
    statuses.push(job.status);
    if (!TERMINAL.includes(job.status)) await advanceVisibly(gw.demo, id);
  }
  return statuses;
}

describe('workflowJobUpdated', () => {
  it('follows a job to completion over SSE, polling AWX when its websocket refuses us', async () => {
    const gw = await gateway({ demo: { websocket: false }, subscriptions: { pollMs: 50, pollMaxMs: 200 } });
    const id = jobIn(gw, 'pending');
    const stream = track(sseSubscribe(gw.url, FOLLOW, { auth: ADMIN, variables: { id } }));
    const statuses = await followToEnd(gw, stream, id);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses.at(-1)).toBe('SUCCESSFUL');
    expect(statuses).toContain('RUNNING');
    const last = stream.results.at(-1)!.data!.workflowJobUpdated;
    expect(last.finished).toEqual(expect.any(String));
    // Each event is resolved with fresh loaders: the final node graph shows every node's finished job.
    for (const node of last.related.workflowNodes.nodes) {
      expect(node.doNotRun || TERMINAL.includes(node.job?.status)).toBe(true);
    }
    expect(handshakes(gw).length).toBeGreaterThan(0); // it tried the websocket first, and was refused
    expect(gw.live.watching).toBe(0);
  });

  it('follows a job to completion over graphql-ws, told of each change by AWX\'s websocket', async () => {
    const gw = await gateway({ subscriptions: { pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const id = jobIn(gw, 'pending');
    const stream = track(wsSubscribe(gw.wsUrl, FOLLOW, { auth: ADMIN, variables: { id } }));
    const statuses = await followToEnd(gw, stream, id);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses.at(-1)).toBe('SUCCESSFUL');
    const [handshake] = handshakes(gw);
    expect(handshake!.authorization).toBe(ADMIN);
    expect(String(handshake!.headers.cookie)).toMatch(/^csrftoken=\w+$/);
    expect(gw.live.watching).toBe(0);
  });

  it('watches through AWX\'s websocket a job its caller may read but not list, joining no group AWX checks', async () => {
    // bob launched bulk job 952 and reads it by id, but WorkflowJobAccess's list leaves it out: AWX would refuse
    // him its `workflow_events-952` group (consumer_access); `jobs-status_changed`, which says it all, it does not.
    const gw = await gateway({ logLevel: 'debug', subscriptions: { pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const bulk = gw.demo.data.collections.workflow_jobs.find((job) => job.id === 952)!;
    Object.assign(bulk, { status: 'running', finished: null }); // still running, so the watch stays open
    const stream = track(wsSubscribe(gw.wsUrl, FOLLOW, { auth: BOB, variables: { id: '952' } }));
    const first = await stream.next();
    expect(first?.data?.workflowJobUpdated).toMatchObject({ id: '952', status: 'RUNNING' });
    await expect.poll(() => gw.logs.some((line) => line.includes('watching jobs through AWX websocket'))).toBe(true);
    expect(gw.logs.some((line) => line.includes('AWX refused the websocket subscription'))).toBe(false);
  });

  it('falls back to polling when AWX\'s websocket drops, and keeps following', async () => {
    const gw = await gateway({ logLevel: 'debug', subscriptions: { pollMs: 50, pollMaxMs: NEVER_MS } });
    const id = jobIn(gw, 'running');
    const stream = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    await stream.next();
    await expect.poll(() => gw.logs.some((line) => line.includes('watching jobs through AWX websocket'))).toBe(true);
    gw.demo.disconnectWebsockets();
    await expect.poll(() => gw.logs.some((line) => line.includes('AWX websocket lost: polling the watched jobs'))).toBe(true);
    await advanceVisibly(gw.demo, id);
    expect((await stream.next())!.data!.workflowJobUpdated.id).toBe(id);
  });

  it('shares one watcher between subscribers of one job with one credential', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off', pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const visible = await gw.gql('{ workflowJobs(first: 1, filter: { status: [RUNNING] }) { nodes { id } } }', {}, ALICE);
    const { id } = visible.body.data!.workflowJobs.nodes[0];
    gw.demo.clearRequests();
    const sse = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    const ws = track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    const expected = { data: { workflowJobUpdated: { id, status: 'RUNNING' } } };
    expect(await sse.next()).toEqual(expected);
    expect(await ws.next()).toEqual(expected);
    expect(gw.live.watching).toBe(1);
    // One watcher: the job and its nodes read once for both subscribers, nothing else.
    expect(gw.upstreamPaths()).toEqual([`/api/v2/workflow_jobs/${id}/`, `/api/v2/workflow_job_nodes/?workflow_job__in=${id}&order_by=id&page=1&page_size=200`]);
    const alice = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ALICE, variables: { id } }));
    expect(await alice.next()).toEqual(expected);
    expect(gw.live.watching).toBe(2); // the same job with another credential: a watcher of its own
  });

  it('answers an unauthorized subscriber UNAUTHENTICATED and nothing else', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off' } });
    const id = jobIn(gw, 'running');
    for (const subscribe of [sseSubscribe.bind(null, gw.url), wsSubscribe.bind(null, gw.wsUrl)]) {
      const results = await drain(track(subscribe(STATUS_ONLY, { auth: 'Bearer not-a-token', variables: { id } })));
      expect(results).toHaveLength(1);
      expect(results[0]).not.toHaveProperty('data');
      expect(results[0]!.errors).toEqual([expect.objectContaining({ path: ['workflowJobUpdated'], extensions: { code: 'UNAUTHENTICATED', upstreamStatus: 401 } })]);
    }
    expect(gw.live.watching).toBe(0);
  });

  it('answers NOT_FOUND for a job AWX does not have, and BAD_USER_INPUT for a bad id before any AWX call', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off' } });
    const [missing] = await drain(track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id: '999999' } })));
    expect(missing!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    gw.demo.clearRequests();
    const [bad] = await drain(track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id: '-1' } })));
    expect(bad!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('applies the query limits to subscriptions, over SSE and graphql-ws, before any AWX call', async () => {
    const gw = await gateway({ limits: { maxCost: 2 } });
    for (const subscribe of [sseSubscribe.bind(null, gw.url), wsSubscribe.bind(null, gw.wsUrl)]) {
      const [refused] = await drain(track(subscribe(FOLLOW, { auth: ADMIN, variables: { id: '1' } })));
      expect(refused!.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 2 });
    }
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('stops the watcher (and its polling) when the last subscriber leaves', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off', pollMs: 30, pollMaxMs: 30 } });
    const id = jobIn(gw, 'running');
    const first = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    const second = track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    await Promise.all([first.next(), second.next()]);
    first.close();
    const polled = polls(gw, id);
    await expect.poll(() => polls(gw, id)).toBeGreaterThan(polled + 1); // still polling for the second
    expect(gw.live.watching).toBe(1);
    second.close();
    await expect.poll(() => gw.live.watching).toBe(0);
    gw.demo.clearRequests();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(gw.upstreamPaths()).toEqual([]);
  });

  it('refuses a new watcher past SUBSCRIPTION_MAX_WATCHERS, but lets subscribers join an existing one', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off', maxWatchers: 1, pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const id = jobIn(gw, 'running');
    await track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } })).next();
    const [refused] = await drain(track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id: jobIn(gw, 'waiting') } })));
    expect(refused).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 1 } })] });
    expect(await track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id } })).next()).toEqual({ data: { workflowJobUpdated: { id, status: 'RUNNING' } } });
  });

  it('counts one credential once however its Authorization is spelled, and holds it to its share of watchers', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off', maxWatchersPerCredential: 1, pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const id = jobIn(gw, 'running');
    const token = ADMIN.split(' ')[1]!;
    for (const spelling of [ADMIN, `bearer ${token}`, `BEARER  ${token}`, ` Bearer ${token} `]) {
      expect(await track(sseSubscribe(gw.url, STATUS_ONLY, { auth: spelling, variables: { id } })).next()).toEqual({ data: { workflowJobUpdated: { id, status: 'RUNNING' } } });
    }
    expect(gw.live.watching).toBe(1); // one watcher: the four spellings are one credential
    const [refused] = await drain(track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: `bearer ${token}`, variables: { id: jobIn(gw, 'waiting') } })));
    expect(refused).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 1, scope: 'credential' } })] });
    // Another user still gets a watcher of their own.
    const visible = await gw.gql('{ workflowJobs(first: 1, filter: { status: [RUNNING] }) { nodes { id } } }', {}, ALICE);
    const alices = visible.body.data!.workflowJobs.nodes[0].id as string;
    expect(await track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ALICE, variables: { id: alices } })).next()).toMatchObject({ data: { workflowJobUpdated: { status: 'RUNNING' } } });
    expect(gw.live.watching).toBe(2);
  });

  it('ends every open subscription when the gateway stops (SIGTERM), and refuses new ones', async () => {
    const gw = await gateway({ subscriptions: { websocket: 'off', pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const id = jobIn(gw, 'running');
    const sse = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    const ws = track(wsSubscribe(gw.wsUrl, STATUS_ONLY, { auth: ADMIN, variables: { id } }));
    await Promise.all([sse.next(), ws.next()]);
    gw.live.endAll();
    expect(await sse.next()).toBeUndefined();
    expect(await ws.next()).toBeUndefined();
    const [late] = await drain(track(sseSubscribe(gw.url, STATUS_ONLY, { auth: ADMIN, variables: { id } })));
    expect(late!.errors?.[0]?.extensions?.code).toBe('SHUTTING_DOWN');
  });

  it('runs queries over graphql-ws with the credential of the connection', async () => {
    const gw = await gateway({});
    const query = '{ workflowJob(id: 1) { id status } }';
    expect(await drain(track(wsSubscribe(gw.wsUrl, query, { auth: ADMIN })))).toEqual([{ data: { workflowJob: { id: '1', status: 'SUCCESSFUL' } } }]);
    // Job 1 belongs to Operations: Alice (Engineering) may not see it.
    expect(await drain(track(wsSubscribe(gw.wsUrl, query, { auth: ALICE })))).toEqual([{ data: { workflowJob: null } }]);
    // Each operation gets the log line an HTTP request gets: its request id, duration and AWX calls.
    await expect.poll(() => gw.logs.filter((line) => line.includes('"graphql-ws operation"')).length).toBe(2);
    const line = JSON.parse(gw.logs.find((l) => l.includes('"graphql-ws operation"'))!);
    expect(line).toMatchObject({ transport: 'graphql-ws', upstreamCalls: 1, requestId: expect.any(String), durationMs: expect.any(Number) });
    expect(gw.logs.join('')).not.toContain(ADMIN.slice('Bearer '.length));
  });

  it('runs a socket\'s operations with its upgrade\'s Authorization and request id when connectionParams carry none', async () => {
    const gw = await gateway({});
    const query = '{ workflowJob(id: 1) { id status } }';
    const viaUpgrade = (auth: string, requestId: string) => {
      const client = createClient({
        url: gw.wsUrl, retryAttempts: 0,
        webSocketImpl: class extends WebSocket {
          constructor(url: string, protocols: string[]) {
            super(url, protocols, { headers: { authorization: auth, 'x-request-id': requestId } });
          }
        },
      });
      return new Promise((resolve, reject) => client.subscribe({ query }, { next: resolve, error: reject, complete: () => {} })).finally(() => client.dispose());
    };
    expect(await viaUpgrade(ADMIN, 'ws-admin')).toEqual({ data: { workflowJob: { id: '1', status: 'SUCCESSFUL' } } });
    // Job 1 belongs to Operations: Alice (Engineering) may not see it.
    expect(await viaUpgrade(ALICE, 'ws-alice')).toEqual({ data: { workflowJob: null } });
    const sent = (requestId: string) => gw.demo.requests.filter((r) => r.pathname === '/api/v2/workflow_jobs/1/' && r.headers['x-request-id'] === requestId);
    expect([sent('ws-admin').map((r) => r.headers.authorization), sent('ws-alice').map((r) => r.headers.authorization)]).toEqual([[ADMIN], [ALICE]]);
  });

  it('refuses a WebSocket opened by a page of another site, as it refuses its HTTP requests', async () => {
    const gw = await gateway({ allowedOrigins: ['https://dashboard.example.com'] });
    const status = (origin: string) => new Promise<number>((resolve) => {
      const socket = new WebSocket(gw.wsUrl, 'graphql-transport-ws', { headers: { origin } });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => (socket.close(), resolve(101)));
    });
    expect(await status('https://evil.example.com')).toBe(403);
    expect(await status('https://dashboard.example.com')).toBe(101);
  });
});

describe('watch internals', () => {
  it('backs polling off by doubling up to the maximum, and starts over after a change', () => {
    const intervals: number[] = [];
    let last = 2_000;
    for (const changed of [false, false, false, false, false, true, false]) intervals.push((last = nextInterval(last, changed, 2_000, 30_000)));
    expect(intervals).toEqual([4_000, 8_000, 16_000, 30_000, 30_000, 2_000, 4_000]);
  });

  it('finds AWX\'s websocket under the base URL, path prefix kept', () => {
    const awx = layoutFor('/api/', 'discovered');
    const aap = layoutFor('/api/controller/', 'discovered');
    expect(String(websocketUrl(new URL('https://awx.example.com/controller/'), awx))).toBe('wss://awx.example.com/controller/websocket/');
    expect(String(websocketUrl(new URL('http://127.0.0.1:8052'), awx))).toBe('ws://127.0.0.1:8052/websocket/');
    // AAP 2.5+: the controller's websocket sits under its API prefix (awx/main/routing.py).
    expect(String(websocketUrl(new URL('https://aap.example.com'), aap))).toBe('wss://aap.example.com/api/controller/v2/websocket/');
  });

  it('tells a subscriber each state of the job once, never a stale one a replica publishes late', () => {
    const told: string[] = [];
    const watcher = new JobWatcher(() => {});
    watcher.add({ push: (event) => void ('snapshot' in event && told.push(String(event.snapshot.job.status))), end: () => {} });
    const reading = (status: string) => ({ snapshot: { job: { id: 1, status } as never, nodes: [] } });
    expect(['pending', 'running', 'pending', 'running', 'successful'].map((status) => watcher.report(reading(status))))
      .toEqual([true, true, false, false, true]);
    expect(told).toEqual(['pending', 'running', 'successful']);
  });

  it('gives a reader that fell behind the newest reading, and ends the stream with an error', async () => {
    let left = 0;
    const feed = new Feed(() => left++);
    const reading = (status: string): LiveEvent => ({ snapshot: { job: { id: 1, status } as never, nodes: [] } });
    feed.push(reading('pending'));
    feed.push(reading('running'));
    const failure = new Error('gone');
    feed.push({ error: failure });
    feed.push(reading('successful'));
    feed.end();
    expect(await feed.next()).toEqual({ value: reading('running'), done: false });
    expect(await feed.next()).toEqual({ value: { error: failure }, done: false });
    expect(await feed.next()).toEqual({ value: undefined, done: true });
    await feed.return();
    await feed.return();
    expect(left).toBe(1);
  });
});
