/**
 * What holds the failing targets back, from profiles of the compiled gateway (NODE_ENV=production). The
 * profile figures are from the session that wrote this file; re-profile with the commands given.
 */

/** The section's lines; the run's own CPU-per-query figures are quoted where they explain a target. */
export function analysisSection(cpu: { gatewayMs: number; batchingClientMs: number; s1: { gatewayMs: number; proxyMs: number } }): string[] {
  return [
    '## What holds targets back (profiles)',
    '',
    'How it was profiled: `node --cpu-prof dist/src/main.js` against the bench upstream, 500 sequential S2 queries',
    '(50 jobs), then inclusive time per frame; memory with `--trace-gc` (through a `--require` preload) under 50 connections.',
    '',
    `- **S2 p50 against the batching client.** Per query the gateway spends ${cpu.gatewayMs.toFixed(1)} ms of CPU and the`,
    `  batching client ${cpu.batchingClientMs.toFixed(1)} ms (both parse the same AWX bodies). The gateway's busy time was spread with no`,
    '  single hot spot: GraphQL execution over 50 jobs × 15 fields 11.5%, AWX calls through undici (request, socket writes)',
    '  about 10%, garbage collection 9.6%, writing HTTP answers and requests to sockets 12%, `JSON.parse` of AWX bodies 5.5%,',
    '  and Yoga\'s promise plumbing around it. The inline-trace plugin for supergraphs wraps every resolver (6.8% inclusive,',
    '  mostly the resolvers themselves). With 10 connections on 2 cores shared by the upstream, the gateway and the load',
    '  generator, p50 follows CPU per query, so the gap is the cost of being a GraphQL server at all, not of extra AWX calls:',
    '  the gateway makes fewer of those than the batching client.',
    '- **S4 request count.** It grows only with the jobs that carry more than ten labels (AWX embeds ten in `summary_fields`',
    '  and cannot batch `/labels/` by job); every other read is one request per resource type whatever the page size.',
    '- **Peak RSS.** After each full GC under 50 connections the live heap is 30–35 MB, but V8 lets old space grow to',
    '  about 125 MB between full GCs, and RSS carries about 90 MB outside the JS heap (code, 32 MB of new space, sockets,',
    '  buffers). Admission control (`MAX_INFLIGHT_REQUESTS`, default 4 per core) bounds what is live: before it the peak',
    '  was 290–310 MB. Capping V8\'s heap reaches the target at a CPU cost shown in the memory section; the default',
    '  stays uncapped because a cap that is too tight makes V8 collect continuously under bursts (we measured',
    '  `--max-old-space-size=64` at a quarter of the throughput), and the right cap depends on the queries a deployment serves.',
    `- **S1 p50 against the raw proxy.** Both answer in one AWX call, but per request the gateway spends ${cpu.s1.gatewayMs.toFixed(1)} ms of`,
    `  CPU and the proxy ${cpu.s1.proxyMs.toFixed(1)} ms. A profile of 3,000 sequential S1 queries puts the gateway's fixed cost in layers, none`,
    '  dominant: the Fetch-API adapter between Node\'s HTTP server and Yoga (reading the request, writing the response, about',
    '  10% for the response alone), Yoga\'s plugin pipeline and GraphQL execution, the AWX call through undici (about 9%,',
    '  its HTTP parser included), and the one JSON log line per request (pino, about 5%). Under 10 connections on 2 shared',
    '  cores that CPU turns into queueing, so p50 moves with it; the ratio varies between runs (0.94× to 1.36× here)',
    '  because the proxy\'s own p50 is 10–16 ms of mostly scheduling. GraphQL JIT compilation (`@envelop/graphql-jit`) was',
    '  tried on S2 and saved 5–10% of CPU per query, not enough to close the gap, so it was not adopted.',
  ];
}
