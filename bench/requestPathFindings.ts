/**
 * Findings about what every request paid on V8's slow paths: accessors and spreads made per request. bench/RESULTS.md's
 * CPU findings (bench/analysis.ts prints them after the others).
 */

/** What was found and changed, with the figures behind each. */
export const REQUEST_PATH = [
  '- **Per-request accessors and spreads took V8\'s slow paths** (V8\'s CPU profile of S1 under load: 10 s at 10',
  '  connections after 8 s of warm-up, sampled every 200 µs, the bench\'s AWX no longer the ceiling). The context',
  '  defined its logger as a getter on Yoga\'s context object (37% of `createContext`\'s own time, and envelop\'s copy',
  '  of the additions onto that object then 1.5% of the busy time), and handed the watched jobs a literal with getters',
  '  (24% more); each AWX read\'s deadline was a literal with getters; the request line spread the scope\'s fields into',
  '  a copy (2.4%); the replayed body was an async generator (1.3%). Now the context adds plain values only (its',
  '  scope, whose logger is still made on first use), the watched jobs\' caller and the deadline are classes, the line',
  '  is a literal of known keys unless tracing bound its ids, the body a class with a plain iterator. Busy samples',
  '  per answered request 1.39 before, 1.16 after the context, 1.06 after the rest. Under the targets\' load',
  '  (`BENCH_ONLY=targets`), CPU per S1 request 0.33 ms against plain Yoga\'s 0.43 (before: 0.44 and 0.45 against',
  '  0.45 and 0.46); per S2 query 1.28 against the batching client\'s 1.14 (before: 1.56 and 1.76 against 1.22 and',
  '  1.16). S1\'s throughput moves less: four repeats of the S1 scenario (a scratch driver) read the gateway at',
  '  1.07×, 1.05×, 1.00× and 1.02× plain Yoga (before: 1.01×, 1.06×, 1.05×, 1.05×), each within 6% of the raw proxy,',
  '  where the hop to AWX and its 5 ms, not the servers\' CPU, set the pace.',
];
