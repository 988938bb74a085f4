/**
 * Slow clients against the gateway: 16 uploads that send a byte every 5 s, and 1,000 slowloris sockets that send
 * their headers as slowly, while one client sends normal queries one after another. Compared with the same
 * queries on the same gateway before the attack: their p50 and p99, and the gateway's peak RSS.
 */
import { connect } from 'node:net';
import { percentiles } from './loop.js';
import { memoryOf } from './processes.js';
import { AUTH, startGateway, startUpstream, stop, type Gateway } from './setup.js';

/** What the check saw. */
export interface SlowClientsReport {
  queries: number;
  quiet: { p50: number; p99: number };
  attacked: { p50: number; p99: number };
  attackers: { uploads: number; slowloris: number; closedByGateway: number };
  rssMb: { before: number; peak: number };
}

const QUERY = JSON.stringify({ query: '{ workflowJob(id: 1) { id name status } }' });

/** Latencies of `count` queries sent one after another, sorted. */
async function latencies(gateway: Gateway, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTH }, body: QUERY });
    if (response.status !== 200) throw new Error(`a normal query got ${response.status} under attack`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Opens `count` sockets that send `head`, then one byte every `everyMs`; counts those the gateway closes. */
function attackers(gateway: Gateway, count: number, head: string, everyMs: number): { stop: () => void; closed: () => number } {
  const { port } = new URL(gateway.url);
  let closed = 0;
  const sockets = Array.from({ length: count }, () => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    socket.on('error', () => {});
    socket.on('close', () => closed++);
    return socket;
  });
  const timer = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write('a')), everyMs);
  return { stop: () => (clearInterval(timer), sockets.forEach((socket) => socket.destroy())), closed: () => closed };
}

/** Runs the check with `queries` normal queries in each phase. */
export async function slowClientsCheck(queries = 300): Promise<SlowClientsReport> {
  const upstream = await startUpstream();
  const gateway = await startGateway(upstream.url);
  const pid = gateway.pid;
  try {
    await latencies(gateway, 50); // warm up
    const before = memoryOf(pid).rssMb;
    const quiet = await latencies(gateway, queries);
    const uploads = attackers(gateway, 16, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{', 5_000);
    const loris = attackers(gateway, 1_000, 'GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // every attacker connected and sending
    const attacked = await latencies(gateway, queries);
    // HEADERS_TIMEOUT_MS and BODY_TIMEOUT_MS (10 s each by default): the gateway closes every attacker soon after
    const deadline = Date.now() + 20_000;
    while (uploads.closed() + loris.closed() < 1_016 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const closedByGateway = uploads.closed() + loris.closed();
    uploads.stop();
    loris.stop();
    return {
      queries,
      quiet: percentiles(quiet),
      attacked: percentiles(attacked),
      attackers: { uploads: 16, slowloris: 1_000, closedByGateway },
      rssMb: { before, peak: memoryOf(pid).peakMb },
    };
  } finally {
    stop(gateway.child, upstream.child);
  }
}
