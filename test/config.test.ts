/** Configuration is validated up front, with every problem named. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { availableParallelism } from 'node:os';
import { defaultAdaptiveCeiling, defaultMaxInFlight } from '../src/admission.js';

describe('loadConfig', () => {
  it('has working defaults: demo upstream, port 4000, 10 s timeout', () => {
    expect(loadConfig({})).toEqual({
      awxUrl: undefined,
      demo: true,
      timeoutMs: 10_000,
      apiPath: undefined,
      sources: {},
      caFile: undefined,
      insecureTls: false,
      host: undefined,
      port: 4000,
      logLevel: 'info',
      detailConcurrency: 8,
      graphiql: true,
      introspection: true,
      metrics: true,
      readinessCacheMs: 2000,
      readinessTimeoutMs: 2000,
      corsOrigins: [],
      limits: { maxQueryBytes: 32_768, maxTokens: 1_000, maxDepth: 15, maxAliases: 30, maxDirectives: 50, maxCost: 20_000, maxAwxCalls: 250, maxInputDepth: 64 },
      resilience: { retries: 2, breakerFailures: 5, breakerFailureRate: 50, breakerWindowMs: 10_000, breakerCooldownMs: 10_000, maxConcurrency: 32, maxQueue: 1_024 },
      operationTimeoutMs: 15_000,
      shutdownTimeoutMs: 15_000,
      admission: { maxInFlight: defaultMaxInFlight(availableParallelism()), maxQueued: 1_024, adaptiveCeiling: defaultAdaptiveCeiling(availableParallelism()) },
      http: { allowedHosts: undefined, headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, maxBodyBytes: 1_048_576 },
      cache: { mode: 'off', ttlMs: 300_000, activeTtlMs: 0, maxEntries: 10_000, redisUrl: undefined, keySecret: undefined, redisPrefix: 'awx-graphql:' },
      subscriptions: { pollMs: 2_000, pollMaxMs: 30_000, maxWatchers: 500, maxWatchersPerCredential: 50, websocket: 'auto', redisUrl: undefined, keySecret: undefined, redisPrefix: 'awx-graphql:' },
      persisted: { apq: true, apqMaxEntries: 1_000, apqTtlMs: 86_400_000, documentsFile: undefined, documents: undefined, only: false, redisUrl: undefined, redisPrefix: 'awx-graphql:' },
      tracing: undefined,
    });
    expect(loadConfig({})).toHaveProperty('tracing', undefined);
  });

  it('switches tracing on only when asked: an exporter named, or an OTLP endpoint set', () => {
    for (const env of [{}, { OTEL_SERVICE_NAME: 'gw' }, { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }]) {
      expect(loadConfig(env).tracing, JSON.stringify(env)).toBeUndefined();
    }
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      serviceName: 'awx-graphql', resourceAttributes: {}, exporters: ['otlp'], sampler: 'parentbased_always_on', samplerRatio: 1,
      otlp: { url: 'http://collector:4318/v1/traces', protocol: 'http/protobuf', headers: {}, timeoutMs: 10_000 },
    });
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing?.otlp?.url).toBe('http://localhost:4318/v1/traces');
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console' }).tracing).toMatchObject({ exporters: ['console'], otlp: undefined });
  });

  it('reads the OTEL_* tracing settings, the traces-specific ones first', () => {
    expect(loadConfig({
      OTEL_TRACES_EXPORTER: 'otlp,console', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://general:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/in',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_HEADERS: 'x-key=a%20b,x-team=ops',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-team=traces', OTEL_EXPORTER_OTLP_TIMEOUT: '3000', OTEL_SERVICE_NAME: 'awx-graphql-eu',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod,service.name=ignored', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).tracing).toEqual({
      serviceName: 'awx-graphql-eu', resourceAttributes: { 'deployment.environment.name': 'prod', 'service.name': 'ignored' }, exporters: ['otlp', 'console'],
      otlp: { url: 'https://traces.example.com/in', protocol: 'http/json', headers: { 'x-key': 'a b', 'x-team': 'traces' }, timeoutMs: 3_000 },
      sampler: 'parentbased_traceidratio', samplerRatio: 0.25,
    });
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'console', OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource' }).tracing?.serviceName).toBe('from-resource');
  });

  it('names each bad OTEL_* variable, quoting no header value', () => {
    const bad = () => loadConfig({
      OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key', OTEL_TRACES_SAMPLER: 'jaeger_remote', OTEL_EXPORTER_OTLP_TIMEOUT: '0',
    });
    expect(bad).toThrowError(new RegExp([
      'OTEL_EXPORTER_OTLP_ENDPOINT must use http or https \\(OTLP over HTTP\\), got "grpc://collector:4317"',
      'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json \\(OTLP over HTTP, port 4318; grpc is not supported\\), got "grpc"',
      'OTEL_EXPORTER_OTLP_HEADERS must be comma-separated key=value pairs \\(values percent-encoded\\); an entry is not',
      'OTEL_EXPORTER_OTLP_TIMEOUT must be an integer from 1 to 600000, got "0"',
    ].join('[\\s\\S]*')));
    expect(bad).toThrowError(/OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, got "jaeger_remote"/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%zz-secret', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toThrowError(/^(?![\s\S]*secret)/);
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrowError(/OTEL_TRACES_EXPORTER must be otlp, console or none \(or otlp,console\), got "zipkin"/);
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'none,otlp' })).toThrowError(/OTEL_TRACES_EXPORTER cannot combine none with an exporter/);
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'console', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrowError(/OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 for traceidratio, got "1.5"/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://user:pw@c:4318/v1/traces' })).toThrowError(/OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must not contain credentials/);
    expect(() => loadConfig({ OTEL_SDK_DISABLED: 'maybe' })).toThrowError(/OTEL_SDK_DISABLED must be true or false/);
  });

  it('reads the persisted documents manifest at start, and names what is wrong with it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'awx-graphql-config-'));
    const file = (name: string, content: unknown) => {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    const job = 'query Job { workflowJob(id: 3) { id } }';
    const other = 'query Other { workflowJob(id: 4) { id } }';
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    // codegen's sha256: ids, older presets' bare hex, and a custom id (as with `hashAlgorithm: 'sha1'`)
    const good = file('good.json', { [`sha256:${hash(job)}`]: job, [hash(other)]: other, 'a1b2c3': '{ __typename }' });
    const persisted = loadConfig({ PERSISTED_DOCUMENTS_FILE: good, PERSISTED_DOCUMENTS_ONLY: 'true', APQ: 'false', REDIS_URL: 'redis://r:6379' }).persisted;
    expect(persisted).toMatchObject({ apq: false, only: true, documentsFile: good, redisUrl: 'redis://r:6379' });
    expect(persisted.documents).toEqual(new Map([[`sha256:${hash(job)}`, job], [`sha256:${hash(other)}`, other], ['a1b2c3', '{ __typename }']]));

    const problems = (path: string) => () => loadConfig({ PERSISTED_DOCUMENTS_FILE: path });
    expect(problems(join(folder, 'missing.json'))).toThrowError(/PERSISTED_DOCUMENTS_FILE ".*missing.json" cannot be read \(ENOENT\)/);
    expect(problems(file('text.json', 'query Job { id }'))).toThrowError(/text.json" is not JSON/);
    expect(problems(file('list.json', [job]))).toThrowError(/list.json" must be a JSON object of document ids to documents/);
    expect(problems(file('empty.json', {}))).toThrowError(/empty.json": holds no document/);
    expect(problems(file('bad.json', { [`sha256:${hash(job)}`]: other, x1: '{ workflowJob(id: 3) {', x2: 'type Foo { id: ID }', 'a b': job, x3: 7 }))).toThrowError(
      new RegExp([
        `"sha256:${hash(job)}" is not the SHA-256 of its document \\(sha256:${hash(other)}\\)`, '"x1" does not parse: Syntax Error',
        '"x2" must hold only operations and fragments \\(found ObjectTypeDefinition\\)', '"a b" is not a document id', '"x3" must map to a GraphQL document',
      ].join('[\\s\\S]*')),
    );
    expect(() => loadConfig({ PERSISTED_DOCUMENTS_ONLY: 'yes', APQ: 'maybe', APQ_MAX_ENTRIES: '0' })).toThrowError(
      /PERSISTED_DOCUMENTS_ONLY=true needs PERSISTED_DOCUMENTS_FILE[\s\S]*APQ must be true or false, got "maybe"[\s\S]*APQ_MAX_ENTRIES must be an integer from 1/,
    );
    rmSync(folder, { recursive: true });
  });

  it('reads the cache settings and names each bad one', () => {
    const env = { CACHE: 'redis', REDIS_URL: 'redis://cache:6379/1', CACHE_TTL_MS: '60000', CACHE_ACTIVE_TTL_MS: '5000', CACHE_KEY_SECRET: 'a-long-shared-secret' };
    expect(loadConfig(env).cache).toMatchObject({ mode: 'redis', redisUrl: 'redis://cache:6379/1', ttlMs: 60_000, activeTtlMs: 5_000, keySecret: 'a-long-shared-secret' });
    expect(() => loadConfig({ CACHE: 'disk', CACHE_TTL_MS: '0', CACHE_KEY_SECRET: 'short' })).toThrowError(
      /CACHE must be off, memory or redis, got "disk"[\s\S]*CACHE_KEY_SECRET must be at least 16[\s\S]*CACHE_TTL_MS must be an integer from 1/,
    );
    expect(() => loadConfig({ CACHE: 'redis' })).toThrowError(/CACHE=redis needs REDIS_URL/);
  });

  it('reads the admission settings: 0 turns the in-flight limit off', () => {
    expect(loadConfig({ MAX_INFLIGHT_REQUESTS: '0', MAX_QUEUED_REQUESTS: '10' }).admission).toEqual({ maxInFlight: 0, maxQueued: 10 });
    // An operator's figure is a fixed limit; left unset, the limit adapts between the defaults (src/adaptiveLimit.ts).
    expect(loadConfig({ MAX_INFLIGHT_REQUESTS: '12' }).admission).toEqual({ maxInFlight: 12, maxQueued: 1_024 });
    expect(loadConfig({}).admission).toEqual({ maxInFlight: defaultMaxInFlight(availableParallelism()), maxQueued: 1_024, adaptiveCeiling: defaultAdaptiveCeiling(availableParallelism()) });
    expect(() => loadConfig({ MAX_INFLIGHT_REQUESTS: '-1', MAX_QUEUED_REQUESTS: 'many' })).toThrowError(/MAX_INFLIGHT_REQUESTS[\s\S]*MAX_QUEUED_REQUESTS/);
  });

  it('reads how requests must arrive: ALLOWED_HOSTS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS, MAX_BODY_BYTES', () => {
    const env = { ALLOWED_HOSTS: ' GraphQL.example.com, .corp.example ,*', HEADERS_TIMEOUT_MS: '5000', BODY_TIMEOUT_MS: '2000', MAX_BODY_BYTES: '65536' };
    expect(loadConfig(env).http).toEqual({ allowedHosts: ['graphql.example.com', '.corp.example', '*'], headersTimeoutMs: 5_000, bodyTimeoutMs: 2_000, maxBodyBytes: 65_536 });
    expect(() => loadConfig({ ALLOWED_HOSTS: 'ok.example,host.example:4000,a b,http://x.example', BODY_TIMEOUT_MS: '0', MAX_BODY_BYTES: '1' })).toThrowError(
      /"host.example:4000"[\s\S]*"a b"[\s\S]*"http:\/\/x.example"[\s\S]*BODY_TIMEOUT_MS must be an integer from 100[\s\S]*MAX_BODY_BYTES must be an integer from 1024/,
    );
  });

  it('reads the subscription settings and names each bad one', () => {
    const env = { SUBSCRIPTION_POLL_MS: '500', SUBSCRIPTION_POLL_MAX_MS: '8000', SUBSCRIPTION_MAX_WATCHERS: '20', AWX_WEBSOCKET: 'OFF', REDIS_URL: 'redis://r:6379' };
    expect(loadConfig(env).subscriptions).toMatchObject({ pollMs: 500, pollMaxMs: 8_000, maxWatchers: 20, websocket: 'off', redisUrl: 'redis://r:6379' });
    expect(() => loadConfig({ AWX_WEBSOCKET: 'sometimes', SUBSCRIPTION_POLL_MS: '5000', SUBSCRIPTION_POLL_MAX_MS: '1000', SUBSCRIPTION_MAX_WATCHERS: '0' })).toThrowError(
      /AWX_WEBSOCKET must be auto or off, got "sometimes"[\s\S]*SUBSCRIPTION_POLL_MAX_MS \(1000\) must not be below SUBSCRIPTION_POLL_MS \(5000\)[\s\S]*SUBSCRIPTION_MAX_WATCHERS must be an integer from 1/,
    );
  });

  it('reads every variable', () => {
    const config = loadConfig({
      AWX_URL: 'https://awx.example.com/',
      AWX_TOKEN: 'svc',
      AWX_TIMEOUT_MS: '2500',
      AWX_INSECURE_TLS: 'true',
      HOST: '127.0.0.1',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      AWX_DETAIL_CONCURRENCY: '4',
      GRAPHIQL: 'false',
      INTROSPECTION: '0',
    });
    expect(config).toMatchObject({
      awxUrl: 'https://awx.example.com/', awxToken: 'svc', timeoutMs: 2500, insecureTls: true, port: 8080, detailConcurrency: 4,
      graphiql: false, introspection: false,
    });
  });

  it('names every bad variable at once', () => {
    const bad = () =>
      loadConfig({ AWX_URL: 'ftp://user:pw@awx', PORT: '99999', AWX_TIMEOUT_MS: 'soon', LOG_LEVEL: 'loud', AWX_INSECURE_TLS: 'maybe', AWX_CA_FILE: '/nope/ca.pem' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/AWX_URL must use http or https/);
    expect(bad).toThrow(/AWX_URL must not contain credentials/);
    expect(bad).toThrow(/PORT must be an integer from 0 to 65535, got "99999"/);
    expect(bad).toThrow(/AWX_TIMEOUT_MS/);
    expect(bad).toThrow(/LOG_LEVEL/);
    expect(bad).toThrow(/AWX_INSECURE_TLS/);
    expect(bad).toThrow(/AWX_CA_FILE/);
    expect(() => loadConfig({ AWX_URL: 'not a url' })).toThrow(/AWX_URL must be an absolute http\(s\) URL/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example.com, https://bad.example.com/path' })).toThrow(/CORS_ORIGINS entries must be origins/);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.com,http://localhost:3000' }).corsOrigins).toEqual(['https://a.example.com', 'http://localhost:3000']);
  });
});
