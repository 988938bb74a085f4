/** The features the feature-cost table switches off one at a time (BENCH_WITHOUT of bench/gatewayVariant.ts). */

/**
 * The gateway's measured features (src/server.ts `without`), plus the two a setting turns off (metrics and
 * admission) and the AWX transport's recognition of repeated answers (src/awx/repeatAnswers.ts).
 */
export const FEATURES = ['limits', 'requestLog', 'csrf', 'federationTrace', 'persisted', 'metrics', 'admission', 'repeatAnswers'] as const;

/** One feature the benchmark may switch off. */
export type Feature = (typeof FEATURES)[number];
