/** A workflow job's lists: its node graph (batched across jobs), labels (summary-first) and sub-resources. */
import type { GraphQLResolveInfo } from 'graphql';
import type { WorkflowJobNodeFilter } from '../__generated__/resolvers-types.js';
import type { AwxRecord } from '../awx/byIds.js';
import type { WindowResult } from '../awx/paginate.js';
import type { AwxLabel } from '../awx/models/label.js';
import type { AwxLabelSummary, AwxWorkflowJob } from '../awx/types.js';
import type { AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import type { GatewayContext } from '../context.js';
import type { WorkflowJobSubList } from '../loaders/workflowJobSubLists.js';
import { decodeCursor, windowFor, type PagingArgs } from './connection.js';
import type { SummaryField } from './related.js';
import { onlySelects } from './selection.js';

/** What `summary_fields.labels.results` holds of each label. */
const LABEL_SUMMARY: readonly SummaryField<AwxLabelSummary>[] = ['id', 'name'];

/** An in-memory window over a complete list, the same shape as one read from AWX. */
function slice<T>(items: readonly T[], args: PagingArgs): WindowResult<T> {
  const window = windowFor(args);
  const offset = window.offset === 'end' ? Math.max(0, items.length - window.limit) : window.offset;
  return { totalCount: items.length, offset, items: items.slice(offset, offset + window.limit) };
}

function matches(node: AwxWorkflowJobNode, filter: WorkflowJobNodeFilter): boolean {
  const jobStatus = node.summary_fields?.job?.status;
  if (filter.doNotRun != null && Boolean(node.do_not_run) !== filter.doNotRun) return false;
  if (filter.hasJob != null && (node.job != null) !== filter.hasJob) return false;
  if (filter.jobStatus && !(jobStatus && (filter.jobStatus as string[]).includes(jobStatus))) return false;
  if (filter.identifier != null && node.identifier !== filter.identifier) return false;
  return true;
}

/**
 * The job's nodes, read with every other job's nodes in one request; `first` defaults to all of them.
 * Filtering and paging happen here, on the complete graph, so they cost nothing more.
 */
export async function nodesOf(
  job: AwxWorkflowJob,
  args: PagingArgs & { filter?: WorkflowJobNodeFilter | null },
  { loaders }: GatewayContext,
): Promise<WindowResult<AwxWorkflowJobNode>> {
  const nodes = await loaders.nodesOfJob.load(job.id);
  const kept = args.filter ? nodes.filter((node) => matches(node, args.filter!)) : nodes;
  if (args.first !== null && args.first !== undefined) return slice(kept, args);
  const offset = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  return { totalCount: kept.length, offset, items: kept.slice(offset) };
}

/**
 * The job's labels: from `summary_fields` when AWX embedded all of them (it embeds at most ten) and only
 * `id`/`name` are asked for; embedded but more asked for, completed by id (one request for all jobs);
 * otherwise a page of the job's `/labels/` list.
 */
export async function labelsOf(job: AwxWorkflowJob, args: PagingArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<WindowResult<AwxLabel>> {
  const embedded = job.summary_fields?.labels;
  if (!embedded || embedded.count > embedded.results.length) return ctx.loaders.subList(job.id, 'labels', windowFor(args));
  const page: WindowResult<AwxLabel> = slice(embedded.results, args);
  if (onlySelects(info, LABEL_SUMMARY, ['nodes']) && onlySelects(info, LABEL_SUMMARY, ['edges', 'node'])) return page;
  const full = await ctx.loaders.byId('labels').loadMany(page.items.map((label) => label.id));
  const items = full.filter((label): label is AwxLabel => label !== null && !(label instanceof Error));
  return { ...page, items };
}

/** A page of one of the job's sub-resources; `list` null means AWX links none for this job (empty, no request). */
export function subListOf(
  job: AwxWorkflowJob,
  list: WorkflowJobSubList | null,
  args: PagingArgs,
  { loaders }: GatewayContext,
): Promise<WindowResult<AwxRecord>> {
  const window = windowFor(args);
  if (list === null) return Promise.resolve({ totalCount: 0, offset: 0, items: [] });
  return loaders.subList(job.id, list, window);
}
