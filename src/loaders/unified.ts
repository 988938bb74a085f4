/**
 * Unified jobs and unified job templates by id alone, of whatever kind: a supergraph asks for a `UnifiedJob`
 * or `UnifiedJobTemplate` entity by id without knowing its type. Each family shares one id space in AWX,
 * so one `?id__in=` read of the family's view finds every kind at once, each row with its `type`.
 */
import DataLoader from 'dataloader';
import { fetchByIds, type AwxRecord } from '../awx/byIds.js';
import type { AwxClient } from '../awx/client.js';
import { FAMILY_LISTS, type UnifiedFamily } from '../awx/kinds.js';
import type { OnBatch } from './byId.js';

/** Loads unified jobs or templates by id; null for ids the caller cannot see or that do not exist. */
export type UnifiedLoader = DataLoader<number, AwxRecord | null>;

/**
 * This request's loader of each family, made on first use. The cross-request cache is keyed by kind and so
 * not consulted: an id alone does not say which kind's entry to look in.
 */
export type UnifiedRegistry = (family: UnifiedFamily) => UnifiedLoader;

function createUnifiedLoader(awx: AwxClient, family: UnifiedFamily, onBatch?: OnBatch): UnifiedLoader {
  const list = FAMILY_LISTS[family];
  return new DataLoader<number, AwxRecord | null>(async (ids) => {
    onBatch?.(list, ids.length);
    const found = await fetchByIds<AwxRecord>(awx, list, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A lazily filled registry of the two family loaders of one request. */
export function createUnifiedRegistry(awx: AwxClient, onBatch?: OnBatch): UnifiedRegistry {
  const loaders: Partial<Record<UnifiedFamily, UnifiedLoader>> = {};
  return (family) => (loaders[family] ??= createUnifiedLoader(awx, family, onBatch));
}
