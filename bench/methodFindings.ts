/**
 * Findings about the bench itself: where it measured something other than what a target names. bench/RESULTS.md's
 * CPU findings (bench/analysis.ts prints them among the others).
 */

/** What was found and changed, with the figures behind each. */
export const METHOD = [
  '- **The S2 target is read pass by pass.** It compared the medians of the gateway\'s and the client\'s passes, which',
  '  could come from different passes: on this shared machine the client\'s own CPU per page moved from 2.3 to 5.2 ms',
  '  between passes a minute apart. The two are measured in the same pass, taking turns in blocks of five queries, so',
  '  the ratio is now taken in each pass and the target reads their median, over nine passes of 100 queries (three,',
  '  then five before): one busy pass no longer decides it, and every pass\'s ratio is printed with it. Five were too',
  '  few: runs 16 and 17, the same code back to back, read 1.37× and 1.51× at their medians, from single passes of',
  '  1.33-1.49× and 1.18-1.88×.',
  '- **The bench measured a gateway production does not run.** It started `node dist/src/main.js`, without the heap plan',
  '  `awx-graphql start` applies (and the container runs): V8\'s memory reducer stayed on. The CPU check asks one query at',
  '  a time, slowly enough for the reducer to take the gateway for idle: its GC trace showed a shrinking collection (91',
  '  to 28 MB), then a full collection every 2 s or so (about 30 ms of CPU each), and the compiled request path thrown',
  '  away and compiled again. perf, 800 sequential S2 queries after 6,000: 18,236 samples as `main.js` ran it, 11.9% in',
  '  major GC and 5.1% in TurboFan on worker threads; 14,107 as `awx-graphql start` runs it, 3.8% and 0.6%. Side by side',
  '  over 16 passes (fresh processes, each pass 100 S2 queries per process taking turns with the batching client): medians',
  '  1.34× and 1.37× the client, but the last pass, after the reducer had run in `main.js`, 2.62× against 1.42×: the',
  '  kind of pass (2.2-2.6×) earlier runs had. The gateway of every section now starts as production starts it.',
  '- **S1 measured the bench\'s AWX, not the servers.** Every S1 path read the same throughput, AWX asked directly',
  '  included (run 18: gateway 868, plain Yoga 851, direct REST 859, raw proxy 860 req/s), so the target against plain',
  '  Yoga came out 1.00× plus noise. The demo AWX answers from one event loop: ten requests held 5 ms together, then',
  '  answered one after another, at 0.73 ms of CPU each (its process\'s CPU over 3 s of autocannon at 10 connections',
  '  straight at it); a turn took 5 + 10 × 0.73 ms, about 830 req/s whatever sat in front. V8\'s CPU profile of it (10 s',
  '  at 10 connections, no latency): 75% of its busy time learning which fields each resource can filter on, from every',
  '  key of every record, for every request, a detail included. It now learns a field\'s kind when a request names it',
  '  (packages/demo-awx/src/http/fields.ts; the same kinds for all 939 names of its 24 resources): 0.15 ms per detail,',
  '  direct REST 1,609 req/s at p50 6.2 ms (was 863 at 11.6). Two runs of the targets after it (`BENCH_ONLY=targets`):',
  '  direct REST 1,606 and 1,575 req/s, raw proxy 1,403 and 1,385, gateway 1,374 and 1,371, plain Yoga 1,281 and',
  '  1,344 (1.07× and 1.02×), CPU per request under load 0.45 and 0.44 ms against plain Yoga\'s 0.46 and 0.45. The',
  '  target lines now say which it is: S1 compares the servers while AWX answers directly faster than through the proxy.',
  '- **S1 against plain Yoga is read round by round.** With the gateway\'s CPU per request a quarter below plain',
  '  Yoga\'s, both answer within a few percent of the raw proxy, nearer than a 2 s round repeats here (the same path',
  '  read 1,279 and 1,455 req/s in two 3 s runs a minute apart). As the S2 and memory targets already were, the',
  '  throughput target is now the median of each round\'s own ratio (the two runs back to back), over 9 rounds, not 5;',
  '  the medians of each path\'s rounds are printed beside it.',
];
