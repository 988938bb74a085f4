/**
 * Finding a controller's API path at start: AWX's API root listing (`GET /api/`, whose `current_version`
 * is `/api/v2/`), else AAP's controller prefix (`GET /api/controller/` → `/api/controller/v2/`). AWX
 * serves the listing to anyone (`ApiRootView`, permission AllowAny, in `awx/api/views/root.py`), so no
 * credentials are sent. Behind AAP, `/api/` belongs to the platform gateway, whose listing is not AWX's.
 */
import type { Logger } from 'pino';
import { AwxApiNotFoundError, CANDIDATE_API_PATHS, layoutFor, type ApiLayout } from './apiLayout.js';
import { AwxClient, type AwxTransport } from './client.js';
import { AwxError, AwxHttpError, AwxResponseError, AwxUnavailableError } from './errors.js';

/** What one candidate path answered. */
export type ProbeResult = { found: ApiLayout } | { reason: string; networkError?: AwxError };

/** Asks one API path (a candidate, or the configured one): AWX's listing names `<path>v2/` as its current version. */
export async function probeApiPath(transport: AwxTransport, apiPath: string, source: ApiLayout['source'] = 'discovered'): Promise<ProbeResult> {
  let listing: { current_version?: unknown };
  try {
    listing = await new AwxClient(transport, { retries: 0 }).getListing(apiPath);
  } catch (error) {
    if (error instanceof AwxHttpError) return { reason: `GET ${apiPath} answered HTTP ${error.status}` };
    if (error instanceof AwxResponseError) return { reason: `GET ${apiPath} did not answer JSON` };
    const failure = error instanceof AwxError ? error : new AwxUnavailableError('network error');
    return { reason: `GET ${apiPath}: ${failure.message.replace(/\.$/, '')}`, networkError: failure };
  }
  const current = listing.current_version;
  if (typeof current === 'string' && current.endsWith(`${apiPath}v2/`)) return { found: layoutFor(apiPath, source) };
  return { reason: `GET ${apiPath} is not AWX's API root (current_version ${JSON.stringify(current ?? null).slice(0, 60)})` };
}

/**
 * One discovery pass over the candidates. Rejects with the network failure itself when AWX could not be
 * reached at all (so a TLS or DNS problem reads as such), else with AwxApiNotFoundError listing each answer.
 */
export async function discoverApi(transport: AwxTransport): Promise<ApiLayout> {
  const reasons: string[] = [];
  const networkErrors: AwxError[] = [];
  for (const apiPath of CANDIDATE_API_PATHS) {
    const result = await probeApiPath(transport, apiPath);
    if ('found' in result) return result.found;
    reasons.push(result.reason);
    if (result.networkError) networkErrors.push(result.networkError);
  }
  if (networkErrors.length === CANDIDATE_API_PATHS.length) throw networkErrors[0];
  throw new AwxApiNotFoundError(reasons);
}

/** The running background search of one transport. */
export interface ApiDiscovery {
  /** Settles when the first attempt has (found or not). */
  firstAttempt: Promise<void>;
  close(): void;
}

/** Backoff of the background search while nothing answers: 1 s doubling up to 15 s. */
const RETRY_MS = { first: 1_000, max: 15_000 };

/**
 * Looks for the API now and, while neither path answers, again in the background with backoff; logs what
 * it found. A configured API path (CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX) is only logged.
 */
export function startApiDiscovery(transport: AwxTransport, logger: Logger): ApiDiscovery {
  const locator = transport.api;
  if (locator.layout) {
    logger.info({ awxApi: locator.layout }, `AWX API at ${locator.layout.apiPath}v2/ (CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX)`);
    return { firstAttempt: Promise.resolve(), close: () => {} };
  }
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const attempt = async (delayMs: number): Promise<void> => {
    await locator.refresh();
    if (closed) return;
    const layout = locator.layout;
    if (layout) {
      logger.info({ awxApi: layout }, `found the AWX API at ${layout.apiPath}v2/ (${layout.kind === 'aap' ? 'Ansible Automation Platform layout' : 'AWX layout'})`);
      return;
    }
    logger.warn({ reason: locator.problem, retryInMs: delayMs }, 'AWX API not found yet; looking again in the background');
    timer = setTimeout(() => void attempt(Math.min(delayMs * 2, RETRY_MS.max)), delayMs);
    timer.unref();
  };
  const firstAttempt = attempt(RETRY_MS.first);
  return {
    firstAttempt,
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
