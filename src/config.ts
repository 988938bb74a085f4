/** Gateway configuration from environment variables, checked up front so a bad setting fails fast. */
import { accessSync, constants } from 'node:fs';

/** Everything the gateway needs to start. */
export interface GatewayConfig {
  /** AWX base URL; undefined means "serve the embedded demo upstream". */
  awxUrl?: string;
  /** Service token for callers who send no credentials (AWX_TOKEN). */
  awxToken?: string;
  timeoutMs: number;
  caFile?: string;
  insecureTls: boolean;
  host?: string;
  port: number;
  logLevel: string;
  detailConcurrency: number;
  /** Serve GraphiQL to browsers at /graphql (GRAPHIQL). */
  graphiql: boolean;
  /** Answer introspection queries (INTROSPECTION); GraphiQL needs it. */
  introspection: boolean;
}

/** A configuration problem, with every bad variable named. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function boolean(env: Env, name: string, problems: string[], fallback = false): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '') return fallback;
  if (['false', '0', 'no'].includes(raw)) return false;
  if (['true', '1', 'yes'].includes(raw)) return true;
  problems.push(`${name} must be true or false, got "${env[name]}"`);
  return false;
}

function awxUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`AWX_URL must be an absolute http(s) URL such as https://awx.example.com, got "${raw}"`);
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol)) problems.push('AWX_URL must use http or https');
  if (url.username || url.password) problems.push('AWX_URL must not contain credentials: callers send their own (or set AWX_TOKEN)');
  if (url.search || url.hash) problems.push('AWX_URL must not have a query string or fragment');
  return url.toString();
}

/** Reads and validates the configuration; throws ConfigError naming every problem at once. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const config: GatewayConfig = {
    awxUrl: awxUrl(env.AWX_URL, problems),
    awxToken: env.AWX_TOKEN || undefined,
    timeoutMs: integer(env, 'AWX_TIMEOUT_MS', 10_000, 100, 600_000, problems),
    caFile: env.AWX_CA_FILE || undefined,
    insecureTls: boolean(env, 'AWX_INSECURE_TLS', problems),
    host: env.HOST || undefined,
    port: integer(env, 'PORT', 4000, 0, 65_535, problems),
    logLevel: env.LOG_LEVEL || 'info',
    detailConcurrency: integer(env, 'AWX_DETAIL_CONCURRENCY', 8, 1, 64, problems),
    graphiql: boolean(env, 'GRAPHIQL', problems, true),
    introspection: boolean(env, 'INTROSPECTION', problems, true),
  };
  if (!LOG_LEVELS.includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${config.logLevel}"`);
  if (config.caFile) {
    try {
      accessSync(config.caFile, constants.R_OK);
    } catch {
      problems.push(`AWX_CA_FILE "${config.caFile}" cannot be read`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
