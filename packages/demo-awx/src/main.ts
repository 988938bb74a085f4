#!/usr/bin/env node
/**
 * `npm run demo-awx`: serves the demo AWX alone, for any client (curl, the AWX CLI, another gateway).
 * PORT (default 8052, as AWX's development server), HOST (default 127.0.0.1), DEMO_LAYOUT `awx` or `aap`,
 * DEMO_MOTION_MS (a step of every unfinished job this often; 0 keeps them still; default 2000).
 */
import { DEMO_AUTHORIZATION } from './dataset/authorization.js';
import { startDemoAwx } from './server.js';

/** A whole number from the environment, or `fallback`; anything else stops the start with a message. */
function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    process.stderr.write(`demo-awx: ${name} must be a whole number, got "${raw}"\n`);
    process.exit(2);
  }
  return Number(raw);
}

const layout = process.env.DEMO_LAYOUT === 'aap' ? 'aap' : 'awx';
const stepMs = integer('DEMO_MOTION_MS', 2_000);
const demo = await startDemoAwx({
  port: integer('PORT', 8052), host: process.env.HOST || '127.0.0.1', layout, motion: stepMs > 0 ? { stepMs } : undefined, maxRecordedRequests: 1_000,
});
process.stdout.write(`${JSON.stringify({ url: demo.url, apiRoot: demo.apiRoot, layout, admin: DEMO_AUTHORIZATION.admin })}\n`);
const stop = () => void demo.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
