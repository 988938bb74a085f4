/**
 * What the heap snapshots and memory measurements found, what was changed for each and what was tried and not
 * kept: bench/RESULTS.md's memory findings (bench/analysis.ts prints them).
 */

/** What the heap snapshots found (idle gateway, and 0 against 1,000 subscribers), and what was changed for it. */
export const MEMORY = [
  'How it was measured: heap snapshots of the compiled gateway as `awx-graphql start` runs it (`--heapsnapshot-signal`),',
  'self and retained sizes per constructor, per package and per subscriber; each change checked by the live heap after a',
  'full GC forced through the inspector and by RSS, on fresh processes.',
  '',
  '- **Modules loaded for nothing** (idle live heap 24.9 -> 23.4 MB, RSS idle 117 -> 110 MB, with the two below it):',
  '  undici\'s package entry loads fetch, WebSocket, caches, mocks and Node\'s own undici (1.8 MB) where the gateway uses',
  '  its pool and its header parser; graphql-jit loads fast-json-stringify and ajv (1.4 MB) for a serializer it never uses here;',
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
  '- **Measured, not kept: Maglev on Node 24, and a smaller young generation.** Node 24 spends more CPU than Node 20 in',
  '  the Node lines since they run as production runs them, Maglev off. With it on (the same flags otherwise, 6 alternating',
  '  2 s runs under 10 connections): S1 CPU 1.06×, S2 0.96× of Maglev off, peak RSS under 50 connections 200 against 160',
  '  MB, so Maglev is not what Node 24 lost. Node 22 and 24 peak 151-162 MB under 50 connections with production\'s heap',
  '  flags against 138-142 MB on Node 20 (about 8 MB more of node\'s own code, the rest native allocations); semi-spaces',
  '  of 8 MB instead of 16 take 15-20 MB off every line, but under 50 connections cost 1.17× (Node 20) and 1.53× (Node',
  '  22) the CPU per S2 query and 1.06× and 1.38× per 200-job page: not kept.',
  '- **Measured, not kept: collecting garbage on the main thread alone.** V8 collects with helper threads, which on two',
  '  shared cores compete with the gateway and its neighbours. `--single-threaded-gc` against production\'s flags, two',
  '  settled processes alternating (3-4 passes of 200 sequential S2 queries and 4 paired 2 s runs under 10 connections,',
  '  each A/B run twice with the start order swapped): sequential CPU per query, the median of the passes, 0.80× and 0.88×',
  '  in a first pair of runs, 0.99× and 0.97× in a second on a quieter machine (passes 0.74-1.06×); peak RSS after 10 s',
  '  of S2 under 50 connections 150 / 168 / 218 MB on Node 20 / 22 / 24 against 136 / 152 / 155 MB. Its parts alone',
  '  (`--no-parallel-scavenge`, with or without `--no-concurrent-array-buffer-sweeping`; `--no-concurrent-sweeping`) were',
  '  within the noise of the swapped runs, and `--no-concurrent-marking` with `--no-parallel-marking` stops node at start',
  '  (a V8 check fails): none is kept.',
  '- **Left:** node\'s own code is 44 MB of RSS (file-backed), the young generation 32 MB under load. Bundling `dist` into',
  '  one file measured 4.9 MB less heap and about 25 MB less RSS in a prototype, and building the federation schema from',
  '  its printed SDL 2.6 MB less (federation-internals would not load): both change the build and start-up, not done yet.',
];
