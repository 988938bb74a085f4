/**
 * The load check: 50 connections for 30 s against the demo upstream with 10% injected faults. Every answer
 * is read and classified; the gateway must give no 5xx and no error other than the mapped upstream ones.
 */
import { Pool } from 'undici';
import { memoryOf } from './processes.js';
import { AUTH, startGateway, startUpstream, stop } from './setup.js';

const UPSTREAM_CODES = new Set(['UPSTREAM_ERROR', 'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_OVERLOADED']);
const QUERY = JSON.stringify({
  query: '{ workflowJobs(first: 25) { nodes { id name status related { createdBy { username } workflowJobTemplate { name } } } } }',
});

/** What the load check saw. */
export interface LoadReport {
  requests: number;
  seconds: number;
  ok: number;
  upstreamErrors: number;
  gateway5xx: number;
  otherErrors: number;
  rssMb: { before: number; peak: number; after: number };
}

/** Runs `connections` workers against the gateway for `seconds`, sampling its memory once a second. */
export async function loadCheck(gatewayUrl: string, gatewayPid: number, auth: string, connections = 50, seconds = 30): Promise<LoadReport> {
  const url = new URL(gatewayUrl);
  const pool = new Pool(url.origin, { connections });
  const report: LoadReport = { requests: 0, seconds, ok: 0, upstreamErrors: 0, gateway5xx: 0, otherErrors: 0, rssMb: { before: memoryOf(gatewayPid).rssMb, peak: 0, after: 0 } };
  const sampler = setInterval(() => (report.rssMb.peak = Math.max(report.rssMb.peak, memoryOf(gatewayPid).rssMb)), 1_000);
  const deadline = Date.now() + seconds * 1_000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const response = await pool.request({ path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: QUERY });
      const text = await response.body.text();
      report.requests++;
      classify(report, response.statusCode, text);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  clearInterval(sampler);
  await pool.close();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  report.rssMb.after = memoryOf(gatewayPid).rssMb;
  return report;
}

function classify(report: LoadReport, status: number, text: string): void {
  if (status >= 500) return void report.gateway5xx++;
  let body: { errors?: { extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return void report.otherErrors++;
  }
  if (!body.errors?.length) return void report.ok++;
  if (body.errors.every((e) => UPSTREAM_CODES.has(e.extensions?.code ?? ''))) report.upstreamErrors++;
  else report.otherErrors++;
}

/** The load check against its own upstream (10% faults) and its own gateway, for BENCH_LOAD_SECONDS (30). */
export async function faultLoadCheck(): Promise<LoadReport> {
  const upstream = await startUpstream(0.1);
  const gateway = await startGateway(upstream.url, { AWX_TIMEOUT_MS: '2000' });
  try {
    return await loadCheck(gateway.url, gateway.pid, AUTH, 50, Number(process.env.BENCH_LOAD_SECONDS ?? 30));
  } finally {
    stop(gateway.child, upstream.child);
  }
}
