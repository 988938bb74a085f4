/**
 * The OpenTelemetry SDK as the OTEL_* variables configure it: a tracer provider with the gateway's resource,
 * the sampler, and a processor per exporter (OTLP/HTTP batched, console span by span). Imported only when
 * tracing is on.
 */
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler, AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, ParentBasedSampler, SimpleSpanProcessor,
  TraceIdRatioBasedSampler, type Sampler, type SpanExporter, type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import type { TracingConfig } from './config.js';
import { createTracing } from './create.js';
import type { Tracing } from './index.js';

/** The name the gateway's spans are made under (the instrumentation scope). */
export const TRACER_NAME = 'awx-graphql';

/** The sampler OTEL_TRACES_SAMPLER names. */
export function samplerFor(config: Pick<TracingConfig, 'sampler' | 'samplerRatio'>): Sampler {
  const root = { always_on: new AlwaysOnSampler(), always_off: new AlwaysOffSampler(), traceidratio: new TraceIdRatioBasedSampler(config.samplerRatio) };
  switch (config.sampler) {
    case 'always_on':
    case 'always_off':
    case 'traceidratio':
      return root[config.sampler];
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: root.always_on });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: root.always_off });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: root.traceidratio });
  }
}

/** The OTLP/HTTP exporter of the configured protocol; only that one's package is loaded. */
async function otlpExporter(otlp: NonNullable<TracingConfig['otlp']>): Promise<SpanExporter> {
  const options = { url: otlp.url, headers: otlp.headers, timeoutMillis: otlp.timeoutMs };
  if (otlp.protocol === 'http/json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(options);
  return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter(options);
}

async function processors(config: TracingConfig): Promise<SpanProcessor[]> {
  const list: SpanProcessor[] = [];
  // Batched: spans are sent every few seconds (OTEL_BSP_* tune it), off the request's path.
  if (config.otlp) list.push(new BatchSpanProcessor(await otlpExporter(config.otlp)));
  if (config.exporters.includes('console')) list.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  return list;
}

/**
 * The SDK's own diagnostics (a failed export, a dropped span) as warning lines of the gateway's log: a
 * collector that is down is an operator's concern, not a defect of the gateway.
 */
function diagLogger(logger: Logger): DiagLogger {
  const log = logger.child({ component: 'opentelemetry' });
  const line = (level: 'warn' | 'info' | 'debug') => (message: string, ...args: unknown[]) =>
    log[level]({ details: args.map((arg) => (arg instanceof Error ? arg.message : String(arg))) }, message);
  return { error: line('warn'), warn: line('warn'), info: line('info'), debug: line('debug'), verbose: line('debug') };
}

/** Starts the SDK as configured; its `shutdown` exports what is left and stops. */
export async function startSdk(config: TracingConfig, logger: Logger): Promise<Tracing> {
  diag.setLogger(diagLogger(logger), { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ ...config.resourceAttributes, [ATTR_SERVICE_NAME]: config.serviceName }),
    sampler: samplerFor(config),
    spanProcessors: await processors(config),
  });
  // A collector that is down costs the last spans, never a clean stop.
  const shutdown = () => provider.shutdown().catch((error: unknown) => {
    logger.warn({ component: 'opentelemetry', error: error instanceof Error ? error.message : String(error) }, 'the last spans could not be exported');
  });
  return createTracing(provider.getTracer(TRACER_NAME), shutdown);
}
