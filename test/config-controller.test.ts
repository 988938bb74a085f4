/**
 * The awx.awx / ansible.controller collections' variable names (controller_api.py AUTH_ARGSPEC and api_path()),
 * read exactly as the collections read them, with the gateway's own AWX_* names winning; and no silent demo.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe("the collections' names", () => {
  it('reads CONTROLLER_* as the URL, token, TLS check, timeout and API path', () => {
    const config = loadConfig({
      CONTROLLER_HOST: 'https://aap.example.com', CONTROLLER_OAUTH_TOKEN: 'svc', CONTROLLER_VERIFY_SSL: 'false',
      CONTROLLER_REQUEST_TIMEOUT: '2.5', CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX: 'api/controller',
    });
    expect(config).toMatchObject({
      awxUrl: 'https://aap.example.com/', awxToken: 'svc', insecureTls: true, timeoutMs: 2_500, apiPath: '/api/controller/', demo: false,
      sources: { url: 'CONTROLLER_HOST', token: 'CONTROLLER_OAUTH_TOKEN', tls: 'CONTROLLER_VERIFY_SSL', timeout: 'CONTROLLER_REQUEST_TIMEOUT', apiPath: 'CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX' },
    });
  });

  it('falls back to TOWER_*, and adds https:// to a host without a scheme as the collections do', () => {
    const config = loadConfig({ TOWER_HOST: 'tower.example.com:8443', TOWER_OAUTH_TOKEN: 'old', TOWER_VERIFY_SSL: 'yes' });
    expect(config).toMatchObject({ awxUrl: 'https://tower.example.com:8443/', awxToken: 'old', insecureTls: false });
    expect(loadConfig({ CONTROLLER_HOST: 'http://awx.local', TOWER_HOST: 'https://ignored' }).awxUrl).toBe('http://awx.local/');
  });

  it('lets AWX_* win when both are set', () => {
    const config = loadConfig({
      AWX_URL: 'https://awx.example.com', CONTROLLER_HOST: 'https://other.example.com', AWX_TOKEN: 'mine', CONTROLLER_OAUTH_TOKEN: 'theirs',
      AWX_INSECURE_TLS: 'false', CONTROLLER_VERIFY_SSL: 'no', AWX_TIMEOUT_MS: '4000', CONTROLLER_REQUEST_TIMEOUT: '30',
    });
    expect(config).toMatchObject({ awxUrl: 'https://awx.example.com/', awxToken: 'mine', insecureTls: false, timeoutMs: 4_000 });
  });

  it.each([['y', false], ['On', false], ['T', false], ['1', false], ['n', true], ['OFF', true], ['f', true], ['0', true]])(
    'reads CONTROLLER_VERIFY_SSL=%s with Ansible boolean rules (insecure: %s)',
    (value, insecure) => expect(loadConfig({ CONTROLLER_HOST: 'https://a.example.com', CONTROLLER_VERIFY_SSL: value }).insecureTls).toBe(insecure),
  );

  it('reads CONTROLLER_USERNAME and CONTROLLER_PASSWORD as a service user when no token is set', () => {
    const env = { CONTROLLER_HOST: 'https://a.example.com', CONTROLLER_USERNAME: 'svc', CONTROLLER_PASSWORD: 'pw' };
    expect(loadConfig(env)).toMatchObject({ awxBasic: { username: 'svc', password: 'pw' }, sources: { basic: 'CONTROLLER_USERNAME/CONTROLLER_PASSWORD' } });
    expect(loadConfig(env).awxToken).toBeUndefined();
    const both = loadConfig({ ...env, CONTROLLER_OAUTH_TOKEN: 't' });
    expect([both.awxToken, both.awxBasic]).toEqual(['t', undefined]);
    expect(() => loadConfig({ CONTROLLER_HOST: 'https://a.example.com', CONTROLLER_USERNAME: 'svc' })).toThrow(/CONTROLLER_USERNAME is set without CONTROLLER_PASSWORD/);
  });

  it('names each bad value by the variable it came from', () => {
    const bad = () => loadConfig({ CONTROLLER_HOST: 'https://u:p@a.example.com', CONTROLLER_VERIFY_SSL: 'perhaps', CONTROLLER_REQUEST_TIMEOUT: 'soon', CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX: '/api/../x y' });
    expect(bad).toThrow(/CONTROLLER_HOST must not contain credentials/);
    expect(bad).toThrow(/CONTROLLER_VERIFY_SSL must be a boolean/);
    expect(bad).toThrow(/CONTROLLER_REQUEST_TIMEOUT must be a number of seconds/);
    expect(bad).toThrow(/CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX must be a URL path/);
  });
});

describe('never the demo by accident', () => {
  it('serves the demo when nothing is set, or when DEMO=true', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DEMO: 'true', NODE_ENV: 'production', CONTROLLER_OAUTH_TOKEN: 'x' }).demo).toBe(true);
  });

  it('refuses to start with NODE_ENV=production and no URL, naming the missing variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AWX_URL \(or CONTROLLER_HOST \/ TOWER_HOST\) is not set, and NODE_ENV=production: refusing to serve the embedded demo AWX/);
  });

  it('refuses to start when a CONTROLLER_* or TOWER_* variable is set but no URL', () => {
    expect(() => loadConfig({ CONTROLLER_OAUTH_TOKEN: 'x', TOWER_VERIFY_SSL: 'false' })).toThrow(
      /AWX_URL \(or CONTROLLER_HOST \/ TOWER_HOST\) is not set, but CONTROLLER_OAUTH_TOKEN, TOWER_VERIFY_SSL are: refusing/,
    );
  });

  it('refuses DEMO=true together with a URL, and DEMO=false without one', () => {
    expect(() => loadConfig({ DEMO: 'true', CONTROLLER_HOST: 'https://a.example.com' })).toThrow(/DEMO=true but CONTROLLER_HOST is set/);
    expect(() => loadConfig({ DEMO: 'false' })).toThrow(/is not set and DEMO=false/);
  });
});
