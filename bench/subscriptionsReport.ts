/** The report section and targets of the subscriptions check (bench/subscriptions.ts). */
import { MOVED_PER_LEVEL, type SubscriptionsReport } from './subscriptions.js';

const mb = (n: number) => n.toFixed(0);

/** The section of bench/RESULTS.md. */
export function subscriptionsSection(r: SubscriptionsReport): string[] {
  const lines = [
    `${r.jobs} running workflow jobs, ${r.credentials} credentials of the demo admin (token, read-only token, Basic); subscriber i follows job i mod ${r.jobs} with credential i mod ${r.credentials}, each on its own graphql-ws socket; AWX_WEBSOCKET=auto. At each level ${MOVED_PER_LEVEL} watched jobs (10 at 10 subscribers) move one step each, 100 ms apart; AWX requests are the gateway's watch requests the demo received until it was quiet for 1 s (a safety round every SUBSCRIPTION_POLL_MAX_MS may fall in), status changes those AWX's websocket announced for the moved jobs and their spawned jobs.`,
  ];
  for (const run of r.runs) {
    const env = Object.entries(run.env).map(([name, value]) => `${name}="${value}"`).join(' ');
    lines.push('', `\`${env} awx-graphql start\`, RSS before any subscriber ${mb(run.idleRssMb)} MB:`, '',
      '| subscribers | watchers | AWX websockets opened | RSS MB | peak RSS MB | status changes | AWX requests | per status change | per status change and watching credential | detail reads per change and credential |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...run.levels.map((l) => `| ${l.subscribers} | ${l.watchers} | ${l.handshakes} | ${mb(l.rssMb)} | ${mb(l.peakMb)} | ${l.statusChanges} | ${l.awxRequests} | ${l.perChange.toFixed(2)} | ${l.perChangePerCredential.toFixed(2)} | ${l.readsPerChange.toFixed(2)} |`));
  }
  return lines;
}

/** The target lines: at most one AWX websocket per credential, one read per change and credential, and the memory target. */
export function subscriptionsTargets(r: SubscriptionsReport): string[] {
  const line = (ok: boolean, text: string) => `- ${ok ? 'PASS' : 'FAIL'}: ${text}`;
  const [plain, ownSizing] = r.runs.map((run) => run.levels.at(-1)!);
  return [
    line(plain!.handshakes <= r.credentials, `${plain!.subscribers} subscribers over ${r.jobs} jobs with ${r.credentials} credentials hold at most ${r.credentials} AWX websockets: ${plain!.handshakes} opened`),
    line(plain!.readsPerChange <= 1, `each changed job is read once per change and watching credential, however many subscribe: ${plain!.readsPerChange.toFixed(2)} detail reads (${plain!.perChangePerCredential.toFixed(2)} AWX requests)`),
    line(plain!.peakMb <= 150, `gateway peak RSS ≤ 150 MB with ${plain!.subscribers} subscribers as \`awx-graphql start\` runs it: ${mb(plain!.peakMb)} MB`),
    `- info: with node's own heap sizing (MEMORY_LIMIT_MB=0), peak RSS with ${ownSizing!.subscribers} subscribers: ${mb(ownSizing!.peakMb)} MB`,
  ];
}
