/** `Query`: root fields, checking client input before anything reaches AWX. */
import type { QueryResolvers, WorkflowJobOrder } from '../__generated__/resolvers-types.js';
import type { OrderKey } from '../awx/paginate.js';
import { parseId } from './helpers.js';
import { keysetCursors, keysetModel, keysetWindowFor } from './keysetConnection.js';
import { searchTerms, workflowJobQuery } from './workflowJobFilter.js';

function orderKeys(orderBy: readonly WorkflowJobOrder[] | null | undefined): OrderKey[] {
  return (orderBy ?? []).map((key) => ({ field: key.field, descending: key.direction === 'desc' }));
}

export const Query: QueryResolvers = {
  workflowJob: (_root, { id, search }, { loaders }) => {
    const jobId = parseId(id, 'id');
    const terms = searchTerms(search);
    // AWX ignores `search` on a detail URL, so a search is a list read (its row lacks detail-only fields,
    // which the WorkflowJob resolvers then read from the detail, only when selected).
    if (terms !== undefined) return loaders.workflowJobSearch.load({ id: jobId, search: terms });
    return loaders.workflowJob.detail.load({ id: jobId });
  },

  workflowJobs: async (_root, args, { loaders }, info) => {
    const query = workflowJobQuery(searchTerms(args.search), args.filter);
    const order = orderKeys(args.orderBy);
    const cursors = keysetCursors(query, order);
    const { window, keepLast } = keysetWindowFor(args, cursors, info);
    const page = await loaders.workflowJob.list(query, order, window);
    return keysetModel(page, cursors.scope, keepLast);
  },

  unifiedJob: (_root, { id }, { loaders }) => loaders.unified('job').load(parseId(id, 'id')),
  unifiedJobTemplate: (_root, { id }, { loaders }) => loaders.unified('template').load(parseId(id, 'id')),
};
