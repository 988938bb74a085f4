/** Related-object scenarios: upstream requests and median latency, gateway against the naive baseline. */
import { dashboard, jobWithTemplateAndCreator, NaiveClient, nodeGraphs } from './naive.js';
import { AUTH, probe, runQuery, type Gateway } from './setup.js';

/** One related-object query, as GraphQL for the gateway and as the naive REST walk. */
export interface RelatedScenario {
  name: string;
  query: string;
  naive: (client: NaiveClient) => Promise<unknown>;
}

export const RELATED_SCENARIOS: RelatedScenario[] = [
  {
    name: 'job + template + creator',
    query: '{ workflowJob(id: 1) { related { workflowJobTemplate { id name } createdBy { username } } } }',
    naive: (client) => jobWithTemplateAndCreator(client, 1),
  },
  ...[10, 50, 100, 200].map((n) => ({
    name: `dashboard of ${n} jobs (creator email, template modified, inventory hosts)`,
    query: `{ workflowJobs(first: ${n}) { nodes { related { createdBy { email } workflowJobTemplate { modified } inventory { totalHosts } } } } }`,
    naive: (client: NaiveClient) => dashboard(client, n),
  })),
  {
    name: 'node graphs of 50 jobs',
    query: '{ workflowJobs(first: 50) { nodes { related { workflowNodes { nodes { identifier job { __typename status } successNodes { identifier } } } } } } }',
    naive: (client) => nodeGraphs(client, 50),
  },
];

/** Median of the timings of `runs` sequential runs of `task`, in ms. */
export async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** One table row per related-object scenario: upstream requests and median latency, gateway and naive. */
export async function relatedRows(gateway: Gateway, awxUrl: string, runs: number): Promise<string[]> {
  const rows: string[] = [];
  for (const scenario of RELATED_SCENARIOS) {
    const calls = await probe(gateway, scenario.query);
    const gatewayMs = await medianMs(runs, () => runQuery(gateway, scenario.query));
    const counter = new NaiveClient(awxUrl, AUTH);
    await scenario.naive(counter);
    const naiveMs = await medianMs(runs, () => scenario.naive(new NaiveClient(awxUrl, AUTH)));
    rows.push(`| ${scenario.name} | ${calls} | ${counter.calls} | ${gatewayMs.toFixed(1)} | ${naiveMs.toFixed(1)} | ${(gatewayMs / naiveMs).toFixed(2)}× |`);
  }
  return rows;
}
