/** Resolving one related AWX object: from the parent's `summary_fields` when they answer the query, else by id. */
import type { GraphQLResolveInfo } from 'graphql';
import type { AwxModel } from '../awx/models/index.js';
import type { AwxResource } from '../awx/resources.js';
import type { GatewayContext } from '../context.js';
import { onlySelects } from './selection.js';

/** `first_name` → `firstName`: the GraphQL name the resolvers give an AWX key (`firstName: p('first_name')`). */
type FieldName<K extends string> = K extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<FieldName<Tail>>}` : K;

/**
 * The GraphQL fields a summary of type `S` can answer: one per AWX key it carries. Listing a field the
 * summary lacks in `answers` fails to compile, rather than answering a silent null.
 */
export type SummaryField<S> = FieldName<keyof S & string>;

/** What the parent knows of a related object in collection `R`, summarised as `S`. */
export interface RelatedSource<R extends AwxResource, S extends object, E extends object = object> {
  /** The related object's id; null or undefined means "none" (the field is null). */
  id: number | null | undefined;
  /** Its collection, to load the full object. */
  resource: R;
  /** The parent's summary of it, as AWX embeds it (AWX drops null sub-fields from summaries). */
  summary: S | undefined;
  /** Keys to add so the summary reads like the full object (e.g. a synthesized `type`, which `__resolveType` needs). */
  extra?: E;
  /** GraphQL fields that summary answers (a known field absent from it is null). */
  answers: readonly SummaryField<S & E>[];
}

/** The summary as the related object: itself when it already reads so (no copy per list item), else completed. */
function asRelated<S extends object, E extends object>({ summary, extra }: { summary?: S; extra?: E }, id: number): S & E & { id: number } {
  if (summary && !extra && (summary as { id?: unknown }).id === id) return summary as S & E & { id: number };
  return { ...summary, ...extra, id } as S & E & { id: number };
}

/** What a related object with no summary answers for free. */
const ID_ONLY = ['id'] as const;

/**
 * The related object: built from the summary, with no AWX call, when every selected field is one the
 * summary answers; otherwise loaded by id through this request's batched loader (null when the caller may
 * not see it). With no summary at all, a bare `{ id }` still answers `id` for free. The resolver returning
 * it is typed by codegen, so the summary must fit the GraphQL type's mapper just as the loaded object does.
 */
export function resolveRelated<R extends AwxResource, S extends object, E extends object = object>(
  source: RelatedSource<R, S, E>,
  info: GraphQLResolveInfo,
  { loaders }: GatewayContext,
): Promise<AwxModel<R> | null> | (S & E & { id: number }) | (E & { id: number }) | null {
  const { id, summary } = source;
  if (id === null || id === undefined) return null;
  // Answered from the summary, the object is returned as it is, not in a promise: on a page of jobs the executor
  // then completes it at once, without a deferred step for each job and field.
  if (summary ? onlySelects(info, source.answers) : onlySelects(info, ID_ONLY)) return asRelated(source, id);
  return loaders.byId(source.resource).load(id);
}
