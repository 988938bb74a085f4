/**
 * A flaky AWX (30% of answers 500, 10% connection resets), the gateway against the same gateway with its breaker
 * off (a client with the same retries and no breaker): the share of single-job queries answered with their job.
 * Then AWX down until the breaker opens, healed, and how soon queries succeed again after the next probe. The demo
 * AWX runs in this process, so its faults can be switched; each gateway is a compiled child process.
 */
import { startDemoAwx, type DemoAwx } from '@awx-graphql/demo-awx';
import { AUTH, startGateway, stop, type Gateway } from './setup.js';

/** What the check saw. */
export interface PartialFailureReport {
  queries: number;
  answered: { gateway: number; noBreaker: number };
  breakerOpenedUnderFaults: boolean;
  recovery: { healToFirstSuccessMs: number; probeToFirstSuccessMs: number; failuresAfterProbe: number; cooldownMs: number };
}

const COOLDOWN_MS = 10_000; // the default AWX_BREAKER_COOLDOWN_MS

async function ask(gateway: Gateway, id: number): Promise<boolean> {
  const response = await fetch(gateway.url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body: JSON.stringify({ query: `{ workflowJob(id: ${id}) { id name } }` }),
  });
  const body = (await response.json()) as { data?: { workflowJob?: { id?: string } } };
  return body.data?.workflowJob?.id === String(id);
}

/** The share of `count` single-job queries (8 at a time) answered with their job. */
async function share(gateway: Gateway, count: number): Promise<number> {
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < count) if (await ask(gateway, 1 + (next++ % 200))) answered++;
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answered / count;
}

/** The breaker's state as /metrics reports it (reading it moves an open breaker past its cool-down to half-open). */
async function breakerState(gateway: Gateway): Promise<string> {
  const text = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
  return /awx_graphql_circuit_breaker_state\{state="(\w+)"\} 1/.exec(text)?.[1] ?? 'unknown';
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** AWX down until the breaker opens, then healed: when do queries, sent every 100 ms, succeed again? */
async function recovery(demo: DemoAwx, gateway: Gateway): Promise<PartialFailureReport['recovery']> {
  demo.clearFaults();
  demo.addFault({ fault: { type: 'reset' } });
  await until(async () => (await ask(gateway, 1), (await breakerState(gateway)) === 'open'), 30_000);
  demo.clearFaults();
  const healed = performance.now();
  let probeAt = 0;
  const poller = setInterval(() => void breakerState(gateway).then((state) => (probeAt ||= state !== 'open' ? performance.now() : 0)), 50);
  const results: { at: number; ok: boolean }[] = [];
  while (!results.some((r) => r.ok) || results.filter((r) => r.ok).length < 10) {
    const at = performance.now();
    results.push({ at, ok: await ask(gateway, 2) });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  clearInterval(poller);
  const first = results.find((r) => r.ok)!.at;
  return {
    healToFirstSuccessMs: first - healed,
    probeToFirstSuccessMs: Math.max(0, first - (probeAt || first)),
    failuresAfterProbe: results.filter((r) => !r.ok && r.at >= (probeAt || first)).length,
    cooldownMs: COOLDOWN_MS,
  };
}

/** Runs the check: 400 queries through each gateway, then the recovery. */
export async function partialFailureCheck(queries = 400): Promise<PartialFailureReport> {
  const demo = await startDemoAwx({ latencyMs: 5, maxRecordedRequests: 1_000 });
  const [gateway, plain] = await Promise.all([startGateway(demo.url), startGateway(demo.url, { AWX_BREAKER_FAILURES: '0' })]);
  try {
    demo.addFault({ fault: { type: 'status', status: 500, body: { detail: 'Internal error' } }, probability: 0.3 });
    demo.addFault({ fault: { type: 'reset' }, probability: 0.1 / 0.7 });
    const answered = { gateway: await share(gateway, queries), noBreaker: await share(plain, queries) };
    const opened = gateway.child.output().includes('AWX circuit breaker open');
    return { queries, answered, breakerOpenedUnderFaults: opened, recovery: await recovery(demo, gateway) };
  } finally {
    stop(gateway.child, plain.child);
    await demo.close();
  }
}
