/** Starting the gateway: reads configuration, starts the demo upstream when it is to be served, listens. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admitted } from './admission.js';
import { createAwxTransport } from './awx/transport.js';
import { ConfigError, loadConfig, type GatewayConfig } from './config.js';
import type { FakeAwx } from './demo/index.js';
import { createLogger } from './logger.js';
import { createGateway, liveOf } from './server.js';
import { exitGracefullyOnSignals } from './shutdown.js';
import { attachGraphqlWs } from './websocketServer.js';

interface Upstream {
  url: string;
  token?: string;
  demo?: FakeAwx;
}

/** The real controller when configured; otherwise (config.demo) the embedded demo, with its admin token for header-less callers. */
async function resolveUpstream(config: GatewayConfig): Promise<Upstream> {
  if (config.awxUrl || !config.demo) return { url: config.awxUrl!, token: config.awxToken };
  // Loaded only when used: a gateway in front of a real AWX never carries the demo's code and data.
  const { DEMO_CREDENTIALS, startFakeAwx } = await import('./demo/index.js');
  // Motion: the demo's unfinished jobs move a step every 2 s, so launches finish and subscriptions show progress.
  const demo = await startFakeAwx({ port: 0, host: '127.0.0.1', motion: { stepMs: 2_000 } });
  return { url: demo.url, token: config.awxToken ?? DEMO_CREDENTIALS.admin.token, demo };
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
  const upstream = await resolveUpstream(config);
  if (upstream.demo) {
    logger.info({ demoUpstream: upstream.demo.url }, 'AWX_URL is not set: serving the embedded demo AWX; callers without credentials act as its admin');
  } else {
    logger.info({ settingsFrom: config.sources }, `AWX at ${new URL(upstream.url).origin}`);
  }
  if (config.insecureTls) logger.warn(`${config.sources.tls ?? 'AWX_INSECURE_TLS'} turns TLS verification off: the AWX certificate is not verified`);
  const transport = createAwxTransport({
    url: upstream.url, apiPath: config.apiPath, timeoutMs: config.timeoutMs, caFile: config.caFile, insecureTls: config.insecureTls,
    ...config.resilience,
  });
  const gateway = createGateway({
    transport,
    logger,
    detailConcurrency: config.detailConcurrency,
    awxToken: upstream.token,
    awxBasic: upstream.demo ? undefined : config.awxBasic,
    graphiql: config.graphiql,
    introspection: config.introspection,
    limits: config.limits,
    metrics: config.metrics,
    readiness: { cacheMs: config.readinessCacheMs, timeoutMs: config.readinessTimeoutMs },
    allowedOrigins: config.corsOrigins,
    cache: config.cache,
    subscriptions: config.subscriptions,
  });
  // Queries beyond MAX_INFLIGHT_REQUESTS wait their turn, bounding memory under bursts (src/admission.ts).
  const server = createServer(admitted(gateway, { ...config.admission, endpoint: '/graphql' }).listener);
  const websocket = attachGraphqlWs(server, gateway, { allowedOrigins: config.corsOrigins, maxQueryBytes: config.limits.maxQueryBytes, logger });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info({ port, awx: upstream.demo ? 'demo' : new URL(upstream.url).origin }, `GraphQL and GraphiQL at http://localhost:${port}/graphql`);
  });
  exitGracefullyOnSignals(server, {
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    endStreams: () => {
      liveOf(gateway).endAll();
      return websocket.close();
    },
    // The pool closes only after the last response: in-flight requests still need it while they drain.
    release: (forced) => Promise.all([
      forced ? transport.dispatcher.destroy() : transport.dispatcher.close(), upstream.demo?.close(), gateway.dispose(),
    ]),
  });
}
