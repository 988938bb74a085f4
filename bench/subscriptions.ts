/**
 * Watching many jobs: 10, 100 and 1,000 graphql-ws subscribers (one socket each) over 200 running workflow jobs
 * with 3 credentials of the demo admin (its token, its read-only token, Basic). Subscriber i follows job i mod 200
 * with credential i mod 3, so 1,000 subscribers are 600 watchers. At each level: the gateway's RSS, its AWX
 * websockets, and the AWX requests it made per status change while some watched jobs moved one step each. Run
 * as the production command runs the gateway (`awx-graphql start`, heap sized for its budget), then with node's
 * own heap sizing (MEMORY_LIMIT_MB=0).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_ADMIN_READONLY_TOKEN, DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { startDeployed, stopDeployed } from './deployed.js';
import { memoryOf, startChild, type Child } from './processes.js';
import { AUTH, LATENCY_MS, stop } from './setup.js';

/** What one level measured. */
export interface SubscriptionLevel {
  subscribers: number;
  /** Distinct (job, credential) pairs: the gateway's watchers. */
  watchers: number;
  rssMb: number;
  peakMb: number;
  /** AWX websockets the gateway opened so far (its handshakes). */
  handshakes: number;
  jobsMoved: number;
  /** Status changes of the moved jobs (and of the jobs they spawned), as AWX announced them. */
  statusChanges: number;
  awxRequests: number;
  /** AWX requests per status change, and per status change and credential watching the job that changed. */
  perChange: number;
  perChangePerCredential: number;
  /** Detail reads of the moved jobs per status change and watching credential: 1 is one read per change, however many subscribe. */
  readsPerChange: number;
}

/** One run of the levels against a gateway started with `env`. */
export interface SubscriptionsRun {
  env: Record<string, string>;
  idleRssMb: number;
  levels: SubscriptionLevel[];
}

/** The section's results: the same levels with V8's defaults and with a constrained heap. */
export interface SubscriptionsReport {
  jobs: number;
  credentials: number;
  runs: SubscriptionsRun[];
}

const LEVELS = [10, 100, 1_000];
const JOBS = 200;
/** How many watched jobs move one step at each level. */
export const MOVED_PER_LEVEL = 20;
const CREDENTIALS = [AUTH, `Bearer ${DEMO_ADMIN_READONLY_TOKEN}`, `Basic ${Buffer.from(`admin:${DEMO_CREDENTIALS.admin.password}`).toString('base64')}`];
/** Enough watchers for 600 (job, credential) pairs; the defaults (500, 50 per credential) are below. */
const ENV = { SUBSCRIPTION_MAX_WATCHERS: '1000', SUBSCRIPTION_MAX_WATCHERS_PER_CREDENTIAL: '400' };
const QUERY = 'subscription ($id: ID!) { workflowJobUpdated(id: $id) { id status } }';

interface Seen { requests: number; handshakes: number; changes: Record<string, number>; details: Record<string, number> }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens subscriber `i` and resolves once its first event came. */
function subscribe(url: string, jobs: number[], i: number): Promise<Client> {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: CREDENTIALS[i % CREDENTIALS.length] }, retryAttempts: 0 });
  return new Promise((resolve, reject) => {
    let first = true;
    client.subscribe({ query: QUERY, variables: { id: String(jobs[i % jobs.length]) } }, {
      next: (result) => {
        if (result.errors) reject(new Error(`subscriber ${i}: ${JSON.stringify(result.errors)}`));
        else if (first) (first = false, resolve(client));
      },
      error: (error) => reject(error instanceof Error ? error : new Error(`subscriber ${i} failed`)),
      complete: () => {},
    });
  });
}

/** Waits until the gateway made no AWX request for a second (at most 30 s), and returns what AWX saw. */
async function quiet(control: string): Promise<Seen> {
  let last = await seen(control);
  for (let still = 0, waited = 0; still < 2 && waited < 60; waited++) {
    await sleep(500);
    const now = await seen(control);
    still = now.requests === last.requests ? still + 1 : 0;
    last = now;
  }
  return last;
}

async function seen(control: string): Promise<Seen> {
  return (await (await fetch(`${control}/seen`)).json()) as Seen;
}

/** Moves `ids` one step each, 100 ms apart (AWX's changes come one by one), then counts what followed. */
async function moveAndCount(control: string, ids: number[], credentialsOf: (job: number) => number) {
  const before = await quiet(control);
  for (const id of ids) {
    await fetch(`${control}/advance?ids=${id}`, { method: 'POST' });
    await sleep(100);
  }
  const after = await quiet(control);
  const delta = (field: 'changes' | 'details', job: number) => (after[field][job] ?? 0) - (before[field][job] ?? 0);
  const statusChanges = ids.reduce((sum, id) => sum + delta('changes', id), 0);
  const weighted = ids.reduce((sum, id) => sum + delta('changes', id) * credentialsOf(id), 0);
  const reads = ids.reduce((sum, id) => sum + delta('details', id), 0);
  const awxRequests = after.requests - before.requests;
  return {
    statusChanges, awxRequests, perChange: awxRequests / statusChanges, perChangePerCredential: awxRequests / weighted,
    readsPerChange: reads / weighted, handshakes: after.handshakes,
  };
}

/** Adds subscribers up to `level`, 50 at a time. */
async function growTo(clients: Client[], level: number, wsUrl: string, jobs: number[]): Promise<void> {
  for (let i = clients.length; i < level; i += 50) {
    const batch = Array.from({ length: Math.min(50, level - i) }, (_, k) => subscribe(wsUrl, jobs, i + k));
    clients.push(...(await Promise.all(batch)));
  }
}

/** The levels against a fresh gateway started with `env`, in front of the upstream at `url`. */
async function runLevels(url: string, control: string, jobs: number[], env: Record<string, string>, levels: number[]): Promise<SubscriptionsRun> {
  const earlier = (await seen(control)).handshakes; // the previous run's gateway's
  const gateway = await startDeployed(url, { ...ENV, ...env });
  const pid = gateway.pid;
  const clients: Client[] = [];
  const run: SubscriptionsRun = { env: { ...ENV, ...env }, idleRssMb: memoryOf(pid).rssMb, levels: [] };
  try {
    for (const level of levels) {
      await growTo(clients, level, gateway.url.replace(/^http/, 'ws'), jobs);
      const watched = new Set(clients.map((_, i) => `${jobs[i % jobs.length]} ${i % CREDENTIALS.length}`));
      const credentialsOf = (job: number) => CREDENTIALS.filter((_, c) => watched.has(`${job} ${c}`)).length;
      await quiet(control);
      const { rssMb } = memoryOf(pid);
      // Jobs this run did not move yet; each moves once per run (twice in the check), far from its end (eight steps after running).
      const moved = [...new Set(clients.map((_, i) => jobs[i % jobs.length]!))].slice(-MOVED_PER_LEVEL);
      const counted = await moveAndCount(control, moved, credentialsOf);
      run.levels.push({ subscribers: level, watchers: watched.size, rssMb, peakMb: memoryOf(pid).peakMb, jobsMoved: moved.length, ...counted, handshakes: counted.handshakes - earlier });
    }
    return run;
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await stopDeployed(gateway);
  }
}

/** Runs the levels on the gateway as deployed, then with node's own heap sizing, against one demo upstream. */
export async function subscriptionsCheck(levels = LEVELS): Promise<SubscriptionsReport> {
  const upstream: Child & { match: RegExpExecArray } = await startChild('bench/liveUpstream.ts', { BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_LIVE_JOBS: String(JOBS) }, /(\{"url".*\})\n/);
  const { url, control, jobs } = JSON.parse(upstream.match[1]!) as { url: string; control: string; jobs: number[] };
  try {
    const runs = [await runLevels(url, control, jobs, {}, levels), await runLevels(url, control, jobs, { MEMORY_LIMIT_MB: '0' }, levels)];
    return { jobs: jobs.length, credentials: CREDENTIALS.length, runs };
  } finally {
    stop(upstream);
  }
}
