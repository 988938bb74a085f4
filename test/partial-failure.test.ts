/**
 * A flaky AWX stays a partial failure: with 30% of AWX's answers 500 and 10% connection resets, the gateway
 * answers about as many queries as a client with the same retries and no breaker; the breaker opens only when
 * most calls fail, the first queries after AWX heals succeed (those arriving during the probe wait for it), and
 * one query's AWX calls share one deadline (OPERATION_TIMEOUT_MS), however many loader rounds it takes.
 */
import { describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway.js';

const ONE = (id: number) => `{ workflowJob(id: ${id}) { id name } }`;

/** Adds 30% 500s and 10% resets on every AWX call (seeded: each run draws the same faults). */
function flaky(gw: TestGateway): void {
  gw.demo.addFault({ fault: { type: 'status', status: 500 }, probability: 0.3 });
  gw.demo.addFault({ fault: { type: 'reset' }, probability: 0.1 / 0.7 });
}

/** Sends `count` single-job queries, eight at a time; the share answered with their job. */
async function shareAnswered(gw: TestGateway, count: number): Promise<number> {
  let answered = 0;
  const ids = Array.from({ length: count }, (_, i) => 1 + (i % 40));
  const worker = async () => {
    for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
      const { body } = await gw.gql(ONE(id));
      if ((body.data as { workflowJob?: { id: string } } | undefined)?.workflowJob?.id === String(id)) answered++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answered / count;
}

describe('partial AWX failure', () => {
  it('answers within 10 points of a client with the same retries and no breaker, and the breaker stays closed', async () => {
    const [gw, plain] = await Promise.all([startTestGateway(), startTestGateway({ resilience: { breakerFailures: 0 } })]);
    try {
      const states: string[] = [];
      gw.transport.breaker.onStateChange((state) => states.push(state));
      flaky(gw);
      flaky(plain);
      const [withBreaker, withoutBreaker] = [await shareAnswered(gw, 200), await shareAnswered(plain, 200)];
      console.log(`30% 500s + 10% resets: ${(withBreaker * 100).toFixed(1)}% answered, ${(withoutBreaker * 100).toFixed(1)}% without a breaker`);
      expect(withBreaker).toBeGreaterThanOrEqual(withoutBreaker - 0.1);
      expect(withBreaker).toBeGreaterThan(0.75); // a 500 retried once and resets twice: most reads get through
      expect(states).toEqual([]);
    } finally {
      await Promise.all([gw.close(), plain.close()]);
    }
  });

  it('opens when AWX is down, and serves every query arriving once the probe finds AWX healed', async () => {
    const gw = await startTestGateway({ resilience: { breakerCooldownMs: 300 } });
    try {
      gw.demo.addFault({ fault: { type: 'reset' } });
      for (let i = 0; i < 5; i++) expect((await gw.gql(ONE(1))).body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(gw.transport.breaker.state).toBe('open');
      gw.demo.clearFaults();
      gw.demo.setLatency(200); // the probe takes a while: the queries behind it wait instead of failing fast
      await expect.poll(() => gw.transport.breaker.state).toBe('half-open');
      const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => gw.gql(ONE(id))));
      expect(answers.map((a) => a.body.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(gw.transport.breaker.state).toBe('closed');
      const changes = gw.logs.filter((line) => line.includes('AWX circuit breaker')).map((line) => JSON.parse(line).msg);
      expect(changes).toEqual(['AWX circuit breaker open', 'AWX circuit breaker half-open', 'AWX circuit breaker closed']);
    } finally {
      await gw.close();
    }
  });
});

describe('one deadline per operation', () => {
  it('gives a later loader round only what is left of OPERATION_TIMEOUT_MS, not a fresh AWX timeout', async () => {
    const gw = await startTestGateway({ timeoutMs: 5_000, operationTimeoutMs: 1_500 });
    try {
      // round 1 (the job) answers slowly; round 2 (its creator's e-mail, from /users/) never answers
      gw.demo.addFault({ fault: { type: 'slow', ms: 500 }, match: (r) => r.pathname.endsWith('/workflow_jobs/1/') });
      gw.demo.addFault({ fault: { type: 'hang' }, match: (r) => r.pathname.endsWith('/users/') });
      const { body } = await gw.gql('{ workflowJob(id: 1) { id related { createdBy { email } } } }');
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('OPERATION_TIMEOUT_MS'),
        extensions: { code: 'UPSTREAM_TIMEOUT' },
      });
      expect(gw.demo.requests.map((r) => r.pathname)).toEqual(['/api/v2/workflow_jobs/1/', '/api/v2/users/']);
      expect(gw.transport.breaker.state).toBe('closed'); // a call cut short by the budget says nothing of AWX
    } finally {
      await gw.close();
    }
  });
});
