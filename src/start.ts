/** Starting the gateway: reads configuration, starts the demo upstream when it is to be served, listens. */
import { createApp, type AppOptions } from './app.js';
import { ConfigError, loadConfig, type GatewayConfig } from './config.js';
import type { DemoAwx } from '@awx-graphql/demo-awx';
import { describeHeapSetting, heapSetting, servesForStandIn } from './launch.js';
import type { Logger } from 'pino';
import { createLogger } from './logger.js';
import { startTracing, type Tracing } from './observability/index.js';
import { exitGracefullyOnSignals } from './shutdown.js';

/** A signal repeated this soon under the stand-in is one signal sent to both processes (src/launch.ts). */
const STAND_IN_REPEAT_MS = 1_000;

interface Upstream {
  url: string;
  token?: string;
  demo?: DemoAwx;
}

/** The real controller when configured; otherwise (config.demo) the embedded demo, with its admin token for header-less callers. */
async function resolveUpstream(config: GatewayConfig): Promise<Upstream> {
  if (config.awxUrl || !config.demo) return { url: config.awxUrl!, token: config.awxToken };
  // Loaded only when used: a gateway in front of a real AWX never carries the demo's code and data.
  const { DEMO_CREDENTIALS, startDemoAwx } = await import('@awx-graphql/demo-awx');
  // Motion: the demo's unfinished jobs move a step every 2 s, so launches finish and subscriptions show progress.
  // Its request log (kept for tests) is held to the last thousand: the demo may serve for days.
  const demo = await startDemoAwx({ port: 0, host: '127.0.0.1', motion: { stepMs: 2_000 }, maxRecordedRequests: 1_000 });
  return { url: demo.url, token: config.awxToken ?? DEMO_CREDENTIALS.admin.token, demo };
}

/** The AWX the gateway serves: the configured controller, or the embedded demo (with the token it serves callers). */
export type ServedUpstream = Pick<Upstream, 'url' | 'token'> & { demo?: unknown };

/**
 * The app's options from configuration, as `npm start` builds them (the benchmark's variants build theirs here
 * too, so they measure the gateway as it runs).
 */
export function appOptions(config: GatewayConfig, upstream: ServedUpstream, logger: Logger, tracing?: Tracing): AppOptions {
  return {
    upstream: {
      url: upstream.url, apiPath: config.apiPath, timeoutMs: config.timeoutMs, caFile: config.caFile, insecureTls: config.insecureTls,
      ...config.resilience,
    },
    logger,
    gateway: {
      detailConcurrency: config.detailConcurrency,
      awxToken: upstream.token,
      awxBasic: upstream.demo ? undefined : config.awxBasic,
      graphiql: config.graphiql,
      introspection: config.introspection,
      limits: config.limits,
      operationTimeoutMs: config.operationTimeoutMs,
      metrics: config.metrics,
      readiness: { cacheMs: config.readinessCacheMs, timeoutMs: config.readinessTimeoutMs },
      allowedOrigins: config.corsOrigins,
      cache: config.cache,
      subscriptions: config.subscriptions,
      persisted: config.persisted,
      tracing,
    },
    admission: config.admission,
    http: config.http,
  };
}

/** Runs the gateway until a signal stops it (`npm start`, `awx-graphql start`); exits 2 on a bad configuration. */
export async function startGateway(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`awx-graphql: ${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const heap = heapSetting();
  if (heap) logger.info({ heap: 'plan' in heap ? heap.plan : heap }, describeHeapSetting(heap));
  if (heap && 'plan' in heap && heap.plan.warning) logger.warn({ budgetMb: heap.plan.budget.mb }, heap.plan.warning);
  const upstream = await resolveUpstream(config);
  if (upstream.demo) {
    logger.info({ demoUpstream: upstream.demo.url }, 'AWX_URL is not set: serving the embedded demo AWX; callers without credentials act as its admin');
  } else {
    logger.info({ settingsFrom: config.sources }, `AWX at ${new URL(upstream.url).origin}`);
  }
  if (config.insecureTls) logger.warn(`${config.sources.tls ?? 'AWX_INSECURE_TLS'} turns TLS verification off: the AWX certificate is not verified`);
  const tracing = config.tracing && (await startTracing(config.tracing, logger));
  if (config.tracing) {
    // Where spans go and how many, never the exporter's headers (they may hold a collector's API key).
    const { exporters, otlp, sampler, samplerRatio, serviceName } = config.tracing;
    logger.info({ tracing: { exporters, endpoint: otlp?.url, protocol: otlp?.protocol, sampler, samplerRatio, serviceName } }, `OpenTelemetry tracing on: ${exporters.join(', ')}`);
  }
  const app = createApp(appOptions(config, upstream, logger, tracing || undefined));
  app.listen(config.port, config.host).catch((error: unknown) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });
  exitGracefullyOnSignals(app.server, {
    timeoutMs: config.shutdownTimeoutMs,
    repeatWindowMs: servesForStandIn() ? STAND_IN_REPEAT_MS : 0,
    logger,
    endStreams: app.endStreams,
    release: (forced) => Promise.all([app.release(forced), upstream.demo?.close()]),
  });
}
