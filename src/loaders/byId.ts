/** The batched by-id loader every AWX collection gets: one `id__in` request per tick, per collection. */
import DataLoader from 'dataloader';
import { fetchByIds, type AwxRecord } from '../awx/byIds.js';
import type { AwxClient } from '../awx/client.js';
import type { AwxModel } from '../awx/models/index.js';
import type { AwxResource } from '../awx/resources.js';
import { isCachedResource, isTerminal, type CallerCache } from '../cache/index.js';
import { readThrough } from './cached.js';

/** Loads objects of one collection by id; null for ids the caller cannot see or that do not exist. */
export type ByIdLoader<T extends AwxRecord = AwxRecord> = DataLoader<number, T | null>;

/** Told of each batch a loader sends, with its name and how many keys it carries (for metrics). */
export type OnBatch = (loader: string, size: number) => void;

/**
 * DataLoader answers a key it already holds with a new promise, settled along with the current batch (a closure,
 * and the held promise adopted: more microtask turns). On a page most jobs share a few templates and creators, so
 * the held promise itself is returned instead; `clear` and `prime` act on the same map, so nothing stale is kept.
 */
class SharedPromiseLoader<V> extends DataLoader<number, V> {
  constructor(
    batch: DataLoader.BatchLoadFn<number, V>,
    private readonly held = new Map<number, Promise<V>>(),
  ) {
    super(batch, { cacheMap: held });
  }

  override load(id: number): Promise<V> {
    return this.held.get(id) ?? super.load(id);
  }
}

/**
 * Creates the by-id loader of one collection, for one request. With a `cache`, unified jobs are read
 * through it: one `id__in` for the misses only, and finished jobs stored for later requests.
 */
export function createByIdLoader<R extends AwxResource>(awx: AwxClient, resource: R, onBatch?: OnBatch, cache?: CallerCache): ByIdLoader<AwxModel<R>> {
  const fetch = (ids: readonly number[]) => {
    onBatch?.(resource, ids.length);
    return fetchByIds<AwxModel<R>>(awx, resource, ids);
  };
  return new SharedPromiseLoader<AwxModel<R> | null>(async (ids) => {
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

/** This request's by-id loader of each collection, typed by the collection's model. */
export type ByIdRegistry = <R extends AwxResource>(resource: R) => ByIdLoader<AwxModel<R>>;

/** A lazily filled registry: the by-id loader of each collection, made on first use in this request. */
export function createByIdRegistry(awx: AwxClient, onBatch?: OnBatch, cache?: CallerCache): ByIdRegistry {
  // One slot per collection, each typed by that collection's model, so a loader is never handed out as another's.
  const slots: { [R in AwxResource]?: { loader?: ByIdLoader<AwxModel<R>> } } = {};
  return <R extends AwxResource>(resource: R) => {
    const slot: { loader?: ByIdLoader<AwxModel<R>> } = (slots[resource] ??= {});
    return (slot.loader ??= createByIdLoader(awx, resource, onBatch, cache));
  };
}
