/** APQ_*, PERSISTED_DOCUMENTS_* from the environment (REDIS_URL and CACHE_REDIS_PREFIX are checked with the cache's). */
import { boolean, integer, type Env } from '../envParsers.js';
import { readManifest, type PersistedManifest } from './manifest.js';

/** Automatic persisted queries and trusted documents. */
export interface PersistedConfig {
  /** Answer Apollo's automatic persisted queries (APQ): a hash alone once the query was sent with it. */
  apq: boolean;
  /** Queries the in-process APQ store keeps (least recently used dropped), and new ones Redis takes per APQ_TTL_MS. */
  apqMaxEntries: number;
  /** How long Redis keeps a registered query (APQ_TTL_MS); also the window of the Redis budget. */
  apqTtlMs: number;
  /** Where the trusted documents manifest was read from (PERSISTED_DOCUMENTS_FILE). */
  documentsFile?: string;
  /** The manifest's documents by id, read and checked at start. */
  documents?: PersistedManifest;
  /** Run only the manifest's documents: free text and APQ registrations are refused (PERSISTED_DOCUMENTS_ONLY). */
  only: boolean;
  /** Redis shared by replicas (REDIS_URL): registered APQ queries are stored there too. */
  redisUrl?: string;
  /** Prefix of the gateway's Redis keys (CACHE_REDIS_PREFIX). */
  redisPrefix: string;
  /** How long a Redis command may take before it counts as a miss (tests shorten it). */
  commandTimeoutMs?: number;
}

/** Defaults: APQ on, 1,000 queries in memory and per day in Redis, kept a day; no manifest. */
export const PERSISTED_DEFAULTS: PersistedConfig = {
  apq: true, apqMaxEntries: 1_000, apqTtlMs: 86_400_000, only: false, redisPrefix: 'awx-graphql:',
};

/** Reads the settings, and the manifest when one is named (its problems become configuration problems). */
export function persistedConfig(env: Env, problems: string[]): PersistedConfig {
  const fallback = PERSISTED_DEFAULTS;
  const documentsFile = env.PERSISTED_DOCUMENTS_FILE || undefined;
  const only = boolean(env, 'PERSISTED_DOCUMENTS_ONLY', problems, fallback.only);
  if (only && !documentsFile) problems.push('PERSISTED_DOCUMENTS_ONLY=true needs PERSISTED_DOCUMENTS_FILE (the manifest of the documents to allow)');
  return {
    apq: boolean(env, 'APQ', problems, fallback.apq),
    apqMaxEntries: integer(env, 'APQ_MAX_ENTRIES', fallback.apqMaxEntries, 1, 1_000_000, problems),
    apqTtlMs: integer(env, 'APQ_TTL_MS', fallback.apqTtlMs, 1_000, 2_592_000_000, problems),
    documentsFile,
    documents: documentsFile ? readManifest(documentsFile, problems) : undefined,
    only,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.CACHE_REDIS_PREFIX || fallback.redisPrefix,
  };
}
