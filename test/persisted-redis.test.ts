/** The APQ store shared through Redis (REDIS_URL, else a private redis-server): replicas, its budget, failing open. */
import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersistedConfig } from '../src/persisted/index.js';
import { postGraphql, startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
const NOT_FOUND = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };

let redis: TestRedis;
let admin: Redis;
/** Every key of this run starts with it, so runs never see each other's entries and cleanup is exact. */
const PREFIX = `awx-graphql-test:${randomUUID()}:`;

beforeAll(async () => {
  redis = await startTestRedis();
  admin = new Redis(redis.url, { maxRetriesPerRequest: 0 });
});
afterAll(async () => {
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
  await redis.stop();
});

/** A gateway whose APQ store is on this run's Redis under `prefix`, once its client is connected. */
async function start(prefix: string, persisted: Partial<PersistedConfig> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const gw = await startTestGateway({ ...options, persisted: { redisUrl: redis.url, redisPrefix: prefix, ...persisted } });
  const client = gw.persisted.store!.client!;
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return gw;
}

describe('APQ shared by replicas through Redis', () => {
  it('finds on the second replica a query registered on the first', async () => {
    const prefix = `${PREFIX}replicas:`;
    const one = await start(prefix);
    const two = await start(prefix, {}, { sharedDemo: one.demo });
    try {
      const query = '{ workflowJob(id: 3) { id status } }';
      expect((await postGraphql(two.url, { extensions: apq(query) })).body).toEqual(NOT_FOUND);
      const registered = await postGraphql(one.url, { query, extensions: apq(query) });
      expect(registered.body).toEqual({ data: { workflowJob: { id: '3', status: 'CANCELED' } } });
      expect(await admin.get(`${prefix}apq:${sha256(query)}`)).toBe(query);
      expect(await admin.pttl(`${prefix}apq:${sha256(query)}`)).toBeGreaterThan(86_000_000);
      one.demo.clearRequests();
      const found = await postGraphql(two.url, { extensions: apq(query) });
      expect(found.body).toEqual(registered.body);
      expect(one.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/3/']);
    } finally {
      await two.close();
      await one.close();
    }
  });

  it('takes at most APQ_MAX_ENTRIES new queries per APQ_TTL_MS into Redis; one over budget stays in its replica\'s memory', async () => {
    const prefix = `${PREFIX}budget:`;
    const one = await start(prefix, { apqMaxEntries: 2 });
    const two = await start(prefix, { apqMaxEntries: 2 }, { sharedDemo: one.demo });
    try {
      const queries = [3, 4, 5].map((id) => `{ workflowJob(id: ${id}) { id } }`);
      for (const query of queries) expect((await postGraphql(one.url, { query, extensions: apq(query) })).body.data).toBeTruthy();
      // Registering a known query again costs no budget.
      await postGraphql(one.url, { query: queries[0], extensions: apq(queries[0]!) });
      expect(await admin.get(`${prefix}apq:budget`)).toBe('3');
      const shared = await Promise.all(queries.map(async (query) => (await postGraphql(two.url, { extensions: apq(query) })).body.errors === undefined));
      expect(shared).toEqual([true, true, false]);
      expect((await postGraphql(one.url, { extensions: apq(queries[2]!) })).body.data).toEqual({ workflowJob: { id: '5' } });
      expect(one.logs.some((line) => line.includes('the Redis budget for new queries is spent'))).toBe(true);
    } finally {
      await two.close();
      await one.close();
    }
  });

  it('fails open when Redis is down: a hash is not found, a registration runs and is kept in memory, a warning is logged', async () => {
    const gw = await startTestGateway({ persisted: { redisUrl: 'redis://127.0.0.1:1', commandTimeoutMs: 100 } });
    try {
      const query = '{ workflowJob(id: 3) { id } }';
      expect((await postGraphql(gw.url, { extensions: apq(query) })).body).toEqual(NOT_FOUND);
      expect((await postGraphql(gw.url, { query, extensions: apq(query) })).body).toEqual({ data: { workflowJob: { id: '3' } } });
      expect((await postGraphql(gw.url, { extensions: apq(query) })).body).toEqual({ data: { workflowJob: { id: '3' } } });
      const warnings = gw.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === "APQ store: Redis unavailable, using this replica's memory");
      expect(warnings.length).toBeGreaterThan(0);
    } finally {
      await gw.close();
    }
  });
});
