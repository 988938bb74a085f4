/**
 * Where a controller serves its REST API. AWX serves it at `/api/v2/`; Ansible Automation Platform 2.5+
 * puts the controller behind its platform gateway at `/api/controller/v2/` (AWX's
 * OPTIONAL_API_URLPATTERN_PREFIX: `awx/urls.py` get_urlpatterns(prefix), `awx/main/middleware.py`
 * OptionalURLPrefixPath), where every URL AWX returns carries the prefix and `/api/v2/` is not the controller.
 */
import { AwxError, AwxUnavailableError } from './errors.js';
import type { AbortLike } from './deadline.js';

/** Which deployment the API path says this is: AWX's own, AAP's controller prefix, or another configured one. */
export type ApiLayoutKind = 'awx' | 'aap' | 'custom';

/** The API path, as the awx.awx collection names it (`api_path()`): `/api/` or `/api/controller/`. */
export interface ApiLayout {
  kind: ApiLayoutKind;
  /** Below the base URL, with leading and trailing slashes; the versioned API is `<apiPath>v2/`. */
  apiPath: string;
  /** How it was learnt: CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX, or discovery at start. */
  source: 'configured' | 'discovered';
}

/** The paths discovery tries, in order: AWX's API root listing, then AAP's controller prefix. */
export const CANDIDATE_API_PATHS = ['/api/', '/api/controller/'] as const;

/** One of the API paths discovery tries. */
export type CandidateApiPath = (typeof CANDIDATE_API_PATHS)[number];

/** The API path from CONTROLLER_OPTIONAL_API_URLPATTERN_PREFIX, slashed as `controller_api.py` api_path() does. */
export function normalizeApiPath(raw: string): string {
  let path = raw.trim();
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path = `${path}/`;
  return path;
}

/** A layout for an API path. */
export function layoutFor(apiPath: string, source: ApiLayout['source']): ApiLayout {
  const kind: ApiLayoutKind = apiPath === '/api/' ? 'awx' : apiPath === '/api/controller/' ? 'aap' : 'custom';
  return { kind, apiPath, source };
}

/** The versioned API's path below the host: the base URL's own path, the API path, then `v2/`. */
export function versionedPath(baseUrl: URL, layout: ApiLayout): string {
  return `${baseUrl.pathname.replace(/\/+$/, '')}${layout.apiPath}v2/`;
}

/** Discovery found neither API root: each candidate's answer, for logs, readiness and the doctor. */
export class AwxApiNotFoundError extends AwxError {
  override name = 'AwxApiNotFoundError';
  constructor(readonly reasons: readonly string[]) {
    super('UPSTREAM_UNAVAILABLE', `AWX's API was not found at this URL (${reasons.join('; ')}).`);
  }
}

/** Looks for the API once; resolves with the layout or rejects with an AwxError saying why not. */
export type ApiSearch = () => Promise<ApiLayout>;

/** A new attempt is made on demand at most this often; the background loop keeps its own backoff. */
const MIN_ATTEMPT_GAP_MS = 1_000;

/**
 * The API path of one upstream, shared by every caller: fixed by configuration, or found by `search`
 * (started once, at start, then retried in the background while nothing answers; never per request).
 */
export class ApiLocator {
  private found?: ApiLayout;
  private failure?: AwxError;
  private attempt?: Promise<void>;
  private lastAttemptAt = -Infinity;

  constructor(private readonly search: ApiSearch, configured?: ApiLayout) {
    this.found = configured;
  }

  /** The layout once known. */
  get layout(): ApiLayout | undefined {
    return this.found;
  }

  /** Why the layout is not known yet (undefined once it is). */
  get problem(): string | undefined {
    if (this.found) return undefined;
    return this.failure?.message ?? 'The AWX API has not been looked for yet.';
  }

  /** The last failure as an AwxError (undefined once found or before the first attempt). */
  get lastFailure(): AwxError | undefined {
    return this.found ? undefined : this.failure;
  }

  /** Runs one search unless one is in flight; resolves when it settles (never rejects). */
  refresh(): Promise<void> {
    if (this.found) return Promise.resolve();
    this.attempt ??= this.runSearch();
    return this.attempt;
  }

  /**
   * The layout for a request: at once when known; else the search in flight (or a new one when the last
   * ended over a second ago) is awaited, and its failure thrown. Bounded by `signal`.
   */
  async require(signal?: AbortLike): Promise<ApiLayout> {
    if (this.found) return this.found;
    if (!this.attempt && performance.now() - this.lastAttemptAt >= MIN_ATTEMPT_GAP_MS) void this.refresh();
    if (this.attempt) await abortable(this.attempt, signal);
    if (this.found) return this.found;
    throw this.failure ?? new AwxUnavailableError('AWX API path not known yet');
  }

  private async runSearch(): Promise<void> {
    try {
      this.found = await this.search();
      this.failure = undefined;
    } catch (error) {
      this.failure = error instanceof AwxError ? error : new AwxUnavailableError('network error');
    } finally {
      this.lastAttemptAt = performance.now();
      this.attempt = undefined;
    }
  }
}

/** Waits for `promise`, or stops waiting (without rejecting it) when `signal` aborts. */
function abortable(promise: Promise<void>, signal?: AbortLike): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done);
  });
}
