/**
 * What the CPU profiles found, what was changed for each finding, and what holds the targets still failing.
 * The profile figures are from the session that wrote this file (re-profile with the command given); the run's
 * own CPU-per-query figures are quoted where they explain a target.
 */
import type { CpuReport } from './cpu.js';
import { holding } from './holding.js';

const PROFILED = [
  'How it was profiled: the compiled gateway (`dist/src/main.js`, NODE_ENV=production) against the bench upstream, with',
  'the V8 sampling profiler started through a `--require` preload after 100 warm-up queries; then 500 sequential S2',
  'queries (50 jobs), 200 of the 200-job page, or 2,000 S1 queries, and self and inclusive time per function. Each',
  'change was checked by CPU per query of the build before it and after it, alternating blocks of sequential queries',
  'between the two processes so that the machine\'s load falls on both alike.',
];

/** What each change saved: the finding behind it, from the profiles. */
const CHANGES = [
  '- **Federated tracing wrapped every field of every request.** The ftv1 plugin wraps each field\'s resolver',
  '  (a closure, an object, a lookup per field, 7.5% of S2 inclusive) even when no router asked for a trace.',
  '  Operations that ask for none now run on a copy of the schema the plugin never wrapped (src/subgraph.ts).',
  '- **The request line went through redaction.** pino\'s redaction of the one line per request cost 35 µs against',
  '  2.7 µs without (a loop of 100,000 lines), and a child logger per request 12 µs more. The request line\'s fields',
  '  hold no secret, so it skips redaction; a request\'s child logger is made only when a line is written through it.',
  '- **Yoga copied each request to count its body again** (a TransformStream and a second Request, 3% of S1); the',
  '  front already reads and bounds every body (MAX_BODY_BYTES), so Yoga\'s own bound is off.',
  '- **Each AWX read left a 10 s timer and a joined abort signal behind**, and the end of the request aborted them all',
  '  (a DOMException each). A read\'s deadline now stops its timer and leaves the request\'s signal once answered.',
  '- **Checks repeated per request**: the cost and AWX-call estimates and the literal input depth walked the document',
  '  on every request; they are kept per parsed document (and variables).',
  '- **Work repeated per list item**: which fields a summary must answer was worked out for each job; it is now done',
  '  once per field and request. Then the executor: graphql\'s interpreter re-reads the query for every field of every',
  '  job (arguments, sub-selections, completion: about 25% of the 200-job page). Queries asked again now run compiled',
  '  by graphql-jit (from a document\'s second use, at most 500; answers identical to the interpreter\'s, errors and',
  '  their locations included: test/compiled-queries.test.ts, and the whole unit suite passed with every query compiled).',
  '- **A fixed in-flight limit queued one-job queries behind queries only waiting on AWX.** Admission allowed 4 per',
  '  core (8 here); at 10 connections against a 5 ms AWX two callers always waited while the event loop sat idle',
  '  (utilization 0.5-0.8). Alternating 2 s autocannon rounds: 743 requests/s with the fixed limit, 876 with admission',
  '  off, 863 for plain Yoga. Left unset, the limit now adapts (src/adaptiveLimit.ts): 824 requests/s. It rises only while',
  '  garbage collection stays under 4% of the time: 50-job pages under 50 connections took 6-9% at 8 at once and 10-17%',
  '  at 16 (with 11 MB more RSS and 1.4x the CPU per query), so they still run about 8 at once.',
  '- **The Host check built a URL per request** (`parseHost`, 1.7% of S2 with the check around it), and the front',
  '  another for the path: hosts already parsed are remembered (256 names at most), and a plain path skips the URL.',
  '- **Each AWX read cost 40% more CPU than the same request made bare with undici** (0.28 against 0.20 ms per call: 6,000',
  '  calls 10 at a time, 8 alternating rounds, same process and upstream). The profile spread it thin: Node\'s AbortSignal',
  '  (an EventTarget) made for each read\'s deadline, 5% self, and its listeners added and removed by the limiter, the',
  '  retries and undici; a URL object built, then read back for undici and the call record; an async iterator per body.',
  '  A read now has a small abort signal of its own (src/awx/deadline.ts: undici takes any EventTarget), its target is',
  '  built as text, and its body is read from its events: 0.24 ms per call. S2 (5 calls) against the build before,',
  '  alternating, 3 passes of 200 queries: 0.91×, 0.89×, 0.91× the CPU per query.',
  '- **Each request\'s log line was its own write** (profiled under 10 connections: 4% of S2 in `fs.write` handing the',
  '  line to libuv\'s thread pool, and its completion). Without the request line at all (the feature-cost variant), CPU',
  '  per request under load was 0.96× on S1 and 0.94× on S2 (6 alternating 3 s rounds each). Lines are now held for at',
  '  most 10 ms and written together (src/logLines.ts): against the build before, S1 CPU per request under load 0.82×,',
  '  0.95× and 0.95× in three runs (medians of 6-8 alternating rounds); S2 1.01× and 1.06×, no change to measure.',
  '- **Per-item promises and resolver calls on a page** (an allocation profile: the inspector\'s sampling heap profiler',
  '  with collected objects included, 100 sequential 200-job pages: 3.5 MB allocated per page, about 1.1 MB of it AWX\'s',
  '  bodies and their parse, 1.3 MB graphql-jit\'s execution). graphql-jit calls a resolver with three closures, its',
  '  arguments, a resolve info and a five-object path per list item, and handles a promise result with more. Related',
  '  objects and labels answered from a job\'s summary were returned in a promise (the resolvers were `async`), and 99',
  '  fields had a resolver that only read the key of their own name (`name: p(\'name\')`, `id`): summaries now come back',
  '  as values (the summary itself when it reads as the object), and own-key reads are left to graphql-jit, which',
  '  compiles them into a property read (src/resolvers/ownKeyReads.ts). Allocated per page 3.5 -> 3.1 MB; against the',
  '  build before, alternating 3 s rounds under 10 connections: S2 CPU per query 0.85× (8 rounds, each 0.77-1.01×),',
  '  S1 0.91×; sequential S2 0.94×, 0.94× and 1.02× in three passes.',
  '- **The context copied Yoga\'s own context into itself** (`createContext`, 1.8% of S1 self time under load): Yoga',
  '  assigns what the factory returns onto its context object, so the factory now returns the additions alone; and the',
  '  guard for Yoga\'s unguarded GET and form parsers no longer wraps its POST JSON parser, which answers bad JSON with',
  '  its own 400 (one promise less per request). S1 CPU per query under load 0.91× (8 rounds, noisy: 0.85-1.20×).',
  '- **A template shared by many jobs cost a promise per job.** DataLoader answers a key it already holds with a new',
  '  promise settled with the batch (a closure, and the held promise adopted); on the 200-job page most of 400 template',
  '  and creator reads are such hits (10 templates and 7 creators among the demo\'s first 200 jobs). The by-id loaders',
  '  now hand out the held promise (src/loaders/byId.ts): 200-job page CPU per query under load 0.90× (8 alternating',
  '  rounds); 50-job page 1.10× and 0.77× with the two builds\' start order swapped. The process started second fared',
  '  worse in both runs, with the new build second in every other A/B run above: single runs of this kind can carry a',
  '  bias of that size, against the change when it is started second.',
  '- **Measured, not kept: weighing admission by cost.** A gate at execution holding the estimated cost in flight under',
  '  25,000 (four 200-job pages at once): the 200-job page\'s CPU per query 0.86× under load, but its p50 1.04-1.11×,',
  '  the queue eating what the CPU saved; S1 and S2 unchanged.',
  '',
  'Together, CPU per query against the build before this work (6957c12), same machine and run, alternating: S1 2.48 vs',
  '3.33 ms (0.74×); 10 jobs 3.42 vs 4.33 ms (0.79×); 50 jobs 4.85 vs 6.79 ms (0.71×); 200 jobs 9.50 vs 16.08 ms (0.59×),',
  'that is about 32 µs per further job instead of 62.',
];

/** What the heap snapshots found (idle gateway, and 0 against 1,000 subscribers), and what was changed for it. */
const MEMORY = [
  'How it was measured: heap snapshots of the compiled gateway as `awx-graphql start` runs it (`--heapsnapshot-signal`),',
  'self and retained sizes per constructor, per package and per subscriber; each change checked by the live heap after a',
  'full GC forced through the inspector and by RSS, on fresh processes.',
  '',
  '- **Modules loaded for nothing** (idle live heap 24.9 -> 23.4 MB, RSS idle 117 -> 110 MB, with the two below it):',
  '  undici\'s package entry loads fetch, WebSocket, caches, mocks and Node\'s own undici (1.8 MB) where the gateway uses',
  '  its pool and `request`; graphql-jit loads fast-json-stringify and ajv (1.4 MB) for a serializer it never uses here;',
  '  yaml (0.5 MB) serves only extra vars sent as YAML. Each now loads only what is called (src/awx/undici.ts,',
  '  src/execution/jit.ts, src/resolvers/helpers.ts).',
  '- **A second build of the schema** for untraced execution held 1.3 MB: it is now a copy sharing the AST and resolvers.',
  '- **Each subscriber held 36 KB of heap** (1,000 subscribers: 159 MB peak RSS, from 123 MB idle): its context\'s loaders',
  '  (4.7 KB, five DataLoaders a `{ id status }` subscription never reads), the upgrade\'s IncomingMessage kept by',
  '  graphql-ws (1.3 KB), graphql-tools\' subscribe wrapping each stream in two more async generators (2.4 KB), request ids',
  '  kept as the 21 pieces Node joins them from (0.5 KB), a logger per watch made before any line; and each watcher\'s',
  '  latest reading with its own copy of every repeated name and URL. Loaders are now made on first read, the socket',
  '  keeps the four headers it reads, subscriptions run on graphql-js\'s subscribe, ids are flat, loggers lazy, and',
  '  readings share repeated short strings: 148 MB peak with 1,000 subscribers.',
  '- **Left:** node\'s own code is 44 MB of RSS (file-backed), the young generation 32 MB under load. Bundling `dist` into',
  '  one file measured 4.9 MB less heap and about 25 MB less RSS in a prototype, and building the federation schema from',
  '  its printed SDL 2.6 MB less (federation-internals would not load): both change the build and start-up, not done yet.',
];

/** The section's lines. */
export function analysisSection(cpu: CpuReport): string[] {
  return [
    '## What the profiles found (CPU)', '', ...PROFILED, '', ...CHANGES, '',
    '## What the heap snapshots found (memory)', '', ...MEMORY, '',
    '### What holds the targets still failing', '', ...holding(cpu),
  ];
}
