/** The Node lines' line in the targets and their section of bench/RESULTS.md, from one Node lines check. */
import type { LoadStats } from './loop.js';
import type { NodeLine, NodeLinesReport } from './nodeLines.js';
import { CONNECTIONS } from './setup.js';

/** How much better a newer line must do to count as materially faster (and be worth the README's mention). */
const MATERIAL = 0.1;

const x = (n: number) => `${n.toFixed(2)}×`;
const major = (line: NodeLine) => `Node ${line.version.split('.')[0]}`;

/** The line with the best `score` (higher is better), and how it compares with this process's line (the first). */
function fastest(r: NodeLinesReport, score: (line: NodeLine) => number, what: string): string {
  const [current] = r.lines;
  const best = r.lines.reduce((a, b) => (score(b) > score(a) ? b : a));
  if (best === current || r.lines.length === 1) return `${major(current!)} (${current!.version}, this run's) is fastest on ${what}`;
  const gain = score(best) / score(current!) - 1;
  const material = gain >= MATERIAL ? `materially faster (≥ ${100 * MATERIAL}%)` : `not materially faster (< ${100 * MATERIAL}%)`;
  return `${major(best)} (${best.version}) is fastest on ${what}, ${(100 * gain).toFixed(1)}% better than ${major(current!)}: ${material}`;
}

/** What the run concluded about the lines: which is fastest on S1 (gateway requests/s) and on S2 (gateway CPU per query). */
function verdict(r: NodeLinesReport): string {
  const s1 = fastest(r, (l) => l.s1.gateway.rps, 'S1 (gateway requests/s)');
  const s2 = fastest(r, (l) => 1 / cpu(l.s2.gateway), 'S2 (gateway CPU per query under load)');
  const missing = r.notChecked.length ? `; not checked: ${r.notChecked.join(', ')}` : '';
  return `${s1}; ${s2}${missing}`;
}

/** The targets' line about Node lines (information: the issue asks to report them, and to say so if a newer one is faster). */
export function nodeLinesTargets(r: NodeLinesReport | null): string[] {
  if (!r) return ['- not checked: Node lines 20, 22, 24 (BENCH_SKIP_NODE_LINES=1)'];
  return [`- info: Node lines measured ${r.lines.map((l) => l.version).join(', ')}: ${verdict(r)}`];
}

/** CPU ms per request of a metered load (every load of a line is). */
const cpu = (s: LoadStats) => s.cpuMs ?? Number.NaN;
const cell = (s: LoadStats) => `${s.rps.toFixed(0)} / ${s.p50.toFixed(0)} / ${cpu(s).toFixed(2)}`;

/** The "Node lines" section's paragraphs and table. */
export function nodeLinesSection(r: NodeLinesReport | null): string[] {
  if (!r) return ['Not run (BENCH_SKIP_NODE_LINES=1).'];
  return [
    `Each line runs the compiled gateway (\`awx-graphql start\`, NODE_ENV=production), the raw proxy and the plain Yoga server under that Node, against the same upstream (which stays on Node ${process.versions.node}); all lines run side by side and take turns: autocannon with ${CONNECTIONS} connections in ${r.rounds} rounds of ${r.seconds} s (the median of each figure's rounds). Cells are requests/s / p50 ms / CPU ms per request: the serving process's CPU over each round (all its threads) over the requests it answered.`,
    "The batching REST client runs its S2 load loop in a process of its own under each line's Node, in the same rotation; its figure is that process's CPU per page over its rounds.",
    'CPU is not taken from sequential queries here: with three lines\' servers taking turns, each sat idle for seconds between its blocks of five, and a process\'s first queries after such a pause cost up to twice as much, more the longer the pause (see bench/nodeLines.ts).',
    '',
    '| Node | S1 gateway | S1 raw proxy | S1 plain Yoga | S2 gateway | S2 batching client CPU | S2 gateway CPU / batching client CPU |',
    '|---|---|---|---|---|---|---|',
    ...r.lines.map((l) => `| ${l.version} | ${cell(l.s1.gateway)} | ${cell(l.s1.proxy)} | ${cell(l.s1.plainYoga)} | ${cell(l.s2.gateway)} | ${cpu(l.s2.batchingClient).toFixed(2)} | ${x(cpu(l.s2.gateway) / cpu(l.s2.batchingClient))} |`),
    ...r.notChecked.map((why) => `| not checked: ${why} | | | | | | |`),
    '',
    `${verdict(r)}.`,
  ];
}
