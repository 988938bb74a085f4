/** Check 1: the configuration loads, names a controller, and gives the pool and credential the later checks use. */
import { authorizationFor } from '../awx/credentials.js';
import { createAwxTransport } from '../awx/transport.js';
import { ConfigError, loadConfig, type GatewayConfig } from '../config.js';
import type { Check, CheckOutcome, DoctorContext, DoctorCredential } from './types.js';

/** The controller's URL as shown: origin and path, without a trailing slash (AWX_URL may not hold credentials). */
export function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The gateway's own credential (AWX_TOKEN / CONTROLLER_OAUTH_TOKEN, else CONTROLLER_USERNAME/PASSWORD), if any. */
function serviceCredential(config: GatewayConfig): DoctorCredential | undefined {
  const authorization = authorizationFor(config.awxToken, config.awxBasic);
  if (!authorization) return undefined;
  const source = config.awxToken ? `the token from ${config.sources.token}` : `the user from ${config.sources.basic}`;
  return { authorization, source, service: true };
}

function summary(config: GatewayConfig, url: URL): string {
  const parts = [`${shownUrl(url)} from ${config.sources.url}`];
  if (config.sources.token) parts.push(`token from ${config.sources.token}`);
  else if (config.sources.basic) parts.push(`user and password from ${config.sources.basic}`);
  else parts.push('no service credential');
  if (config.apiPath) parts.push(`API path ${config.apiPath} from ${config.sources.apiPath}`);
  if (config.caFile) parts.push('CA from AWX_CA_FILE');
  if (config.insecureTls) parts.push(`TLS verification off (${config.sources.tls})`);
  parts.push(`timeout ${config.timeoutMs} ms`);
  return parts.join('; ');
}

const NO_CONTROLLER: CheckOutcome = {
  status: 'fail',
  message: 'no controller configured: AWX_URL (or CONTROLLER_HOST / TOWER_HOST) is not set, so the gateway would serve its embedded demo AWX; nothing to check',
  hint: 'set AWX_URL=https://<controller> (or CONTROLLER_HOST) and a token (AWX_TOKEN or CONTROLLER_OAUTH_TOKEN), then run the doctor again',
};

/** Loads the configuration as the gateway does; on success the context gets the AWX pool and the credential to check. */
export const configurationCheck: Check = {
  id: 'configuration',
  title: 'configuration',
  needs: [],
  async run(context: DoctorContext): Promise<CheckOutcome> {
    let config: GatewayConfig;
    try {
      config = loadConfig(context.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const count = error.problems.length;
      return {
        status: 'fail',
        message: `${count} problem${count === 1 ? '' : 's'}: ${error.problems.join('; ')}`,
        hint: 'fix the variables named (docs/configuration.md); the gateway refuses to start with them',
        details: { problems: error.problems },
      };
    }
    if (!config.awxUrl) return NO_CONTROLLER;
    const url = new URL(config.awxUrl);
    context.config = config;
    // No retries and no breaker: each check reports AWX as it answers now, every failure as itself.
    context.transport = createAwxTransport({
      url: config.awxUrl, apiPath: config.apiPath, timeoutMs: config.timeoutMs, caFile: config.caFile, insecureTls: config.insecureTls,
      retries: 0, breakerFailures: 0,
    });
    context.credential = context.given ?? serviceCredential(config);
    return { status: 'pass', message: summary(config, url), details: { url: shownUrl(url), sources: config.sources, timeoutMs: config.timeoutMs } };
  },
};
