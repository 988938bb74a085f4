/**
 * The demo AWX as a separate process for benchmarks: prints its URL as one JSON line, runs until killed.
 * BENCH_FAULT_RATE (0..1) injects that share of faults: 500s, resets, malformed JSON and slow bodies.
 */
import { startDemoAwx, type Fault } from '@awx-graphql/demo-awx';

const FAULTS: Fault[] = [
  { type: 'status', status: 500, body: { detail: 'Internal error' } },
  { type: 'reset' },
  { type: 'malformed' },
  { type: 'slow', ms: 200 },
];

const demo = await startDemoAwx({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 5) });
const rate = Number(process.env.BENCH_FAULT_RATE ?? 0);
if (rate > 0) {
  // Independent rules fire in turn: each gets the rate that makes the total come out at `rate`.
  const each = 1 - (1 - rate) ** (1 / FAULTS.length);
  for (const fault of FAULTS) demo.addFault({ fault, probability: each });
}
process.stdout.write(`${JSON.stringify({ url: demo.url })}\n`);
process.once('SIGTERM', () => void demo.close().then(() => process.exit(0)));
