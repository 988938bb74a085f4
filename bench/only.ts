/**
 * BENCH_ONLY: parts of `npm run bench` run alone and printed, for working on one of them without the whole
 * run (about 15 minutes); bench/RESULTS.md is left as it is. Parts, comma-separated:
 * - `targets`: S1 (gateway, plain Yoga, direct REST, raw proxy), S2 and the 200-job S4 page, CPU per query,
 *   and the fixed-cost and cost-per-item target lines (about 3 minutes);
 * - `features`: the feature-cost table (about 9 minutes: each process is first run until its CPU settles);
 * - `nodelines`: S1 and S2 under Node 20, 22 and 24 (about 3 minutes, more on the first install);
 * - `subscriptions`: watching many jobs.
 */
import { cpuCheck } from './cpu.js';
import { featuresCheck, featuresSection } from './features.js';
import { nodeLinesCheck } from './nodeLines.js';
import { nodeLinesSection, nodeLinesTargets } from './nodeLinesReport.js';
import { measureScenarios, warmUpPaths } from './scenarios.js';
import { startGateway, startPlainYoga, startProxy, startRestClients, startUpstream, stop } from './setup.js';
import { subscriptionsCheck } from './subscriptions.js';
import { subscriptionsSection, subscriptionsTargets } from './subscriptionsReport.js';
import { checkTargets } from './targets.js';

const PARTS = ['targets', 'features', 'nodelines', 'subscriptions'] as const;

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);

/** The fixed-cost and cost-per-item targets with the scenario rows and CPU figures they were decided on. */
async function targetsOnly(awxUrl: string): Promise<void> {
  const [gateway, proxy, plainYoga, restClients] = await Promise.all([startGateway(awxUrl), startProxy(awxUrl), startPlainYoga(awxUrl), startRestClients(awxUrl)]);
  try {
    await warmUpPaths({ gateway, proxy, plainYoga, restClients });
    const targets = { gateway, awxUrl, proxy, plainYoga, restClients };
    const measured = await measureScenarios(targets, [50, 200], false);
    const cpu = await cpuCheck(gateway, { proxy, plainYoga, restClients });
    print(['## Targets', '', ...checkTargets(measured, cpu), '', ...measured.table, '', JSON.stringify(cpu)]);
  } finally {
    stop(gateway.child, proxy.child, plainYoga.child, restClients.child);
  }
}

/** Runs the parts named in `only` (comma-separated), each printed as it finishes. */
export async function benchOnly(only: string): Promise<void> {
  const parts = only.split(',').map((part) => part.trim());
  const unknown = parts.filter((part) => !PARTS.includes(part as (typeof PARTS)[number]));
  if (unknown.length) throw new Error(`BENCH_ONLY takes ${PARTS.join(', ')} (comma-separated), got ${unknown.join(', ')}`);
  if (parts.includes('subscriptions')) {
    const report = await subscriptionsCheck();
    print([...subscriptionsTargets(report), '', ...subscriptionsSection(report)]);
  }
  if (!parts.some((part) => part !== 'subscriptions')) return;
  const upstream = await startUpstream();
  try {
    if (parts.includes('targets')) await targetsOnly(upstream.url);
    if (parts.includes('features')) print(['## Feature costs', '', ...featuresSection(await featuresCheck(upstream.url))]);
    if (parts.includes('nodelines')) {
      const report = await nodeLinesCheck(upstream.url);
      print([...nodeLinesTargets(report), '', '## Node lines', '', ...nodeLinesSection(report)]);
    }
  } finally {
    stop(upstream.child);
  }
}
