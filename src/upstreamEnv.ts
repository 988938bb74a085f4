/**
 * Where the upstream controller is and how to reach it, from the gateway's own `AWX_*` variables or the
 * names the awx.awx / ansible.controller collections read (`awx_collection/plugins/module_utils/controller_api.py`
 * AUTH_ARGSPEC and api_path()): CONTROLLER_* first, then the older TOWER_*. An `AWX_*` variable wins when both are set.
 */
import { normalizeApiPath } from './awx/apiLayout.js';
import { awxUrl, boolean, integer, type Env } from './envParsers.js';

/** The upstream part of the configuration. */
export interface UpstreamSettings {
  /** The controller's URL; undefined means "serve the embedded demo" (only when allowed: see `demoAllowed`). */
  awxUrl?: string;
  /** Service token for callers who send no credentials. */
  awxToken?: string;
  /** Service user and password (sent as Basic) for callers who send no credentials, when no token is set. */
  awxBasic?: { username: string; password: string };
  timeoutMs: number;
  insecureTls: boolean;
  /** The API path (`/api/`, `/api/controller/`) when set; discovered at start otherwise. */
  apiPath?: string;
  /** Which variable each setting came from, for the start-up log (names only, never values). */
  sources: Partial<Record<'url' | 'token' | 'basic' | 'tls' | 'timeout' | 'apiPath', string>>;
}

/** The first of `names` that is set (non-empty), with its value. */
function first(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return { name, value };
  }
  return undefined;
}

// Ansible's `boolean()` (module_utils/parsing/convert_bool.py), which the collections apply to *_VERIFY_SSL.
const ANSIBLE_TRUE = new Set(['y', 'yes', 'on', '1', 'true', 't']);
const ANSIBLE_FALSE = new Set(['n', 'no', 'off', '0', 'false', 'f']);

function ansibleBoolean(name: string, raw: string, problems: string[]): boolean {
  const value = raw.trim().toLowerCase();
  if (ANSIBLE_TRUE.has(value)) return true;
  if (!ANSIBLE_FALSE.has(value)) problems.push(`${name} must be a boolean such as true or false, got "${raw}"`);
  return false;
}

/** The URL: AWX_URL as given; CONTROLLER_HOST/TOWER_HOST get `https://` when they have no scheme, as the collections do. */
function url(env: Env, sources: UpstreamSettings['sources'], problems: string[]): string | undefined {
  if (env.AWX_URL) {
    sources.url = 'AWX_URL';
    return awxUrl(env.AWX_URL, problems, 'AWX_URL');
  }
  const host = first(env, ['CONTROLLER_HOST', 'TOWER_HOST']);
  if (!host) return undefined;
  sources.url = host.name;
  return awxUrl(/^https?:\/\//.test(host.value) ? host.value : `https://${host.value}`, problems, host.name);
}

function tls(env: Env, sources: UpstreamSettings['sources'], problems: string[]): boolean {
  if (env.AWX_INSECURE_TLS) {
    sources.tls = 'AWX_INSECURE_TLS';
    return boolean(env, 'AWX_INSECURE_TLS', problems);
  }
  const verify = first(env, ['CONTROLLER_VERIFY_SSL', 'TOWER_VERIFY_SSL']);
  if (!verify) return false;
  sources.tls = verify.name;
  return !ansibleBoolean(verify.name, verify.value, problems);
}

/** AWX_TIMEOUT_MS in milliseconds, else CONTROLLER_REQUEST_TIMEOUT in (possibly fractional) seconds; 10 s by default. */
function timeout(env: Env, sources: UpstreamSettings['sources'], problems: string[]): number {
  if (env.AWX_TIMEOUT_MS || !env.CONTROLLER_REQUEST_TIMEOUT) {
    if (env.AWX_TIMEOUT_MS) sources.timeout = 'AWX_TIMEOUT_MS';
    return integer(env, 'AWX_TIMEOUT_MS', 10_000, 100, 600_000, problems);
  }
  sources.timeout = 'CONTROLLER_REQUEST_TIMEOUT';
  const raw = env.CONTROLLER_REQUEST_TIMEOUT;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 0.1 && seconds <= 600)) problems.push(`CONTROLLER_REQUEST_TIMEOUT must be a number of seconds from 0.1 to 600, got "${raw}"`);
  return Math.round(seconds * 1000);
}

function apiPath(env: Env, sources: UpstreamSettings['sources'], problems: string[]): string | undefined {
  const raw = env.CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX;
  if (!raw) return undefined;
  sources.apiPath = 'CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX';
  const path = normalizeApiPath(raw);
  if (!/^(\/[A-Za-z0-9._~-]+)+\/$/.test(path)) {
    problems.push(`CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX must be a URL path such as /api/controller/, got "${raw}"`);
  }
  return path;
}

function credentials(env: Env, settings: UpstreamSettings, problems: string[]): void {
  const token = first(env, ['AWX_TOKEN', 'CONTROLLER_OAUTH_TOKEN', 'TOWER_OAUTH_TOKEN']);
  if (token) {
    settings.awxToken = token.value;
    settings.sources.token = token.name;
    return;
  }
  const username = first(env, ['CONTROLLER_USERNAME', 'TOWER_USERNAME']);
  const password = first(env, ['CONTROLLER_PASSWORD', 'TOWER_PASSWORD']);
  if (username && password) {
    settings.awxBasic = { username: username.value, password: password.value };
    settings.sources.basic = `${username.name}/${password.name}`;
  } else if (username || password) {
    problems.push(`${(username ?? password)!.name} is set without ${username ? 'CONTROLLER_PASSWORD' : 'CONTROLLER_USERNAME'}: set both, or CONTROLLER_OAUTH_TOKEN`);
  }
}

/** Reads the upstream settings; problems are appended naming each bad variable. */
export function upstreamSettings(env: Env, problems: string[]): UpstreamSettings {
  const sources: UpstreamSettings['sources'] = {};
  const settings: UpstreamSettings = {
    awxUrl: url(env, sources, problems),
    timeoutMs: timeout(env, sources, problems),
    insecureTls: tls(env, sources, problems),
    apiPath: apiPath(env, sources, problems),
    sources,
  };
  credentials(env, settings, problems);
  return settings;
}

/**
 * Whether the embedded demo may serve, checked so that a gateway meant for a real controller never falls back
 * to the demo (whose callers act as its admin) by accident: with NODE_ENV=production, or any CONTROLLER_* /
 * TOWER_* variable set, and no URL, it refuses unless DEMO=true says the demo is wanted.
 */
export function checkDemoChoice(env: Env, settings: UpstreamSettings, problems: string[]): boolean {
  const demo = env.DEMO ? boolean(env, 'DEMO', problems) : undefined;
  const missing = 'AWX_URL (or CONTROLLER_HOST / TOWER_HOST) is not set';
  if (settings.awxUrl) {
    if (demo === true) problems.push(`DEMO=true but ${settings.sources.url} is set: unset one of them`);
    return false;
  }
  if (demo === true) return true;
  if (demo === false) problems.push(`${missing} and DEMO=false: set AWX_URL to your controller`);
  const hints = Object.keys(env).filter((name) => /^(CONTROLLER|TOWER)_/.test(name) && env[name]).sort();
  if (demo === undefined && env.NODE_ENV === 'production') {
    problems.push(`${missing}, and NODE_ENV=production: refusing to serve the embedded demo AWX. Set AWX_URL, or DEMO=true to serve the demo anyway`);
  } else if (demo === undefined && hints.length > 0) {
    problems.push(`${missing}, but ${hints.join(', ')} ${hints.length > 1 ? 'are' : 'is'}: refusing to serve the embedded demo AWX. Set AWX_URL or CONTROLLER_HOST, or DEMO=true to serve the demo anyway`);
  }
  return true;
}
