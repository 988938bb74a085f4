/** Checks 4 and 5: where the controller's API is (AWX or AAP layout, or the configured prefix), and its version. */
import { AwxApiNotFoundError, versionedPath, type ApiLayout } from '../awx/apiLayout.js';
import type { AwxTransport } from '../awx/client.js';
import { apiRootOf, readVersion } from '../awx/doctorApi.js';
import { discoverApi, probeApiPath } from '../awx/discovery.js';
import { AwxError, AwxHttpError } from '../awx/errors.js';
import type { GatewayConfig } from '../config.js';
import { upstreamOf, type Check, type CheckOutcome } from './types.js';

const LAYOUT_NAMES: Record<ApiLayout['kind'], string> = { awx: 'AWX', aap: 'Ansible Automation Platform', custom: 'custom prefix' };
const PREFIX = 'CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX';

/** A failed AWX call in a few words: the HTTP status AWX answered, or why it could not be asked. */
export function failureText(error: unknown): string {
  if (error instanceof AwxHttpError) return `HTTP ${error.status}`;
  if (error instanceof AwxError) return error.message.replace(/\.$/, '');
  return error instanceof Error ? error.message : String(error);
}

function found(layout: ApiLayout, transport: AwxTransport, note = ''): CheckOutcome {
  const path = versionedPath(transport.baseUrl, layout);
  return { status: 'pass', message: `${LAYOUT_NAMES[layout.kind]}: ${path}${note}`, details: { ...layout, path } };
}

/** The configured prefix must answer as AWX's API root; when it does not, discovery says where the API is instead. */
async function checkConfigured(layout: ApiLayout, transport: AwxTransport): Promise<CheckOutcome> {
  const probe = await probeApiPath(transport, layout.apiPath, 'configured');
  if ('found' in probe) return found(probe.found, transport, ` (from ${PREFIX})`);
  const elsewhere = await discoverApi(transport).catch(() => undefined);
  const hint = elsewhere
    ? `AWX's API answers at ${elsewhere.apiPath} (${LAYOUT_NAMES[elsewhere.kind]} layout): set ${PREFIX}=${elsewhere.apiPath}, or unset it and the gateway finds it`
    : `set ${PREFIX} to the path below which the controller's API root answers (such as /api/controller/), or unset it`;
  return { status: 'fail', message: `${PREFIX}=${layout.apiPath}: ${probe.reason}`, hint, details: { apiPath: layout.apiPath, reason: probe.reason } };
}

function notFound(failure: AwxError | undefined, config: GatewayConfig): CheckOutcome {
  const setting = config.sources.url ?? 'AWX_URL';
  if (failure instanceof AwxApiNotFoundError) {
    return {
      status: 'fail',
      message: `AWX's API answers at neither /api/ nor /api/controller/: ${failure.reasons.join('; ')}`,
      hint: `point ${setting} at the controller itself (the address of its web UI, without /api/); if a proxy serves the API under another prefix, set ${PREFIX}`,
      details: { reasons: failure.reasons },
    };
  }
  return { status: 'fail', message: `could not read the API root: ${failureText(failure)}`, hint: `check ${setting}, and run the doctor again` };
}

/** Finds the API as the gateway does at start (`GET /api/`, then `/api/controller/`), or verifies the configured prefix. */
export const layoutCheck: Check = {
  id: 'layout',
  title: 'API layout',
  needs: ['reachable', 'tls'],
  async run(context) {
    const { config, transport } = upstreamOf(context);
    const configured = transport.api.layout;
    if (configured) return checkConfigured(configured, transport);
    await transport.api.refresh();
    const layout = transport.api.layout;
    return layout ? found(layout, transport) : notFound(transport.api.lastFailure, config);
  },
};

/** AWX's version and cluster from the ping endpoint, which the gateway's /readiness also reads. */
export const versionCheck: Check = {
  id: 'version',
  title: 'version',
  needs: ['layout'],
  async run(context) {
    const { transport } = upstreamOf(context);
    try {
      const found = await readVersion(transport);
      const cluster = [
        found.activeNode && `active node ${found.activeNode}`,
        found.instances !== undefined && `${found.instances} instance${found.instances === 1 ? '' : 's'}`,
        found.ha !== undefined && (found.ha ? 'HA' : 'not HA'),
      ].filter(Boolean);
      return { status: 'pass', message: `${found.version}${cluster.length ? ` (${cluster.join(', ')})` : ''}`, details: { ...found } };
    } catch (error) {
      return {
        status: 'fail',
        message: `GET ${apiRootOf(transport)}ping/ failed: ${failureText(error)}`,
        hint: "the gateway's /readiness reads this endpoint and would report not ready; check the controller's health",
      };
    }
  },
};
