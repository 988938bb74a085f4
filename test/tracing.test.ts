/** OpenTelemetry tracing, read from an in-memory exporter: the span tree of an operation, AWX calls, propagation, logs. */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTracing } from '../src/observability/tracing/create.js';
import { ADMIN, startTestGateway, type TestGateway } from './gateway.js';
import { sseSubscribe } from './live-clients.js';

const TWO_CALLS = 'query TwoCalls { workflowJobs(first: 2) { nodes { id related { workflowNodes { nodes { identifier } } } } } }';
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;
const isList = (r: { pathname: string }) => r.pathname === '/api/v2/workflow_jobs/';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ tracing: createTracing(provider.getTracer('test'), () => provider.forceFlush()), resilience: { retries: 2 } });
});
afterAll(() => gw.close());
beforeEach(() => {
  gw.demo.clearRequests();
  gw.demo.clearFaults();
  gw.logs.length = 0;
  exporter.reset();
});

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().filter((span) => span.name === name);
const only = (name: string): ReadableSpan => {
  const found = named(name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const traceparents = () => gw.demo.requests.map((r) => TRACEPARENT.exec(String(r.headers.traceparent))?.slice(1));

describe('spans of an operation', () => {
  it('has the operation span, its parse, validate and execute, and a client span per AWX call under execute', async () => {
    const { body } = await gw.gql(TWO_CALLS);
    expect(body.errors).toBeUndefined();
    const operation = only('query TwoCalls');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'TwoCalls', 'awx.calls': 2 });
    expect(operation.parentSpanContext).toBeUndefined();
    for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.execute']) expect(parentOf(only(phase)), phase).toBe(idOf(operation));
    const execute = only('graphql.execute');
    expect(spans().filter((span) => span.kind === SpanKind.CLIENT).map((span) => [span.name, parentOf(span), span.attributes, span.status.code])).toEqual([
      ['GET /api/v2/workflow_jobs/', idOf(execute), {
        'http.request.method': 'GET', 'url.path': '/api/v2/workflow_jobs/', 'url.template': '/api/v2/workflow_jobs/', 'url.query': 'order_by=id&page=1&page_size=2',
        'server.address': '127.0.0.1', 'server.port': Number(new URL(gw.demo.url).port), 'awx.resource': 'workflow_jobs', 'http.response.status_code': 200,
      }, SpanStatusCode.UNSET],
      ['GET /api/v2/workflow_job_nodes/', idOf(execute), expect.objectContaining({
        'awx.resource': 'workflow_job_nodes', 'http.response.status_code': 200, 'url.query': 'workflow_job__in=1%2C2&order_by=id&page=1&page_size=200',
      }), SpanStatusCode.UNSET],
    ]);
    // Each AWX request carries its own span as the parent of whatever AWX records.
    const awxSpans = spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(traceparents()).toEqual(awxSpans.map((span) => [operation.spanContext().traceId, idOf(span)]));
  });

  it('never puts the document, a variable, a filter value or a credential on a span', async () => {
    const query = 'query Secretive($name: String) { workflowJobs(first: 1, filter: { nameContains: $name }) { nodes { id name } } }';
    await gw.gql(query, { name: 'hunter2-search' });
    const dump = JSON.stringify(spans().map((span) => [span.name, span.attributes, span.status, span.events]));
    expect(dump).toContain('name__icontains=REDACTED');
    for (const secret of ['hunter2', 'nameContains', ADMIN, 'demo-admin-token']) expect(dump).not.toContain(secret);
  });

  it('names a span by the operation type alone when it has no name, and records a validation failure by its code', async () => {
    await gw.gql('{ workflowJobs(first: 1) { nodes { id } } }');
    expect(only('query').attributes).toEqual({ 'graphql.operation.type': 'query', 'awx.calls': 1 });
    exporter.reset();
    await gw.gql('query Bad { workflowJobs(first: 1) { nodes { noSuchField } } }');
    const operation = only('query Bad');
    expect([operation.status, operation.attributes['error.type']]).toEqual([{ code: SpanStatusCode.ERROR, message: 'GRAPHQL_VALIDATION_FAILED' }, 'GRAPHQL_VALIDATION_FAILED']);
    expect(only('graphql.validate').status.code).toBe(SpanStatusCode.ERROR);
    expect(named('graphql.execute')).toEqual([]);
  });

  it('records a failed AWX attempt and its retry, each a span of its own', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503 }, match: isList, times: 1 });
    const { body } = await gw.gql(TWO_CALLS);
    expect(body.errors).toBeUndefined();
    const attempts = named('GET /api/v2/workflow_jobs/');
    expect(attempts.map((span) => [span.attributes['http.response.status_code'], span.attributes['http.request.resend_count'], span.attributes['error.type'], span.status.code])).toEqual([
      [503, undefined, '503', SpanStatusCode.ERROR],
      [200, 1, undefined, SpanStatusCode.UNSET],
    ]);
    expect(attempts[0]!.attributes['awx.error_code']).toBe('UPSTREAM_ERROR');
    expect(only('query TwoCalls').status.code).toBe(SpanStatusCode.UNSET);
    expect(gw.demo.requests.filter(isList).map((r) => TRACEPARENT.exec(String(r.headers.traceparent))?.[2])).toEqual(attempts.map(idOf));
  });

  it('marks the operation failed with the code the caller got when AWX keeps failing', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 502 }, match: isList });
    const { body } = await gw.gql(TWO_CALLS);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    expect(named('GET /api/v2/workflow_jobs/').map((span) => span.attributes['http.request.resend_count'] ?? 0)).toEqual([0, 1, 2]);
    const operation = only('query TwoCalls');
    expect([operation.status, operation.attributes['error.type'], operation.attributes['awx.calls']]).toEqual([{ code: SpanStatusCode.ERROR, message: 'UPSTREAM_ERROR' }, 'UPSTREAM_ERROR', 3]);
    expect(only('graphql.execute').status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('trace context', () => {
  it('continues the caller\'s traceparent and tracestate, and passes them on to AWX', async () => {
    await gw.gql(TWO_CALLS, {}, ADMIN, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, tracestate: 'vendor=abc' });
    const operation = only('query TwoCalls');
    expect([operation.spanContext().traceId, parentOf(operation)]).toEqual([CALLER_TRACE, CALLER_SPAN]);
    expect(gw.demo.requests.map((r) => [TRACEPARENT.exec(String(r.headers.traceparent))?.[1], r.headers.tracestate])).toEqual([
      [CALLER_TRACE, 'vendor=abc'], [CALLER_TRACE, 'vendor=abc'],
    ]);
  });

  it('starts a new trace when the caller\'s traceparent is malformed', async () => {
    await gw.gql(TWO_CALLS, {}, ADMIN, { traceparent: `00-${CALLER_TRACE}-zz-01` });
    const operation = only('query TwoCalls');
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.spanContext().traceId).not.toBe(CALLER_TRACE);
    expect(traceparents().map((ids) => ids?.[0])).toEqual([operation.spanContext().traceId, operation.spanContext().traceId]);
  });

  it('records nothing for a caller that sampled its trace out, yet passes the trace on to AWX unsampled', async () => {
    await gw.gql(TWO_CALLS, {}, ADMIN, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    expect(spans()).toEqual([]);
    expect(gw.demo.requests.map((r) => String(r.headers.traceparent).replace(/-[0-9a-f]{16}-/, '-span-'))).toEqual([
      `00-${CALLER_TRACE}-span-00`, `00-${CALLER_TRACE}-span-00`,
    ]);
  });

  it('ends a subscription\'s span once it started; the watcher of its job, shared by its subscribers, is in no trace', async () => {
    const follow = 'subscription Follow($id: ID!) { workflowJobUpdated(id: $id) { id status related { workflowNodes { nodes { id } } } } }';
    const stream = sseSubscribe(gw.url, follow, { auth: ADMIN, variables: { id: '1' }, headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` } });
    try {
      expect((await stream.next())?.data?.workflowJobUpdated).toMatchObject({ id: '1' });
      const operation = only('subscription Follow');
      expect([operation.spanContext().traceId, operation.attributes['graphql.operation.type']]).toEqual([CALLER_TRACE, 'subscription']);
      expect(named('graphql.subscribe').map(parentOf)).toEqual([idOf(operation)]);
      expect(gw.upstreamPaths()).toContain('/api/v2/workflow_jobs/1/');
      expect([spans().filter((span) => span.kind === SpanKind.CLIENT), gw.demo.requests.map((r) => r.headers.traceparent)]).toEqual([[], gw.demo.requests.map(() => undefined)]);
    } finally {
      stream.close();
    }
  });

  it('continues the trace of a graphql-ws upgrade request, and writes it on the operation\'s log line', async () => {
    const headers = { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, 'x-request-id': 'ws-traced' };
    const client = createClient({
      url: gw.wsUrl, retryAttempts: 0, connectionParams: { authorization: ADMIN },
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols: string[]) {
          super(url, protocols, { headers });
        }
      },
    });
    try {
      const result = await new Promise((resolve, reject) => client.subscribe({ query: TWO_CALLS }, { next: resolve, error: reject, complete: () => {} }));
      expect(result).toMatchObject({ data: { workflowJobs: { nodes: expect.any(Array) } } });
    } finally {
      await client.dispose();
    }
    await expect.poll(() => named('query TwoCalls').length).toBe(1);
    const operation = only('query TwoCalls');
    expect([operation.spanContext().traceId, parentOf(operation), operation.attributes['awx.calls']]).toEqual([CALLER_TRACE, CALLER_SPAN, 2]);
    expect(named('graphql.execute').map(parentOf)).toEqual([idOf(operation)]);
    expect(traceparents().map((ids) => ids?.[0])).toEqual([CALLER_TRACE, CALLER_TRACE]);
    const wsLine = () => gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'graphql-ws operation');
    await expect.poll(wsLine).toBeDefined();
    expect(wsLine()).toMatchObject({ requestId: 'ws-traced', traceId: CALLER_TRACE, spanId: idOf(operation), upstreamCalls: 2 });
  });
});

describe('logs', () => {
  it('writes the trace id on every line of the request, the AWX failure warnings included', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503 }, match: isList, times: 1 });
    await gw.gql(TWO_CALLS, {}, ADMIN, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, 'x-request-id': 'traced-1' });
    const lines = gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.requestId === 'traced-1');
    expect(lines.map((line) => line.msg)).toEqual(['AWX call failed', 'graphql request']);
    expect(lines.map((line) => [line.traceId, line.spanId])).toEqual([[CALLER_TRACE, idOf(only('query TwoCalls'))], [CALLER_TRACE, idOf(only('query TwoCalls'))]]);
  });

  it('writes the caller\'s trace id on the line of a request refused before it became an operation', async () => {
    const response = await fetch(gw.url, {
      method: 'POST', body: '{"query": ', headers: { 'content-type': 'application/json', authorization: ADMIN, traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(response.status).toBe(400);
    const line = JSON.parse(gw.logs.find((text) => text.includes('"graphql request"'))!);
    expect(line).toMatchObject({ traceId: CALLER_TRACE, status: 400 });
    expect(spans()).toEqual([]);
  });
});

describe('tracing off (the default)', () => {
  let plain: TestGateway;
  beforeAll(async () => {
    plain = await startTestGateway();
  });
  afterAll(() => plain.close());

  it('sends no trace context to AWX, even when the caller sent one, and logs no trace id', async () => {
    const { body } = await plain.gql(TWO_CALLS, {}, ADMIN, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, tracestate: 'vendor=abc' });
    expect(body.errors).toBeUndefined();
    expect(plain.demo.requests.map((r) => [r.headers.traceparent, r.headers.tracestate])).toEqual([[undefined, undefined], [undefined, undefined]]);
    expect(plain.logs.join('')).not.toContain('traceId');
    expect(spans()).toEqual([]);
  });
});
