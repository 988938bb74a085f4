/** The cache behaviours every backend must show, run by test/cache.test.ts (memory) and test/cache-redis.test.ts (Redis). */
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheConfig } from '../src/cache/index.js';
import { ADMIN, ALICE, type TestGateway, type TestGatewayOptions } from './gateway.js';

const DETAIL = (id: number) => `{ workflowJob(id: ${id}) { id status jobArgs } }`;
const NODES = '{ workflowJob(id: 3) { id related { workflowNodes { nodes { id identifier } } } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What a request answered wholly from the cache still asks AWX: whether the caller's credentials are still good. */
const ONLY_CREDENTIAL_CHECK = ['/api/v2/me/'];

/** Starts a gateway with this backend's cache settings (each call may return a fresh key prefix). */
export type CacheGatewayFactory = (cache?: Partial<CacheConfig>, options?: TestGatewayOptions) => Promise<TestGateway>;

/** Runs the shared suite; `start` must give every gateway of one test the same backend. */
export function cacheSuite(name: string, start: CacheGatewayFactory): void {
  const open: TestGateway[] = [];
  const gateway = async (cache?: Partial<CacheConfig>, options?: TestGatewayOptions) => {
    const gw = await start(cache, options);
    open.push(gw);
    return gw;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((gw) => gw.close()));
  });
  /** Runs a query and returns what it cost upstream. */
  const read = async (gw: TestGateway, query: string, auth: string | null = ADMIN) => {
    gw.demo.clearRequests();
    const { body } = await gw.gql(query, {}, auth);
    return { body, calls: gw.upstreamPaths() };
  };

  describe(`${name} cache`, () => {
    it('serves a finished job to its second request without calling AWX, and reads a running one every time', async () => {
      const gw = await gateway();
      const first = await read(gw, DETAIL(3));
      expect(first.calls).toEqual(['/api/v2/workflow_jobs/3/']);
      const second = await read(gw, DETAIL(3));
      expect(second.body).toEqual(first.body);
      expect(second.calls).toEqual(ONLY_CREDENTIAL_CHECK);
      expect((await read(gw, DETAIL(228))).calls).toEqual(['/api/v2/workflow_jobs/228/']);
      expect((await read(gw, DETAIL(228))).calls).toEqual(['/api/v2/workflow_jobs/228/']);
    });

    it('keeps a running job only CACHE_ACTIVE_TTL_MS', async () => {
      const gw = await gateway({ activeTtlMs: 300 });
      expect((await read(gw, DETAIL(228))).calls).toHaveLength(1);
      expect((await read(gw, DETAIL(228))).calls).toEqual(ONLY_CREDENTIAL_CHECK);
      await sleep(400);
      expect((await read(gw, DETAIL(228))).calls).toHaveLength(1);
    });

    it('never answers one credential from another credential\'s entries', async () => {
      const gw = await gateway();
      expect((await read(gw, DETAIL(1))).body.data?.workflowJob?.id).toBe('1');
      expect((await read(gw, DETAIL(1))).calls).toEqual(ONLY_CREDENTIAL_CHECK);
      const alice = await read(gw, DETAIL(1), ALICE);
      expect(alice.body.data?.workflowJob).toBeNull();
      expect(alice.calls).toEqual(['/api/v2/workflow_jobs/1/']);
      const job = '{ job(id: 249) { id status } }';
      expect((await read(gw, job)).calls).toHaveLength(1);
      expect((await read(gw, job, ALICE)).calls).toHaveLength(1);
    });

    it('caches no error, no 401 and no null', async () => {
      const gw = await gateway();
      // twice: the read and its one retry of a 500
      gw.demo.addFault({ fault: { type: 'status', status: 500 }, match: (r) => r.path === '/api/v2/workflow_jobs/5/', times: 2 });
      expect((await read(gw, DETAIL(5))).body.errors).toBeDefined();
      const retried = await read(gw, DETAIL(5));
      expect(retried.body.data?.workflowJob?.id).toBe('5');
      expect(retried.calls).toHaveLength(1);
      for (let i = 0; i < 2; i++) {
        const denied = await read(gw, DETAIL(3), 'Bearer not-a-token');
        expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(denied.calls).toHaveLength(1);
        const absent = await read(gw, DETAIL(99_999));
        expect(absent.body.data?.workflowJob).toBeNull();
        expect(absent.calls).toHaveLength(1);
      }
    });

    it('gives a revoked token 401, not its cached data, and serves a cached answer with a valid one', async () => {
      const gw = await gateway();
      const token = 'cache-test-revocable-token';
      gw.demo.data.tokens.push({ token, userId: 1, scope: 'write' });
      const first = await read(gw, DETAIL(3), `Bearer ${token}`);
      expect(first.body.data?.workflowJob?.id).toBe('3');
      const cached = await read(gw, DETAIL(3), `Bearer ${token}`);
      expect(cached.body).toEqual(first.body);
      expect(cached.calls).toEqual(ONLY_CREDENTIAL_CHECK);
      gw.demo.data.tokens.splice(gw.demo.data.tokens.findIndex((t) => t.token === token), 1);
      const revoked = await read(gw, DETAIL(3), `Bearer ${token}`);
      expect(revoked.body.data?.workflowJob ?? null).toBeNull();
      expect(revoked.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(revoked.body)).not.toContain('jobArgs":');
      expect(revoked.calls).toEqual(ONLY_CREDENTIAL_CHECK);
    });

    it('asks no credential check when the same request already reached AWX', async () => {
      const gw = await gateway();
      const page = '{ workflowJobs(first: 5, filter: { status: [SUCCESSFUL] }) { nodes { id related { workflowNodes { nodes { id } } } } } }';
      const first = await read(gw, page);
      expect(first.calls).toHaveLength(2);
      const second = await read(gw, page);
      expect(second.body).toEqual(first.body);
      // The list answered 2xx with these credentials, so the cached node lists need no /me/ check.
      expect(second.calls).toEqual([first.calls[0]]);
    });

    it('caches the node graph of a finished workflow job', async () => {
      const gw = await gateway();
      const first = await read(gw, NODES);
      expect(first.calls.filter((path) => path.startsWith('/api/v2/workflow_job_nodes/'))).toHaveLength(1);
      const second = await read(gw, NODES);
      expect(second.body).toEqual(first.body);
      expect(second.calls).toEqual(ONLY_CREDENTIAL_CHECK);
    });

    it('never lets a cached list row answer a detail read', async () => {
      const gw = await gateway();
      const entity = '{ _entities(representations: [{ __typename: "WorkflowJob", id: "3" }]) { ... on WorkflowJob { id name } } }';
      expect((await read(gw, entity)).calls).toHaveLength(1);
      expect((await read(gw, entity)).calls).toEqual(ONLY_CREDENTIAL_CHECK);
      expect((await read(gw, DETAIL(3))).calls).toEqual(['/api/v2/workflow_jobs/3/']);
    });

    it('evicts an object for every credential', async () => {
      const gw = await gateway();
      for (const auth of [ADMIN, ALICE]) await read(gw, DETAIL(3), auth);
      for (const auth of [ADMIN, ALICE]) expect((await read(gw, DETAIL(3), auth)).calls).toEqual(ONLY_CREDENTIAL_CHECK);
      await gw.cache!.evict('workflow_job_detail', 3);
      for (const auth of [ADMIN, ALICE]) expect((await read(gw, DETAIL(3), auth)).calls).toHaveLength(1);
      for (const auth of [ADMIN, ALICE]) expect((await read(gw, DETAIL(3), auth)).calls).toEqual(ONLY_CREDENTIAL_CHECK);
    });

    it('forgets entries after CACHE_TTL_MS', async () => {
      const gw = await gateway({ ttlMs: 200 });
      await read(gw, DETAIL(3));
      expect((await read(gw, DETAIL(3))).calls).toEqual(ONLY_CREDENTIAL_CHECK);
      await sleep(300);
      expect((await read(gw, DETAIL(3))).calls).toHaveLength(1);
    });

    it('counts hits and misses in /metrics', async () => {
      const gw = await gateway();
      await read(gw, DETAIL(3));
      await read(gw, DETAIL(3));
      await gw.cache!.evict('workflow_job_detail', 3);
      const text = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text();
      expect(text).toContain('awx_graphql_cache_requests_total{resource="workflow_job_detail",result="hit"} 1');
      expect(text).toContain('awx_graphql_cache_requests_total{resource="workflow_job_detail",result="miss"} 1');
      expect(text).toContain('awx_graphql_cache_evictions_total{reason="evict"} 1');
    });
  });
}
