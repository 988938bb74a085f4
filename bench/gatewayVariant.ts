/**
 * The compiled gateway less one feature, for the feature-cost table (bench/features.ts): built from
 * `loadConfig()` exactly as src/start.ts builds it against a configured AWX_URL, with the feature named by
 * BENCH_WITHOUT left out (none when unset). Logs the same `"event":"listening"` line as the gateway.
 * The code run is the compiled `dist/src/` (typed against the sources it is compiled from).
 */
import type * as AppModule from '../src/app.js';
import type * as ConfigModule from '../src/config.js';
import type * as LoggerModule from '../src/logger.js';
import type * as ObservabilityModule from '../src/observability/index.js';
import type { MeasuredFeature } from '../src/server.js';
import type * as ShutdownModule from '../src/shutdown.js';
import type * as StartModule from '../src/start.js';
import { FEATURES, type Feature } from './featureNames.js';


// tsx (which loads this entry) turns source maps on; production's `node dist/src/main.js` runs without them.
process.setSourceMapsEnabled(false);

const without = process.env.BENCH_WITHOUT as Feature | undefined;
if (without && !FEATURES.includes(without)) throw new Error(`BENCH_WITHOUT must be one of ${FEATURES.join(', ')}, got ${without}`);
// Metrics have their own setting: turned off the way an operator would, through the configuration.
if (without === 'metrics') process.env.METRICS = 'false';

const compiled = (file: string) => new URL(`../dist/src/${file}`, import.meta.url).href;
const { createApp } = (await import(compiled('app.js'))) as typeof AppModule;
const { loadConfig } = (await import(compiled('config.js'))) as typeof ConfigModule;
const { createLogger } = (await import(compiled('logger.js'))) as typeof LoggerModule;
const { startTracing } = (await import(compiled('observability/index.js'))) as typeof ObservabilityModule;
const { exitGracefullyOnSignals } = (await import(compiled('shutdown.js'))) as typeof ShutdownModule;
const { appOptions } = (await import(compiled('start.js'))) as typeof StartModule;

const config = loadConfig();
if (!config.awxUrl) throw new Error('AWX_URL must be set for a gateway variant, got nothing');
const logger = createLogger(config.logLevel);
const tracing = config.tracing && (await startTracing(config.tracing, logger));
const measured = without && without !== 'metrics' && without !== 'admission' && without !== 'repeatAnswers' ? new Set<MeasuredFeature>([without]) : undefined;
// The options src/start.ts builds for a configured AWX, less the feature measured.
const options = appOptions(config, { url: config.awxUrl, token: config.awxToken }, logger, tracing || undefined);
const app = createApp({
  ...options,
  // Every AWX answer parsed, repeated or not: what the gateway spends when AWX's answers keep changing.
  upstream: without === 'repeatAnswers' ? { ...options.upstream, repeatAnswerBytes: 0 } : options.upstream,
  gateway: { ...options.gateway, without: measured },
  admission: without === 'admission' ? undefined : options.admission,
});
await app.listen(config.port, config.host);
exitGracefullyOnSignals(app.server, { timeoutMs: config.shutdownTimeoutMs, logger, endStreams: app.endStreams, release: (forced) => app.release(forced) });
