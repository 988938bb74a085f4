/** Where the gaps the targets measure still sit, from the profiles after the changes (bench/analysis.ts prints it). */
import type { CpuReport } from './cpu.js';

/** Where the gaps still sit: what the gateway spends beyond the baselines, and what would move each target back. */
export function holding(cpu: CpuReport): string[] {
  return [
    `- **Cost per item when AWX's answers change** (S2: ${cpu.gatewayMs.toFixed(1)} ms against ${cpu.batchingClientMs.toFixed(1)} ms, ${cpu.s2Ratio.toFixed(2)}× pass by pass, in this run). The bench's`,
    '  AWX sends the same bytes for the same read, so the gateway parses each of its answers once (see above); the',
    '  batching client parses every one. When AWX\'s answers change at every read (jobs running between a dashboard\'s',
    '  refreshes), the feature-cost table\'s repeatAnswers row is the difference, and S2 costs about what it did before',
    '  this change: 1.7× the client\'s CPU per sequential query. Then `JSON.parse` of AWX\'s bodies is',
    '  the largest single cost (18% of S2, 15% of the 200-job page, and their UTF-8 decoding 2-8% more; the client pays',
    '  them as much), garbage collection 10% on the 200-job page, serializing the answer 3-6%, and the compiled query\'s',
    '  execution with the resolvers\' promises most of the rest. That remainder is being a GraphQL server at all: the',
    '  client builds its plain objects in one pass with no schema, no per-field resolvers, no HTTP server and no answer to',
    '  serialize. The related objects read by id weigh most: the 50-job page with only what summaries answer (no template',
    '  `modified`, no creator `email`) cost 0.6× the CPU per query of the full page under load (8 alternating rounds).',
    '- **Where S2\'s gap sits** (a decomposition with this file\'s meters, 300 sequential queries each, two passes: the',
    '  gateway answering `{ __typename }` spent 0.95 ms of CPU, the REST baselines\' process answering an empty request',
    '  0.2 ms). In the profile of `{ __typename }` the answer\'s socket write is 24% and the request line\'s write to',
    '  stdout 5% (both system calls), Yoga, whatwg-node and envelop 22%. What remains is the fixed cost of an HTTP',
    '  GraphQL request, about 0.6 ms more than the client\'s plain HTTP answer, plus execution and serialization.',
    `- **Fixed cost against plain Yoga and the raw proxy** (S1: gateway ${cpu.s1.gatewayMs.toFixed(2)} ms, plain Yoga ${cpu.s1.plainYogaMs.toFixed(2)} ms, proxy ${cpu.s1.proxyMs.toFixed(2)} ms`,
    '  per request in this run). With every measured feature off, the gateway costs about what plain Yoga does (see the',
    '  feature-cost table): the difference is the features together, none dominant, and the AWX client\'s deadline,',
    '  breaker, limiter and retry around the one call plain Yoga makes bare. Against the proxy the gap is Yoga itself:',
    '  the Fetch-API adapter between Node\'s server and Yoga (a Request and a Response per request), the plugin pipeline,',
    '  and parse/validate/execute. Under 10 connections on 2 cores shared with the upstream and the load generator, this',
    '  CPU turns into queueing, so p50 and throughput follow it: S1\'s share of the proxy\'s throughput has measured',
    '  85-97% in runs of the same build, the target\'s 85% at the low end.',
    '- **The 200-job page under load: what is in flight against the young generation.** Ten 200-job queries each held',
    '  their own parsed AWX page (about 400 KB of JSON), more than Node 20\'s 16 MB semi-space: scavenges copied them,',
    '  then promoted them to old space, whose collections are dearer (2.4-2.5× the client\'s CPU per page under load).',
    '  A repeated page is now one frozen document in old space shared by every query reading it, so only answers that',
    '  changed are young. With every answer parsed, the same build spent 0.79× the CPU per query with',
    '  `--max-semi-space-size=32` and 0.65× with 64 (alternating 3 s rounds); the production command sizes a 512 MB',
    '  budget\'s semi-space at 16 MB (src/heap.ts) for the memory target\'s 150 MB, so that stays the lever for an AWX',
    '  whose pages keep changing.',
  ];
}
