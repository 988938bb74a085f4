/** Spans reach an OTLP/HTTP receiver started here, from a gateway configured by the OTEL_* variables alone. */
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startTracing } from '../src/observability/index.js';
import { startTestGateway } from './gateway.js';
import { startMain } from './processes.js';

const TWO_CALLS = 'query TwoCalls { workflowJobs(first: 2) { nodes { id related { workflowNodes { nodes { identifier } } } } } }';
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${CALLER_TRACE}-b7ad6b7169203331-01`;

interface Export {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A collector's OTLP/HTTP receiver: takes every POST, answers 200 in the request's encoding, keeps what came. */
async function startReceiver() {
  const exports: Export[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      exports.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      const json = String(request.headers['content-type']).includes('json');
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, exports, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});
async function receiver() {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}

interface JsonSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}
/** The spans of OTLP/JSON exports, with their resource's `service.name`. */
function jsonSpans(exports: Export[]): { service: unknown; span: JsonSpan }[] {
  return exports.flatMap(({ body }) => JSON.parse(body.toString()).resourceSpans.flatMap((resourceSpans: any) => {
    const service = resourceSpans.resource.attributes.find((a: any) => a.key === 'service.name')?.value.stringValue;
    return resourceSpans.scopeSpans.flatMap((scope: any) => scope.spans.map((span: JsonSpan) => ({ service, span })));
  }));
}

/**
 * The environment that makes a gateway process list the OpenTelemetry modules it loaded (see
 * test/otel-modules.mjs), and a reader of that list once the process has exited.
 */
function moduleRecorder() {
  const file = join(mkdtempSync(join(tmpdir(), 'otel-modules-')), 'loaded.txt');
  const preload = fileURLToPath(new URL('./otel-modules.mjs', import.meta.url));
  return {
    env: { NODE_OPTIONS: `--import=${preload}`, OTEL_MODULES_FILE: file },
    packages: () => [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((path) => /@opentelemetry\/[^/]+/.exec(path)![0]))].sort(),
  };
}

async function query(base: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', traceparent: TRACEPARENT }, body: JSON.stringify({ query: TWO_CALLS }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

describe('OTLP/HTTP export', () => {
  it('sends the spans of `npm start` as OTLP/JSON with the configured headers, flushed on SIGTERM', async () => {
    const collector = await receiver();
    const modules = moduleRecorder();
    const { child, base, exited, output } = await startMain({
      ...modules.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-key=s3cret%20key',
      OTEL_SERVICE_NAME: 'awx-graphql-e2e',
      // Spans wait in the batch far longer than this test: only the flush at shutdown can send them.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    expect((await query(base)).errors).toBeUndefined();
    expect(collector.exports).toEqual([]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(collector.exports.map((e) => [e.path, e.headers['content-type'], e.headers['x-collector-key']])).toEqual([['/v1/traces', 'application/json', 's3cret key']]);
    const spans = jsonSpans(collector.exports);
    expect(spans.map(({ span }) => span.name).sort()).toEqual([
      'GET /api/v2/workflow_job_nodes/', 'GET /api/v2/workflow_jobs/', 'graphql.execute', 'graphql.parse', 'graphql.validate', 'query TwoCalls',
    ]);
    expect(new Set(spans.map(({ service, span }) => `${service} ${span.traceId}`))).toEqual(new Set([`awx-graphql-e2e ${CALLER_TRACE}`]));
    expect(output()).toContain('OpenTelemetry tracing on: otlp');
    expect(output()).not.toContain('s3cret');
    const requestLine = output().split('\n').find((line) => line.includes('"msg":"graphql request"'))!;
    expect(JSON.parse(requestLine)).toMatchObject({ traceId: CALLER_TRACE, upstreamCalls: 2 });
    // JSON was asked for: the protobuf exporter stays unloaded.
    expect(modules.packages()).toEqual(expect.arrayContaining(['@opentelemetry/api', '@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/sdk-trace-base']));
    expect(modules.packages()).not.toContain('@opentelemetry/exporter-trace-otlp-proto');
  }, 30_000);

  it('loads no OpenTelemetry module when tracing is off, even for a caller that sends a traceparent', async () => {
    const collector = await receiver();
    const modules = moduleRecorder();
    // Only settings that switch nothing on: a service name, and an endpoint with the exporter set to none.
    const { child, base, exited, output } = await startMain({
      ...modules.env, OTEL_SERVICE_NAME: 'awx-graphql-off', OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    });
    expect((await query(base)).errors).toBeUndefined();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The API alone (no-op without an SDK) is prom-client's own dependency, loaded for its process metrics' exemplars.
    expect(modules.packages()).toEqual(['@opentelemetry/api']);
    expect(collector.exports).toEqual([]);
    expect(output()).not.toContain('OpenTelemetry');
    expect(output()).not.toContain('traceId');
  }, 30_000);

  it('sends OTLP/protobuf by default to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given', async () => {
    const collector = await receiver();
    const config = loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/custom/traces` });
    const gw = await startTestGateway({ tracing: await startTracing(config.tracing!, createLogger('silent')) });
    try {
      expect((await gw.gql(TWO_CALLS, {}, undefined, { traceparent: TRACEPARENT })).body.errors).toBeUndefined();
    } finally {
      await gw.close();
    }
    expect(collector.exports.map((e) => [e.path, e.headers['content-type']])).toEqual([['/custom/traces', 'application/x-protobuf']]);
    // Protobuf keeps strings and ids as raw bytes: the names and the caller's trace id are there as they are.
    const body = collector.exports[0]!.body;
    for (const name of ['query TwoCalls', 'graphql.execute', 'GET /api/v2/workflow_jobs/', 'awx-graphql']) expect(body.includes(name), name).toBe(true);
    expect(body.includes(Buffer.from(CALLER_TRACE, 'hex'))).toBe(true);
  }, 30_000);

  it('keeps answering when the collector is down, stops cleanly, and logs the spans it could not export', async () => {
    const gone = await startReceiver();
    await gone.close();
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const config = loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: gone.url, OTEL_EXPORTER_OTLP_TIMEOUT: '2000' });
    const gw = await startTestGateway({ tracing: await startTracing(config.tracing!, logger) });
    try {
      expect((await gw.gql(TWO_CALLS)).body.errors).toBeUndefined();
    } finally {
      await gw.close();
    }
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ component: 'opentelemetry', level: 40, error: expect.stringContaining('ECONNREFUSED') }));
  }, 30_000);
});
