/** Many watched jobs: one AWX websocket per credential, one read per change, polls batched per credential. */
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, type RecordedRequest } from '@awx-graphql/demo-awx';
import { READ_ONLY } from './demo-auth.js';
import { ADMIN, AWX_WEBSOCKET_PATH, type TestGateway } from './gateway.js';
import { launchJobs, sseSubscribe, useLiveTests, wsSubscribe, type ResultStream } from './live-clients.js';

const STATUS_ONLY = 'subscription ($id: ID!) { workflowJobUpdated(id: $id) { id status } }';
const BASIC = `Basic ${Buffer.from(`admin:${DEMO_CREDENTIALS.admin.password}`).toString('base64')}`;
/** Three credentials of the superuser: AWX shows each the same jobs, and the gateway keeps each apart. */
const CREDENTIALS = [ADMIN, READ_ONLY, BASIC];
/** No poll happens within a test with this interval. */
const NEVER_MS = 600_000;

const { gateway, track } = useLiveTests({ logLevel: 'debug' });

/** `perPair` subscribers of each job with each credential, alternating SSE and graphql-ws; resolves once each saw its first event. */
async function subscribeAll(gw: TestGateway, ids: string[], perPair: number): Promise<Map<string, ResultStream[]>> {
  const byPair = new Map<string, ResultStream[]>();
  let n = 0;
  for (const id of ids) {
    for (const auth of CREDENTIALS) {
      const pair = Array.from({ length: perPair }, () => {
        const subscribe = n++ % 2 === 0 ? sseSubscribe.bind(null, gw.url) : wsSubscribe.bind(null, gw.wsUrl);
        return track(subscribe(STATUS_ONLY, { auth, variables: { id } }));
      });
      byPair.set(`${auth} ${id}`, pair);
    }
  }
  const firsts = await Promise.all([...byPair.values()].flat().map((stream) => stream.next()));
  for (const first of firsts) expect(first?.data?.workflowJobUpdated.status).toEqual(expect.any(String));
  return byPair;
}

const handshakes = (gw: TestGateway) => gw.demo.requests.filter((r) => r.rawPath === AWX_WEBSOCKET_PATH);
const detailReads = (gw: TestGateway, id: string) => gw.demo.requests.filter((r) => r.pathname === `/api/v2/workflow_jobs/${id}/`);
const listReads = (gw: TestGateway) => gw.demo.requests.filter((r) => r.pathname === '/api/v2/workflow_jobs/');
const nodeReads = (gw: TestGateway) => gw.demo.requests.filter((r) => r.pathname === '/api/v2/workflow_job_nodes/');
const idsOf = (request: RecordedRequest, filter: string) => (request.query.get(filter) ?? '').split(',').sort();
const logged = (gw: TestGateway, text: string) => gw.logs.filter((line) => line.includes(text)).length;

describe('watching many jobs through AWX\'s websocket', () => {
  it('holds one AWX websocket per credential, and reads a changed job once per credential however many subscribe', async () => {
    const gw = await gateway({ subscriptions: { pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const running = await launchJobs(gw.demo, 9);
    const [waiting] = await launchJobs(gw.demo, 1, 'waiting');
    const ids = [...running, waiting!];
    // One subscriber per credential first, so that every credential's websocket is ready (and has checked its
    // job once, one list call and one node call) before the others come: they need no check of their own.
    await subscribeAll(gw, ids.slice(0, 1), 1);
    await expect.poll(() => logged(gw, 'watching jobs through AWX websocket')).toBe(3);
    await expect.poll(() => nodeReads(gw).length).toBe(6);
    const subscribers = await subscribeAll(gw, ids, 2); // 60 more subscribers, 30 watchers in all
    expect(gw.live.watching).toBe(30);
    expect(gw.live.awxSockets).toBe(3);
    expect(handshakes(gw).map((r) => r.authorization).sort()).toEqual([...CREDENTIALS].sort());
    gw.demo.clearRequests();

    expect(gw.demo.advanceJob(Number(waiting))).toBe('running'); // one status change, one AWX event
    for (const auth of CREDENTIALS) {
      for (const stream of subscribers.get(`${auth} ${waiting}`)!) expect((await stream.next())?.data?.workflowJobUpdated.status).toBe('RUNNING');
    }
    // Six subscribers, three credentials: three reads of the job (its detail, then its nodes), one per credential.
    const details = detailReads(gw, waiting!);
    expect(details.map((r) => r.authorization).sort()).toEqual([...CREDENTIALS].sort());
    expect(new Set(details.map((r) => r.headers['x-request-id'])).size).toBe(3);
    await expect.poll(() => nodeReads(gw).length).toBe(3);
    expect(gw.upstreamPaths().sort()).toEqual([
      ...Array(3).fill(`/api/v2/workflow_job_nodes/?workflow_job__in=${waiting}&order_by=id&page=1&page_size=200`),
      ...Array(3).fill(`/api/v2/workflow_jobs/${waiting}/`),
    ].sort());
    expect(gw.live.awxSockets).toBe(3);
  });

  it('closes a credential\'s AWX websocket when its last subscriber leaves, and opens a new one for the next', async () => {
    const gw = await gateway({ subscriptions: { pollMs: NEVER_MS, pollMaxMs: NEVER_MS } });
    const ids = await launchJobs(gw.demo, 2);
    const subscribers = await subscribeAll(gw, ids, 1);
    await expect.poll(() => gw.live.awxSockets).toBe(3);
    for (const id of ids) subscribers.get(`${READ_ONLY} ${id}`)!.forEach((stream) => stream.close());
    await expect.poll(() => gw.live.watching).toBe(4);
    await expect.poll(() => gw.live.awxSockets).toBe(2);
    for (const id of ids) subscribers.get(`${ADMIN} ${id}`)![0]!.close();
    await expect.poll(() => gw.live.awxSockets).toBe(1);
    gw.demo.clearRequests();
    const again = track(sseSubscribe(gw.url, STATUS_ONLY, { auth: READ_ONLY, variables: { id: ids[0] } }));
    await again.next();
    await expect.poll(() => gw.live.awxSockets).toBe(2);
    await expect.poll(() => handshakes(gw).map((r) => r.authorization)).toEqual([READ_ONLY]);
  });

  it('reconnects a dropped AWX websocket one SUBSCRIPTION_POLL_MAX_MS later, polling meanwhile', async () => {
    const gw = await gateway({ subscriptions: { pollMs: 50, pollMaxMs: 400 } });
    const ids = await launchJobs(gw.demo, 3);
    await subscribeAll(gw, ids, 1);
    await expect.poll(() => logged(gw, 'watching jobs through AWX websocket')).toBe(3);
    gw.demo.clearRequests();
    gw.demo.disconnectWebsockets();
    await expect.poll(() => logged(gw, 'AWX websocket lost: polling the watched jobs')).toBe(3);
    await expect.poll(() => logged(gw, 'watching jobs through AWX websocket')).toBe(6);
    expect(handshakes(gw)).toHaveLength(3);
    // Between the drop and the new socket, each credential polled its jobs.
    const firstHandshake = gw.demo.requests.indexOf(handshakes(gw)[0]!);
    const polledBefore = listReads(gw).filter((r) => gw.demo.requests.indexOf(r) < firstHandshake).map((r) => r.authorization);
    expect(new Set(polledBefore)).toEqual(new Set(CREDENTIALS));
  });
});

describe('watching many jobs by polling (no AWX websocket)', () => {
  it('polls each credential\'s jobs with one id__in list call per round, and reads only the job that changed', async () => {
    const gw = await gateway({ demo: { websocket: false }, subscriptions: { pollMs: 1_000, pollMaxMs: 1_000 } });
    const running = await launchJobs(gw.demo, 11);
    const [waiting] = await launchJobs(gw.demo, 1, 'waiting');
    const ids = [...running, waiting!].sort();
    await subscribeAll(gw, ids, 1);
    // AWX refused the websocket: tried once per credential (again only for a job joining a poll interval later).
    await expect.poll(() => new Set(handshakes(gw).map((r) => r.authorization)).size).toBe(3);
    expect(handshakes(gw).length).toBeLessThan(ids.length);
    // Jobs whose first read ended on either side of a round boundary poll together from their first poll on.
    const complete = () => new Set(listReads(gw).filter((r) => idsOf(r, 'id__in').join() === ids.join()).map((r) => r.authorization)).size;
    await expect.poll(complete, { timeout: 30_000 }).toBe(3);
    gw.demo.clearRequests();
    await expect.poll(() => listReads(gw).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    // Every poll of a credential named all twelve jobs: one call per credential per round, no read per job.
    const lists = listReads(gw);
    for (const list of lists) expect([idsOf(list, 'id__in'), list.query.get('page_size')]).toEqual([ids, '200']);
    for (const auth of CREDENTIALS) expect(lists.filter((r) => r.authorization === auth).length).toBeGreaterThanOrEqual(1);
    expect(ids.flatMap((id) => detailReads(gw, id))).toEqual([]);

    gw.demo.advanceJob(Number(waiting));
    await expect.poll(() => detailReads(gw, waiting!).length, { timeout: 30_000 }).toBe(3);
    expect(detailReads(gw, waiting!).map((r) => r.authorization).sort()).toEqual([...CREDENTIALS].sort());
    expect(handshakes(gw)).toHaveLength(0);
  });
});
