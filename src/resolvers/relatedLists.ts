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
import { decodeCursor, trimWindow, windowFor, type PagingArgs } from './connection.js';
import type { SummaryField } from './related.js';
import { onlySelects } from './selection.js';

/** What `summary_fields.labels.results` holds of each label. */
const LABEL_SUMMARY: readonly SummaryField<AwxLabelSummary>[] = ['id', 'name'];

/** A window as `windowFor` selects it: the last `limit` items when `offset` is 'end', none before `minOffset`. */
type PagingWindow = ReturnType<typeof windowFor>;

/** An in-memory window over a complete list, the same shape as one read from AWX. */
function slice<T>(items: readonly T[], window: PagingWindow): WindowResult<T> {
  if (window.offset === 'end') {
    const offset = Math.max(window.minOffset, items.length - window.limit);
    return { totalCount: items.length, offset, items: items.slice(offset) };
  }
  return { totalCount: items.length, offset: window.offset, items: items.slice(window.offset, window.offset + window.limit) };
}

/** Neither `first` nor `last`: every item after `after` and before `before`. */
function between(args: PagingArgs, total: number): PagingWindow {
  const start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const end = args.before ? decodeCursor(args.before, 'before') : total;
  return { offset: start, limit: Math.max(0, end - start), minOffset: start };
}

/** A window of one of the job's AWX sub-lists; a tail read (`last` without `before`) may reach back past `after`. */
async function subListWindow(ctx: GatewayContext, jobId: number, list: WorkflowJobSubList, window: PagingWindow): Promise<WindowResult<AwxRecord>> {
  return trimWindow(await ctx.loaders.subList(jobId, list, window), window.minOffset);
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
 * The job's nodes, read with every other job's nodes in one request; all of them unless `first` or `last`
 * is given. Filtering and paging happen here, on the complete graph, so they cost nothing more.
 */
export async function nodesOf(
  job: AwxWorkflowJob,
  args: PagingArgs & { filter?: WorkflowJobNodeFilter | null },
  { loaders }: GatewayContext,
): Promise<WindowResult<AwxWorkflowJobNode>> {
  const window = windowFor(args); // checks the arguments before any read
  const nodes = await loaders.nodesOfJob.load(job.id);
  const kept = args.filter ? nodes.filter((node) => matches(node, args.filter!)) : nodes;
  const counted = (args.first ?? args.last) !== null && (args.first ?? args.last) !== undefined;
  return slice(kept, counted ? window : between(args, kept.length));
}

/**
 * The job's labels: from `summary_fields` when AWX embedded all of them (it embeds at most ten) and only
 * `id`/`name` are asked for; embedded but more asked for, completed by id (one request for all jobs);
 * otherwise a page of the job's `/labels/` list.
 */
export function labelsOf(job: AwxWorkflowJob, args: PagingArgs, ctx: GatewayContext, info: GraphQLResolveInfo): WindowResult<AwxLabel> | Promise<WindowResult<AwxLabel>> {
  const embedded = job.summary_fields?.labels;
  const window = windowFor(args);
  if (!embedded || embedded.count > embedded.results.length) return subListWindow(ctx, job.id, 'labels', window);
  const page: WindowResult<AwxLabel> = slice(embedded.results, window);
  if (onlySelects(info, LABEL_SUMMARY, ['nodes']) && onlySelects(info, LABEL_SUMMARY, ['edges', 'node'])) return page;
  return completedLabels(page, ctx);
}

/** The embedded labels' page with each label read whole (one request for all jobs). */
async function completedLabels(page: WindowResult<AwxLabel>, ctx: GatewayContext): Promise<WindowResult<AwxLabel>> {
  const full = await ctx.loaders.byId('labels').loadMany(page.items.map((label) => label.id));
  const items = full.filter((label): label is AwxLabel => label !== null && !(label instanceof Error));
  return { ...page, items };
}

/** A page of one of the job's sub-resources; `list` null means AWX links none for this job (empty, no request). */
export function subListOf(
  job: AwxWorkflowJob,
  list: WorkflowJobSubList | null,
  args: PagingArgs,
  ctx: GatewayContext,
): Promise<WindowResult<AwxRecord>> {
  const window = windowFor(args);
  if (list === null) return Promise.resolve({ totalCount: 0, offset: 0, items: [] });
  return subListWindow(ctx, job.id, list, window);
}
