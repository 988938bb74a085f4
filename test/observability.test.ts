/** Observability: /readiness over AWX's ping, Prometheus /metrics, request ids on every log line, redaction. */
import { Writable } from 'node:stream';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwxTransport } from '../src/awx/transport.js';
import { loadConfig } from '../src/config.js';
import { DEMO_CREDENTIALS } from '@awx-graphql/demo-awx';
import { createLogger, MAX_LOGGED_STRING } from '../src/logger.js';
import { createObservability } from '../src/observability/index.js';
import { createOperationLabeler, resourceLabel } from '../src/observability/labels.js';
import { createGatewayMetrics } from '../src/observability/metrics.js';
import { ADMIN, startTestGateway, type TestGateway } from './gateway.js';

const isPing = (r: { pathname: string }) => r.pathname === '/api/v2/ping/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let gw: TestGateway;
let origin: string;
beforeAll(async () => {
  gw = await startTestGateway({ readiness: { cacheMs: 0, timeoutMs: 300 } });
  origin = new URL(gw.url).origin;
});
afterAll(() => gw.close());
beforeEach(() => {
  gw.demo.clearRequests();
  gw.demo.clearFaults();
  gw.logs.length = 0;
});

const probe = async (base: string, path: string) => {
  const response = await fetch(base + path);
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const logLines = () => gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('/readiness and /health', () => {
  it('is ready when AWX answers its ping, asked without credentials', async () => {
    const { status, text } = await probe(origin, '/readiness');
    expect({ status, body: JSON.parse(text) }).toEqual({ status: 200, body: { status: 'ready' } });
    expect(gw.demo.requests.map((r) => [r.path, r.authorization])).toEqual([['/api/v2/ping/', undefined]]);
  });

  it('answers 503 with a reason naming no upstream URL when the ping fails', async () => {
    const port = new URL(gw.demo.url).port;
    const cases = [
      [{ type: 'status', status: 503, body: { detail: `maintenance at ${gw.demo.url}` } }, 'AWX answered the ping with HTTP 503'],
      [{ type: 'reset' }, expect.stringMatching(/^AWX is unreachable \(connection (reset|closed)\)$/)],
      [{ type: 'hang' }, 'AWX did not answer the ping in time'],
    ] as const;
    for (const [fault, reason] of cases) {
      gw.demo.clearFaults();
      gw.demo.addFault({ fault, match: isPing });
      const { status, text } = await probe(origin, '/readiness');
      expect({ status, body: JSON.parse(text) }).toEqual({ status: 503, body: { status: 'unavailable', reason } });
      expect(text).not.toContain(port);
    }
  });

  it('keeps /health a pure liveness check that never calls AWX', async () => {
    gw.demo.addFault({ fault: { type: 'status', status: 503 } });
    expect((await probe(origin, '/health')).status).toBe(200);
    expect(gw.demo.requests).toEqual([]);
  });

  it('pings AWX once for many probes within the cache period, then again after it', async () => {
    const cached = await startTestGateway({ readiness: { cacheMs: 150 } });
    try {
      const base = new URL(cached.url).origin;
      const first = await Promise.all([1, 2, 3].map(() => probe(base, '/readiness')));
      first.push(await probe(base, '/readiness'), await probe(base, '/readiness'));
      expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(cached.demo.requests.filter(isPing)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await probe(base, '/readiness');
      expect(cached.demo.requests.filter(isPing)).toHaveLength(2);
    } finally {
      await cached.close();
    }
  });

  it('logs probes at debug level only', async () => {
    await Promise.all(['/health', '/readiness', '/metrics'].map((path) => probe(origin, path)));
    expect(gw.logs).toEqual([]);
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with request, upstream and loader series labelled without ids or tokens', async () => {
    const jobs = `query DashboardPage { workflowJobs(first: 5) { nodes { id related { workflowJobTemplate { name modified } } } } }`;
    expect((await gw.gql(jobs)).body.errors).toBeUndefined();
    await gw.gql('{ workflowJob(id: 1) { id name } }');
    await gw.gql('query Broken { nope }');
    const { status, headers, text } = await probe(origin, '/metrics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^awx_graphql_requests_total\{operation="DashboardPage",outcome="success"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_requests_total\{operation="anonymous",outcome="success"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_requests_total\{operation="Broken",outcome="error"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_request_duration_seconds_count\{operation="DashboardPage",outcome="success"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_upstream_requests_total\{resource="workflow_jobs",status="200"\} [1-9]/m);
    expect(text).toMatch(/^awx_graphql_upstream_request_duration_seconds_bucket\{le="\+Inf",resource="workflow_jobs",status="200"\} [1-9]/m);
    expect(text).toMatch(/^awx_graphql_loader_batch_size_count\{loader="workflow_job_templates"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_loader_batch_size_sum\{loader="workflow_job_templates"\} [1-5]$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    const values = [...text.matchAll(/^awx_graphql_\w+\{([^}]*)\}/gm)].flatMap((m) => [...m[1]!.matchAll(/(\w+)="([^"]*)"/g)]);
    for (const [, name, value] of values) {
      if (name === 'le') continue;
      expect(value).toMatch(/^(?:[A-Za-z_]+|[1-5]\d\d)$/);
    }
    expect(text).not.toContain(DEMO_CREDENTIALS.admin.token);
  });

  it('labels upstream failures by error code and counts partial answers', async () => {
    gw.demo.addFault({ fault: { type: 'reset' }, match: (r) => r.pathname === '/api/v2/workflow_job_templates/' });
    const { body } = await gw.gql('query Partial { workflowJobs(first: 2) { nodes { id related { workflowJobTemplate { name modified } } } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const { text } = await probe(origin, '/metrics');
    // A reset is retried, so one read may count several calls.
    expect(text).toMatch(/^awx_graphql_upstream_requests_total\{resource="workflow_job_templates",status="UPSTREAM_UNAVAILABLE"\} [1-9]$/m);
    expect(text).toMatch(/^awx_graphql_requests_total\{operation="Partial",outcome="partial"\} 1$/m);
  });

  it('keeps each gateway in its own registry, and serves nothing when METRICS is off', async () => {
    const off = await startTestGateway({ metrics: false });
    try {
      await off.gql('query Elsewhere { workflowJob(id: 1) { id } }');
      expect((await probe(new URL(off.url).origin, '/metrics')).status).toBe(404);
      expect((await probe(origin, '/metrics')).text).not.toContain('Elsewhere');
    } finally {
      await off.close();
    }
  });

  it('caps operation-name cardinality and reads only the collection from upstream paths', () => {
    const label = createOperationLabeler(2);
    expect([label(undefined), label('A'), label('B'), label('C'), label('A'), label('x y'), label('L'.repeat(300))]).toEqual([
      'anonymous', 'A', 'B', 'other', 'A', 'invalid', 'other',
    ]);
    expect(createOperationLabeler()('L'.repeat(300))).toBe('L'.repeat(64));
    expect(resourceLabel('/prefix/api/v2/workflow_jobs/17/labels/?page=2')).toBe('workflow_jobs');
    expect(resourceLabel('/api/v2/ping/')).toBe('ping');
    expect(resourceLabel('/elsewhere/17/')).toBe('other');
  });

  it('exports the circuit breaker state once there is one', async () => {
    const metrics = createGatewayMetrics();
    expect(await metrics.registry.metrics()).not.toMatch(/^awx_graphql_circuit_breaker_state\{/m);
    metrics.setBreakerState('half-open');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^awx_graphql_circuit_breaker_state\{state="half_open"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_circuit_breaker_state\{state="open"\} 0$/m);
    let state = 'open';
    metrics.watchUpstream(() => ({ breaker: state, inFlight: 3, queued: 1 }));
    expect(await metrics.registry.metrics()).toMatch(/^awx_graphql_circuit_breaker_state\{state="open"\} 1$/m);
    state = 'closed';
    const last = await metrics.registry.metrics();
    expect(last).toMatch(/^awx_graphql_circuit_breaker_state\{state="closed"\} 1$/m);
    expect(last).toMatch(/^awx_graphql_upstream_in_flight 3$/m);
    expect(last).toMatch(/^awx_graphql_upstream_queued 1$/m);
  });

  it("reads the transport's breaker and limiter", async () => {
    const { text } = await probe(origin, '/metrics');
    expect(text).toMatch(/^awx_graphql_circuit_breaker_state\{state="closed"\} 1$/m);
    expect(text).toMatch(/^awx_graphql_upstream_in_flight 0$/m);
    expect(text).toMatch(/^awx_graphql_upstream_queued 0$/m);
  });
});

describe('request ids', () => {
  const query = '{ workflowJobs(first: 1) { totalCount } }';
  const post = (headers: Record<string, string>) =>
    fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: ADMIN, ...headers }, body: JSON.stringify({ query }) });

  it('returns the client id and writes it on every log line of the request, upstream failures included', async () => {
    // A 500 is retried once, so the read is two calls and two warnings, each with the request's id.
    gw.demo.addFault({ fault: { type: 'status', status: 500 } });
    const response = await post({ 'x-request-id': 'dash-7.a:b' });
    await response.text();
    expect(response.headers.get('x-request-id')).toBe('dash-7.a:b');
    expect(gw.demo.requests[0]!.headers['x-request-id']).toBe('dash-7.a:b');
    const lines = logLines();
    expect(lines.map((l) => l.msg)).toEqual(['AWX call failed', 'AWX call failed', 'graphql request']);
    expect(gw.demo.requests.every((r) => r.headers['x-request-id'] === 'dash-7.a:b')).toBe(true);
    expect(lines.every((l) => l.requestId === 'dash-7.a:b')).toBe(true);
    expect(lines[0]).toMatchObject({ level: 40, upstream: { method: 'GET', status: 500 } });
  });

  it('generates an id when the client sends none or one that is not plain', async () => {
    for (const headers of [{}, { 'x-request-id': 'has spaces and \u00e9' }] as Record<string, string>[]) {
      gw.logs.length = 0;
      const response = await post(headers);
      await response.text();
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(gw.demo.requests.at(-1)!.headers['x-request-id']).toBe(id);
      expect(logLines()).toEqual([expect.objectContaining({ requestId: id, msg: 'graphql request' })]);
    }
    expect((await probe(origin, '/health')).headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('request ids on error lines', () => {
  it('writes the request id on the line of an unexpected error', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const transport = createAwxTransport({ url: 'http://127.0.0.1:9', timeoutMs: 1_000 });
    const { plugins } = createObservability({ logger, transport, graphqlEndpoint: '/graphql' });
    const schema = createSchema({ typeDefs: 'type Query { boom: Int }', resolvers: { Query: { boom: () => { throw new Error('defect'); } } } });
    const yoga = createYoga({ schema, plugins, logging: false });
    const response = await yoga.fetch('http://gateway/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'err-1' }, body: JSON.stringify({ query: 'query Q { boom }' }),
    });
    await response.text();
    await transport.dispatcher.close();
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ msg: 'unexpected error', requestId: 'err-1', level: 50 }),
      expect.objectContaining({ msg: 'graphql request', requestId: 'err-1', operationName: 'Q' }),
    ]);
  });
});

describe('client text in logs', () => {
  it('cuts every string a client sent to a bounded length (MAX_LOGGED_STRING), whatever its size', async () => {
    // just under MAX_BODY_BYTES (1 MiB): the largest string a request can carry in
    const name = `Op${'a'.repeat(1_000_000)}`;
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ADMIN },
      body: JSON.stringify({ query: '{ __typename }', operationName: name }),
    });
    expect(response.status).toBe(400);
    await response.text();
    const line = logLines().find((l) => l.msg === 'graphql request')!;
    expect(String(line.operationName).length).toBeLessThanOrEqual(MAX_LOGGED_STRING + 40);
    expect(String(line.operationName)).toMatch(/^Opa+…\[\d+ more characters\]$/);
    expect(gw.logs.every((raw) => raw.length < 16_384)).toBe(true);
  });
});

describe('secrets in logs', () => {
  it('never writes Authorization, cookies or tokens, even on failing requests', async () => {
    gw.demo.addFault({ fault: { type: 'reset' } });
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: ADMIN, cookie: 'sessionid=COOKIE-SECRET', 'x-api-key': 'KEY-SECRET' },
      body: JSON.stringify({ query: '{ workflowJobs(first: 1) { totalCount } }' }),
    });
    await response.text();
    const text = gw.logs.join('');
    expect(gw.logs.length).toBeGreaterThanOrEqual(2);
    for (const secret of [DEMO_CREDENTIALS.admin.token, 'COOKIE-SECRET', 'KEY-SECRET']) expect(text).not.toContain(secret);
  });

  it('redacts credential fields and headers wherever a log line carries them', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    log.child({ requestId: 'r1' }).warn({
      headers: { authorization: 'Bearer H1', cookie: 'c=H2', 'set-cookie': 'c=H3', 'x-api-key': 'H4' },
      config: { awxToken: 'H5' },
      token: 'H6',
      err: { response: { headers: { Authorization: 'Basic H7' } } },
    }, 'carrying secrets');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"requestId":"r1"');
    expect(lines[0]).not.toMatch(/H[1-7]/);
  });
});

describe('configuration', () => {
  it('reads METRICS, READINESS_CACHE_MS and READINESS_TIMEOUT_MS', () => {
    expect(loadConfig({ METRICS: 'false', READINESS_CACHE_MS: '0', READINESS_TIMEOUT_MS: '500' })).toMatchObject({
      metrics: false, readinessCacheMs: 0, readinessTimeoutMs: 500,
    });
    expect(() => loadConfig({ READINESS_TIMEOUT_MS: '10', METRICS: 'perhaps' })).toThrow(/READINESS_TIMEOUT_MS[\s\S]*METRICS|METRICS[\s\S]*READINESS_TIMEOUT_MS/);
  });
});
