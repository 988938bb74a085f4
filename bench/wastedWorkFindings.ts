/**
 * Findings about work done for nobody: answers to clients that have gone, and wake-ups of a gateway with nothing
 * to do. bench/RESULTS.md's CPU findings (bench/analysis.ts prints them after the others).
 */

/** What was found and changed, with the figures behind each. */
export const WASTED_WORK = [
  '- **A query whose client had gone still cost most of its answer** (the 200-job page, the client closing its',
  '  connection 9 ms in, while the related reads were under way; 50 of those and 50 answered queries in turns, eight',
  '  rounds, each build\'s process CPU from /proc): about 5 ms of CPU each, against 6-8 ms for a page answered in',
  '  full. V8\'s CPU profile of 300 of them: making `GraphQLError`s 23% of the busy time, with their stack traces, for',
  '  the hundreds of fields whose reads were canceled: each located again, masked, copied by Yoga and serialized for',
  '  an answer nobody reads. A query whose client has gone is now answered with one `CLIENT_CLOSED_REQUEST` error',
  '  (src/execution/callerGone.ts; counted as `outcome="canceled"`, its log line marked `clientClosed`): 3.8 ms per',
  '  left page against 5.4 ms for the build before (medians of the eight rounds; every round lower, 3.2-4.2 against',
  '  3.8-6.2 ms); a query answered in full pays one property read.',
  '- **prom-client sampled the event loop\'s delay every 10 ms** (`strace` of an idle gateway: 100 timer wake-ups a',
  '  second, each two `epoll_pwait` calls). At 100 ms, 20 s idle: 2.5 ms of CPU a second against 4.5 ms; in the',
  '  sequential S2 passes, 0.98× and 0.99× the build before each way round (5 passes of 100 queries), below what they',
  '  resolve. A 15 s scrape still reads 150 samples of the delay.',
  '- **Following the caller\'s disconnect went through a Proxy** (V8\'s CPU profile of S1 under load, 10 connections):',
  '  a read\'s deadline started in 3.1% of the busy time, 2.1% of it adding one listener to Yoga\'s `request.signal`,',
  '  whatwg-node\'s stand-in whose every property read passes a trap. The AWX reads now follow the Node response\'s',
  '  `close` before it finished (src/http/callerSignal.ts), the same event: the deadline 1.1%, the listener 0.16%.',
  '  Paired under load (two builds side by side, 3 s rounds, each process\'s CPU from /proc) it is below what the',
  '  pairs resolve: in one run of four processes, two of the build before read 1.00 and 0.94, two of this one 0.98.',
];
