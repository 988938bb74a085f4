/** The processes of a benchmark run and how to talk to them: the demo upstream, the gateway, the raw proxy, plain Yoga. */
import autocannon from 'autocannon';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { percentiles, type LoadStats } from './loop.js';
import { startDeployed } from './deployed.js';
import { startChild, type Child } from './processes.js';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);
export const AUTH = `Bearer ${DEMO_CREDENTIALS.admin.token}`;

const URL_LINE = /\{"url":"([^"]+)"\}/;
/** The structured line src/app.ts logs once the gateway listens. */
const GATEWAY_READY = /"event":"listening","port":(\d+)/;

/** A running gateway (or a baseline server): the process started, its endpoint, and the process that serves. */
export interface Gateway {
  child: Child;
  url: string;
  /** The process whose CPU and memory are measured: `child`'s, or the child it stands in for (bench/deployed.ts). */
  pid: number;
}

/** A server started by `startChild` serves in its own process. */
const serving = (child: Child, url: string): Gateway => ({ child, url, pid: child.process.pid! });

/** Starts the demo upstream with the run's latency (and `faultRate`), returning it and its URL. */
export async function startUpstream(faultRate = 0): Promise<{ child: Child; url: string }> {
  const child = await startChild('bench/upstream.ts', { BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_FAULT_RATE: String(faultRate) }, URL_LINE);
  return { child, url: child.match[1]! };
}

/**
 * Starts the gateway as production runs it: the compiled `awx-graphql start` (`npm run build`, which `npm run
 * bench` runs first; bench/deployed.ts) with NODE_ENV=production, so with the heap plan src/launch.ts applies,
 * against `awxUrl`, with extra environment such as `CACHE`, under `node` (this process's Node unless another
 * line is given). Not `dist/src/main.js` alone: left to itself, V8's memory reducer shrinks the heap of a gateway
 * that answers one query at a time, then collects it every few seconds and compiles the request path again,
 * which production's `--no-memory-reducer` rules out (bench/analysis.ts).
 */
export async function startGateway(awxUrl: string, env: Record<string, string> = {}, node?: string): Promise<Gateway> {
  const { child, url, pid } = await startDeployed(awxUrl, env, node);
  return { child, url, pid };
}

/**
 * Starts the compiled gateway built as src/start.ts builds it, less one feature (bench/gatewayVariant.ts), or
 * with every feature when `without` is undefined: the feature-cost table's processes. Each waits its turn idle
 * for minutes, so each runs without V8's memory reducer, as `awx-graphql start` runs the gateway (src/heap.ts):
 * with it, an idle minute throws away the compiled request path and the next turn measures its recompilation.
 */
export async function startGatewayVariant(awxUrl: string, without?: string): Promise<Gateway> {
  return gatewayFrom('bench/gatewayVariant.ts', awxUrl, without ? { BENCH_WITHOUT: without } : {}, undefined, ['--no-memory-reducer']);
}

async function gatewayFrom(script: string, awxUrl: string, env: Record<string, string>, node?: string, nodeArgs?: string[]): Promise<Gateway> {
  const settings = { AWX_URL: awxUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'production', ...env };
  const child = await startChild(script, settings, GATEWAY_READY, node, nodeArgs);
  return serving(child, `http://127.0.0.1:${child.match[1]}/graphql`);
}

/** Starts the raw undici pass-through proxy (bench/proxy.ts) in front of `awxUrl`. */
export async function startProxy(awxUrl: string, node?: string): Promise<Gateway> {
  const child = await startChild('bench/proxy.ts', { UPSTREAM_URL: awxUrl }, URL_LINE, node);
  return serving(child, child.match[1]!);
}

/** Starts the plain Yoga server (bench/plainYoga.ts) in front of `awxUrl`; its URL is its GraphQL endpoint. */
export async function startPlainYoga(awxUrl: string, node?: string): Promise<Gateway> {
  const child = await startChild('bench/plainYoga.ts', { UPSTREAM_URL: awxUrl, NODE_ENV: 'production' }, URL_LINE, node);
  return serving(child, child.match[1]!);
}

/** Starts the REST baselines' own process (bench/restClients.ts) against `awxUrl`. */
export async function startRestClients(awxUrl: string, node?: string): Promise<Gateway> {
  const child = await startChild('bench/restClients.ts', { UPSTREAM_URL: awxUrl }, URL_LINE, node);
  return serving(child, child.match[1]!);
}

/** Asks the REST baselines' process (`url`) for `path` and returns its JSON answer, failing on its errors. */
export async function askRestClients<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`);
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${path}: ${body.error}`);
  return body;
}

/** Stops the given children (SIGTERM). */
export function stop(...children: Child[]): void {
  for (const child of children) child.process.kill('SIGTERM');
}

/** Runs one GraphQL query through the gateway, failing on errors. */
export async function runQuery(gateway: Gateway, query: string, requestId?: string): Promise<void> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTH, ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
}

let probes = 0;

/** Runs one query and returns how many AWX requests the gateway logged for it (waiting out an open breaker). */
export async function probe(gateway: Gateway, query: string): Promise<number> {
  const probeId = `bench-probe-${++probes}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await runQuery(gateway, query, `${probeId}-${attempt}`);
      return await upstreamCallsOf(gateway, `${probeId}-${attempt}`);
    } catch (error) {
      if (attempt >= 15 || !String(error).includes('UPSTREAM_UNAVAILABLE')) throw error;
      breakerWaits++;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** How many times a probe found the gateway's circuit breaker open and waited (reported, not hidden). */
export let breakerWaits = 0;

async function upstreamCallsOf(gateway: Gateway, requestId: string): Promise<number> {
  for (let waited = 0; waited < 50; waited++) {
    const line = gateway.child.output().split('\n').find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('upstreamCalls'));
    if (line) return (JSON.parse(line) as { upstreamCalls: number }).upstreamCalls;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for ${requestId}`);
}

/** autocannon against `url` (a GraphQL POST when `query` is given, else a GET) for the run's duration. */
export async function cannon(url: string, query?: string, connections = CONNECTIONS, seconds = SECONDS): Promise<LoadStats> {
  let graphqlErrors = 0;
  // A GraphQL answer with `errors` is a 200 too: count those bodies as errors.
  const onResponse = (_status: number, body: string) => void (query && body.includes('"errors"') && graphqlErrors++);
  const options: Partial<autocannon.Options> = query
    ? { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body: JSON.stringify({ query }) }
    : { headers: { authorization: AUTH } };
  // autocannon's own percentiles come from a histogram in whole milliseconds: at S1's 10 ms a step is 10%, as
  // much as the p50 target's margin, so each answer's time is taken as autocannon measured it (2xx, as it counts).
  const times: number[] = [];
  const setupClient = (client: autocannon.Client) => void client.on('response', (status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await autocannon({ url, connections, duration: seconds, ...options, requests: [{ onResponse }], setupClient });
  // autocannon drops its in-flight requests at the end: let the gateway see them out before the next probe.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { ...percentiles(times), rps: result.requests.average, errors: result.errors + result.non2xx + graphqlErrors, requests: result.requests.total };
}

/** Warms a gateway's JIT and connection pool with a short run of `query` before anything is measured. */
export async function warmUp(gateway: Gateway, query: string): Promise<void> {
  await autocannon({ url: gateway.url, connections: CONNECTIONS, duration: 2, method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body: JSON.stringify({ query }) });
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** How many "AWX call failed" warnings a gateway logged so far. */
export function failedCalls(gateway: Gateway): number {
  return gateway.child.output().split('\n').filter((l) => l.includes('"msg":"AWX call failed"')).length;
}
