/** The shared cache on a real Redis (CACHE=redis; REDIS_URL, else a private redis-server): the shared suite, replicas, failing open. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DEFAULTS, type CacheConfig } from '../src/cache/index.js';
import type { RedisBackend } from '../src/cache/redis.js';
import { cacheSuite } from './cache-suite.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

let REDIS_URL = '';
let redis: TestRedis;
/** Every key of this run starts with it, so runs never see each other's entries and cleanup is exact. */
const PREFIX = `awx-graphql-test:${randomUUID()}:`;
let admin: Redis;

beforeAll(async () => {
  redis = await startTestRedis();
  REDIS_URL = redis.url;
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  try {
    await admin.connect();
    await admin.ping();
  } catch (error) {
    throw new Error(`These tests need a Redis at ${REDIS_URL} (set REDIS_URL, or install redis-server): ${(error as Error).message}`);
  }
});
afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 1_000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  admin.disconnect();
  await redis.stop();
});

let run = 0;
/** A gateway on this run's Redis, once its client is connected (before that every read is a miss). */
async function start(cache: Partial<CacheConfig> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const gw = await startTestGateway({ ...options, cache: { ...CACHE_DEFAULTS, mode: 'redis', redisUrl: REDIS_URL, redisPrefix: `${PREFIX}${run}:`, ...cache } });
  const { client } = gw.cache!.backend as RedisBackend;
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return gw;
}

// Each test of the suite gets its own prefix: same demo data, no entries left by the test before.
cacheSuite('redis', (cache, options) => start(cache, options).finally(() => run++));

describe('redis cache across replicas', () => {
  it('serves the second replica\'s first query from what the first replica stored', async () => {
    const prefix = `${PREFIX}replicas:`;
    const one = await start({ redisPrefix: prefix });
    const two = await start({ redisPrefix: prefix }, { sharedDemo: one.demo });
    try {
      const query = '{ workflowJob(id: 3) { id status related { workflowNodes { nodes { id } } } } }';
      const first = await one.gql(query);
      expect(one.upstreamPaths()).toHaveLength(2);
      one.demo.clearRequests();
      const second = await two.gql(query);
      expect(second.body).toEqual(first.body);
      // Served from Redis: the only AWX request left checks that the caller's credentials are still good.
      expect(two.upstreamPaths()).toEqual(['/api/v2/me/']);
    } finally {
      await two.close();
      await one.close();
    }
  });

  it('fails open when Redis is down: queries still answer, with a warning logged', async () => {
    const gw = await startTestGateway({ cache: { ...CACHE_DEFAULTS, mode: 'redis', redisUrl: 'redis://127.0.0.1:1', commandTimeoutMs: 100 } });
    try {
      for (let i = 0; i < 2; i++) {
        const { body } = await gw.gql('{ workflowJob(id: 3) { id status } }');
        expect(body).toEqual({ data: { workflowJob: { id: '3', status: 'CANCELED' } } });
      }
      expect(gw.upstreamPaths()).toEqual(['/api/v2/workflow_jobs/3/', '/api/v2/workflow_jobs/3/']);
      const warnings = gw.logs.map((line) => JSON.parse(line)).filter((line) => line.msg === 'cache unavailable, reading AWX instead');
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings[0].level).toBe(40);
    } finally {
      await gw.close();
    }
  });
});
