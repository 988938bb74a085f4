/** Resolving one related AWX object: from the parent's `summary_fields` when they answer the query, else by id. */
import type { GraphQLResolveInfo } from 'graphql';
import type { AwxRecord } from '../awx/byIds.js';
import type { AwxResource } from '../awx/resources.js';
import type { GatewayContext } from '../context.js';
import { onlySelects } from './selection.js';

/** What the parent knows of a related object. */
export interface RelatedSource {
  /** The related object's id; null or undefined means "none" (the field is null). */
  id: number | null | undefined;
  /** Its collection, to load the full object. */
  resource: AwxResource;
  /** The parent's summary of it, as AWX embeds it (AWX drops null sub-fields from summaries). */
  summary?: Record<string, unknown> | null;
  /** GraphQL fields that summary answers (a known field absent from it is null). */
  answers: ReadonlySet<string>;
  /** Keys to add to the summary so it reads like the full object (e.g. a synthesized `type`). */
  extra?: Record<string, unknown>;
}

/**
 * The related object: built from the summary, with no AWX call, when every selected field is one the
 * summary answers; otherwise loaded by id through this request's batched loader (null when the
 * caller may not see it). With no summary at all, a bare `{ id }` still answers `id` for free.
 */
export async function resolveRelated<T = AwxRecord>(source: RelatedSource, info: GraphQLResolveInfo, { loaders }: GatewayContext): Promise<T | null> {
  const { id } = source;
  if (id === null || id === undefined) return null;
  const answers = source.summary ? source.answers : ID_ONLY;
  if (onlySelects(info, answers)) return { ...(source.summary ?? {}), ...source.extra, id } as T;
  return (await loaders.byId(source.resource).load(id)) as T | null;
}

const ID_ONLY: ReadonlySet<string> = new Set(['id']);

/** A set of GraphQL field names, for `answers`. */
export const fields = (...names: string[]): ReadonlySet<string> => new Set(names);
