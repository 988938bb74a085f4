/** Configuration is validated up front, with every problem named. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults: demo upstream, port 4000, 10 s timeout', () => {
    expect(loadConfig({})).toEqual({
      awxUrl: undefined,
      awxToken: undefined,
      timeoutMs: 10_000,
      caFile: undefined,
      insecureTls: false,
      host: undefined,
      port: 4000,
      logLevel: 'info',
      detailConcurrency: 8,
      graphiql: true,
      introspection: true,
    });
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
  });
});
