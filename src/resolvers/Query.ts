/** `Query`: root fields, checking client input before anything reaches AWX. */
import type { QueryResolvers, WorkflowJobFilter, WorkflowJobOrder } from '../__generated__/resolvers-types.js';
import type { OrderKey } from '../awx/paginate.js';
import type { WorkflowJobQuery } from '../awx/workflowJobs.js';
import { badInput } from '../errors.js';
import { parseId, parseIds } from './helpers.js';
import { keysetCursors, keysetModel, keysetWindowFor } from './keysetConnection.js';
import { byIdRoot } from './roots.js';

const MAX_SEARCH_LENGTH = 512;

/** Free-text search terms; blank means no search. */
function searchTerms(search: string | null | undefined): string | undefined {
  if (search === null || search === undefined || search.trim() === '') return undefined;
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badInput(`'search' must be at most ${MAX_SEARCH_LENGTH} characters, got ${search.length}.`, { argument: 'search' });
  }
  return search;
}

function nonEmpty<T>(values: readonly T[] | null | undefined, argument: string): readonly T[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(`'${argument}' must list at least one value.`, { argument });
  return values;
}

/** The GraphQL filter as an AWX query; every value is checked or typed by the schema. */
function workflowJobQuery(search: string | undefined, filter: WorkflowJobFilter | null | undefined): WorkflowJobQuery {
  const f = filter ?? {};
  return {
    search,
    statuses: nonEmpty(f.status, 'filter.status'),
    launchTypes: nonEmpty(f.launchType, 'filter.launchType'),
    failed: f.failed ?? undefined,
    name: checkLength(f.name, 'filter.name'),
    nameContains: checkLength(f.nameContains, 'filter.nameContains'),
    ids: f.id ? parseIds(f.id, 'filter.id') : undefined,
    templateIds: f.workflowJobTemplateId ? parseIds(f.workflowJobTemplateId, 'filter.workflowJobTemplateId') : undefined,
    createdAfter: f.createdAfter ?? undefined,
    createdBefore: f.createdBefore ?? undefined,
    startedAfter: f.startedAfter ?? undefined,
    startedBefore: f.startedBefore ?? undefined,
    finishedAfter: f.finishedAfter ?? undefined,
    finishedBefore: f.finishedBefore ?? undefined,
  };
}

function checkLength(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > MAX_SEARCH_LENGTH) {
    throw badInput(`'${argument}' must be at most ${MAX_SEARCH_LENGTH} characters, got ${value.length}.`, { argument });
  }
  return value;
}

function orderKeys(orderBy: readonly WorkflowJobOrder[] | null | undefined): OrderKey[] {
  return (orderBy ?? []).map((key) => ({ field: key.field, descending: key.direction === 'desc' }));
}

export const Query: QueryResolvers = {
  workflowJobNode: byIdRoot('workflow_job_nodes'),

  workflowJob: (_root, { id, search }, { loaders }) => {
    const key = { id: parseId(id, 'id'), search: searchTerms(search) };
    return loaders.workflowJob.detail.load(key);
  },

  workflowJobs: async (_root, args, { loaders }, info) => {
    const query = workflowJobQuery(searchTerms(args.search), args.filter);
    const order = orderKeys(args.orderBy);
    const cursors = keysetCursors(query, order);
    const { window, keepLast } = keysetWindowFor(args, cursors, info);
    const page = await loaders.workflowJob.list(query, order, window);
    return keysetModel(page, cursors.scope, keepLast);
  },
};
