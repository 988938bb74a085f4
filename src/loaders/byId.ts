/** The batched by-id loader every AWX collection gets: one `id__in` request per tick, per collection. */
import DataLoader from 'dataloader';
import { fetchByIds, type AwxRecord } from '../awx/byIds.js';
import type { AwxClient } from '../awx/client.js';
import type { AwxResource } from '../awx/resources.js';
import { isCachedResource, isTerminal, type CallerCache } from '../cache/index.js';
import { readThrough } from './cached.js';

/** Loads objects of one collection by id; null for ids the caller cannot see or that do not exist. */
export type ByIdLoader<T extends AwxRecord = AwxRecord> = DataLoader<number, T | null>;

/** Told of each batch a loader sends, with its name and how many keys it carries (for metrics). */
export type OnBatch = (loader: string, size: number) => void;

/**
 * Creates the by-id loader of one collection, for one request. With a `cache`, unified jobs are read
 * through it: one `id__in` for the misses only, and finished jobs stored for later requests.
 */
export function createByIdLoader<T extends AwxRecord>(awx: AwxClient, resource: AwxResource, onBatch?: OnBatch, cache?: CallerCache): ByIdLoader<T> {
  const fetch = (ids: readonly number[]) => {
    onBatch?.(resource, ids.length);
    return fetchByIds<T>(awx, resource, ids);
  };
  return new DataLoader<number, T | null>(async (ids) => {
    const found = isCachedResource(resource)
      ? await readThrough(cache, resource, ids, fetch, (fetched) => (id) => isTerminal(fetched.get(id)))
      : await fetch(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Puts objects a list already returned into a loader, so nothing is fetched twice in one request. */
export function primeAll<T extends AwxRecord>(loader: ByIdLoader<T>, records: readonly T[]): void {
  for (const record of records) {
    if (record && typeof record.id === 'number') loader.prime(record.id, record);
  }
}

/** A lazily filled registry: the by-id loader of each collection, made on first use in this request. */
export function createByIdRegistry(awx: AwxClient, onBatch?: OnBatch, cache?: CallerCache): <T extends AwxRecord = AwxRecord>(resource: AwxResource) => ByIdLoader<T> {
  const loaders = new Map<AwxResource, ByIdLoader>();
  return <T extends AwxRecord>(resource: AwxResource) => {
    let loader = loaders.get(resource);
    if (!loader) {
      loader = createByIdLoader(awx, resource, onBatch, cache);
      loaders.set(resource, loader);
    }
    return loader as unknown as ByIdLoader<T>;
  };
}
