/** Subscriptions shared by gateway replicas through a real Redis (REDIS_URL, else a private redis-server). */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, startTestGateway, type GqlResponse, type TestGateway } from './gateway.js';
import { advanceVisibly, sseSubscribe, wsSubscribe, type ResultStream } from './live-clients.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

const QUERY = 'subscription ($id: ID!) { workflowJobUpdated(id: $id) { id status } }';
const TERMINAL = ['SUCCESSFUL', 'FAILED', 'ERROR', 'CANCELED'];
/** Every key and channel of this run starts with it, so runs never meet and cleanup is exact. */
const PREFIX = `awx-graphql-test:${randomUUID()}:`;
const LOCK_TTL_MS = 600;

let redis: TestRedis;
let admin: Redis;
const gateways: TestGateway[] = [];
const streams: ResultStream[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await admin.connect();
});
afterEach(async () => {
  streams.splice(0).forEach((stream) => stream.close());
  for (const gw of gateways.splice(0).reverse()) await gw.close();
});
afterAll(async () => {
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
  await redis.stop();
});

/** Two replicas on one Redis, in front of one demo AWX. */
async function replicas(): Promise<[TestGateway, TestGateway]> {
  const subscriptions = { websocket: 'off' as const, pollMs: 40, pollMaxMs: 160, redisUrl: redis.url, redisPrefix: PREFIX, lockTtlMs: LOCK_TTL_MS };
  const one = await startTestGateway({ subscriptions });
  gateways.push(one);
  const two = await startTestGateway({ subscriptions, sharedDemo: one.demo });
  gateways.push(two);
  return [one, two];
}

function track(stream: ResultStream): ResultStream {
  streams.push(stream);
  return stream;
}

/** The watchers that read this job from AWX: each sends its own request id (the test's own reads send none). */
function readers(gw: TestGateway, id: string): Set<string> {
  const ids = gw.demo.requests.filter((r) => r.pathname === `/api/v2/workflow_jobs/${id}/`).map((r) => String(r.headers['x-request-id']));
  return new Set(ids.filter((requestId) => requestId.startsWith('watch-')));
}

const statusOf = (result: GqlResponse['body'] | undefined): string | undefined => result?.data?.workflowJobUpdated.status;

describe('subscriptions across replicas (REDIS_URL)', () => {
  it('lets one replica watch AWX and publishes each change to the other', async () => {
    const [one, two] = await replicas();
    const id = String(one.demo.data.collections.workflow_jobs.find((job) => job.status === 'pending')!.id);
    const first = track(sseSubscribe(one.url, QUERY, { auth: ADMIN, variables: { id } }));
    expect(statusOf(await first.next())).toBe('PENDING');
    const second = track(wsSubscribe(two.wsUrl, QUERY, { auth: ADMIN, variables: { id } }));
    expect(statusOf(await second.next())).toBe('PENDING');
    const seen: string[] = ['PENDING'];
    for (let status = 'PENDING'; !TERMINAL.includes(status);) {
      await advanceVisibly(one.demo, id);
      status = statusOf(await first.next())!;
      expect(statusOf(await second.next())).toBe(status);
      seen.push(status);
    }
    expect(seen.at(-1)).toBe('SUCCESSFUL');
    expect(await first.next()).toBeUndefined();
    expect(await second.next()).toBeUndefined();
    expect(readers(one, id).size).toBe(1);
    expect([one.live.watching, two.live.watching]).toEqual([0, 0]);
  });

  it('hands the watch to the other replica when the watching one\'s subscribers leave', async () => {
    const [one, two] = await replicas();
    const id = String(one.demo.data.collections.workflow_jobs.find((job) => job.status === 'running')!.id);
    const leader = track(sseSubscribe(one.url, QUERY, { auth: ADMIN, variables: { id } }));
    await leader.next();
    const follower = track(sseSubscribe(two.url, QUERY, { auth: ADMIN, variables: { id } }));
    await follower.next();
    const before = readers(one, id);
    expect(before.size).toBe(1);
    leader.close();
    await expect.poll(() => readers(one, id).size, { timeout: 5 * LOCK_TTL_MS }).toBe(2);
    await advanceVisibly(one.demo, id);
    expect(statusOf(await follower.next())).toEqual(expect.any(String));
    expect(one.live.watching).toBe(0);
  });

  it('never shares a watch between credentials', async () => {
    const [one, two] = await replicas();
    const visible = await one.gql('{ workflowJobs(first: 1, filter: { status: [RUNNING] }) { nodes { id } } }', {}, ALICE);
    const { id } = visible.body.data!.workflowJobs.nodes[0];
    await track(sseSubscribe(one.url, QUERY, { auth: ADMIN, variables: { id } })).next();
    await track(sseSubscribe(two.url, QUERY, { auth: ALICE, variables: { id } })).next();
    expect(readers(one, id).size).toBe(2);
    const channels = await admin.pubsub('CHANNELS', `${PREFIX}*`);
    expect(channels).toHaveLength(2);
    for (const channel of channels as string[]) expect(channel).not.toContain('demo-');
  });
});
