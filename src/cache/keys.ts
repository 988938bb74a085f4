/** What the cross-request cache may hold, and the keys and credential fingerprints it is addressed by. */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { KINDS, type Kind } from '../awx/kinds.js';

/** The collections of the kinds the cache may hold (src/awx/kinds.ts `cached`: the unified jobs). */
type CachedCollection = Extract<Kind, { cached: true }>['resource'];

/**
 * Cache namespaces: the cacheable collections read by id (list-shaped rows), the workflow job
 * detail (it carries fields list rows lack, so it never shares a key with a row) and the node list
 * of a workflow job (keyed by the workflow job's id).
 */
export const CACHED_RESOURCES: readonly CachedResource[] = [
  ...KINDS.filter((kind): kind is Extract<Kind, { cached: true }> => 'cached' in kind && kind.cached).map((kind) => kind.resource),
  'workflow_job_detail',
  'nodes_of_workflow_job',
];

/** One cache namespace. */
export type CachedResource = CachedCollection | 'workflow_job_detail' | 'nodes_of_workflow_job';

/** Whether objects of this collection or namespace may be cached at all. */
export function isCachedResource(resource: string): resource is CachedResource {
  return (CACHED_RESOURCES as readonly string[]).includes(resource);
}

/** One object of one caller: the caller's fingerprint, the namespace and the object's id. */
export interface CacheKey {
  fingerprint: string;
  resource: CachedResource;
  id: number;
}

/** The key naming one object whatever the caller: the unit of eviction. */
export function objectKey(resource: string, id: number): string {
  return `${resource}:${id}`;
}

/** The key naming one caller's copy of one object. */
export function entryKey(key: CacheKey): string {
  return `${key.fingerprint}:${objectKey(key.resource, key.id)}`;
}

/** Turns a caller's credential into a fingerprint: HMAC-SHA256 over the AWX URL and the credential (see `credentialOf`). */
export type Fingerprinter = (authorization: string | undefined) => string;

/**
 * The credential an `Authorization` value carries, written one way: the scheme is case-insensitive and
 * the spaces around and between the parts do not count (RFC 9110 §11.1; AWX's DRF authentication splits on
 * whitespace), so `Bearer x`, `bearer x` and `BEARER  x` are one credential, as AWX sees them. A Basic value
 * is decoded and encoded again, so padding variants of one user and password count once too.
 */
export function credentialOf(authorization: string | undefined): string {
  const [scheme = '', ...rest] = (authorization ?? '').trim().split(/\s+/);
  const value = rest.join(' ');
  const lower = scheme.toLowerCase();
  if (lower === 'basic' && /^[A-Za-z0-9+/]+=*$/.test(value)) return `basic ${Buffer.from(Buffer.from(value, 'base64').toString('latin1'), 'latin1').toString('base64')}`;
  return value === '' ? lower : `${lower} ${value}`;
}

/**
 * The fingerprinter of one gateway. `secret` keys the HMAC; without it the key is random per process
 * (memory) or, for Redis without CACHE_KEY_SECRET, derived from the AWX URL so replicas agree.
 */
export function createFingerprinter(awxBaseUrl: string, secret: string | 'random' | 'derived'): Fingerprinter {
  const key =
    secret === 'random' ? randomBytes(32)
    : secret === 'derived' ? createHash('sha256').update(`awx-graphql cache key\n${awxBaseUrl}`).digest()
    : Buffer.from(secret, 'utf8');
  return (authorization) =>
    createHmac('sha256', key).update(`${awxBaseUrl}\n${credentialOf(authorization)}`).digest('base64url');
}

/** What a read finds: each key's value (undefined on a miss) and its object's generation, to write back with. */
export interface CacheRead {
  values: (unknown | undefined)[];
  generations: string[];
}

/** One entry to store, stamped with the generation its object had when it was read from the cache. */
export interface CacheWrite {
  key: CacheKey;
  generation: string;
  value: unknown;
  ttlMs: number;
}

/**
 * Where entries live. Each object has a generation ('' until first evicted); an entry answers only
 * while it carries its object's current generation, so `evict` drops every caller's copy at once and
 * a fetch that raced an eviction is stored already stale.
 */
export interface CacheBackend {
  read(keys: readonly CacheKey[]): Promise<CacheRead>;
  write(entries: readonly CacheWrite[]): Promise<void>;
  evict(resource: CachedResource, id: number): Promise<void>;
  close(): Promise<void>;
}

/** How an entry is stored: its generation and the object. */
export interface StoredEntry {
  g: string;
  v: unknown;
}

/** The value of a stored entry's JSON when it belongs to the current generation, else undefined. */
export function liveValue(json: string | null | undefined, generation: string): unknown {
  if (!json) return undefined;
  const entry = JSON.parse(json) as StoredEntry;
  return entry.g === generation ? entry.v : undefined;
}
