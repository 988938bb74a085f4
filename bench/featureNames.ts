/** The features the feature-cost table switches off one at a time (BENCH_WITHOUT of bench/gatewayVariant.ts). */

/** The gateway's measured features (src/server.ts `without`), plus the two a setting turns off: metrics and admission. */
export const FEATURES = ['limits', 'requestLog', 'csrf', 'federationTrace', 'persisted', 'metrics', 'admission'] as const;

/** One feature the benchmark may switch off. */
export type Feature = (typeof FEATURES)[number];
