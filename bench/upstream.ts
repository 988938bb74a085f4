/** The demo AWX as a separate process for benchmarks: prints its URL as one JSON line, runs until killed. */
import { startFakeAwx } from '../src/demo/index.js';

const fake = await startFakeAwx({ latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 5) });
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
