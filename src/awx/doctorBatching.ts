/**
 * Whether AWX honours the filters the gateway batches its reads with: `id__in` on workflow jobs and
 * `workflow_job__in` on workflow job nodes. An AWX (or a proxy) that ignored them would answer with
 * other objects, which the loaders would then serve for the wrong keys.
 */
import { fetchByIds, type AwxRecord } from './byIds.js';
import { AwxClient, type AwxTransport } from './client.js';
import { AwxResponseError } from './errors.js';
import { MAX_PAGE_SIZE } from './paginate.js';
import type { AwxPage } from './types.js';

/** What `id__in` gave back for the newest visible workflow jobs. */
export interface IdInProbe {
  /** How many workflow jobs the caller sees. */
  visible: number;
  /** The ids asked for: the two newest, or only the newest when just two are visible (see below). */
  asked: number[];
  /** The ids AWX returned, in its order. */
  returned: number[];
  /** The newest visible jobs, whose nodes the next probe asks for. */
  newest: number[];
}

/** What `workflow_job__in` gave back for some workflow jobs. */
export interface JobInProbe {
  /** Nodes returned (first page of up to 200). */
  nodes: number;
  /** Workflow jobs of returned nodes that were not asked for, ascending. */
  strays: number[];
}

/**
 * Lists the two newest workflow jobs the caller sees and reads them back by `id__in`. An ignored filter
 * returns AWX's first page of all jobs, which shows only when more jobs exist than were asked for: with
 * exactly two visible, only the newest is asked; with one, an ignored filter cannot be told apart.
 */
export async function probeWorkflowJobIdIn(transport: AwxTransport, authorization: string): Promise<IdInProbe> {
  const client = new AwxClient(transport, { authorization, retries: 0 });
  const page = await client.getJson<AwxPage<AwxRecord>>(['workflow_jobs'], new URLSearchParams({ order_by: '-id', page_size: '2' }));
  if (!Array.isArray(page.results) || typeof page.count !== 'number') throw new AwxResponseError('AWX sent a workflow job list without count and results.');
  const newest = page.results.map((job) => job.id).filter((id) => typeof id === 'number');
  const asked = page.count > 2 ? newest : newest.slice(0, 1);
  if (asked.length === 0) return { visible: page.count, asked, returned: [], newest };
  const found = await fetchByIds(client, 'workflow_jobs', asked);
  return { visible: page.count, asked, returned: [...found.keys()], newest };
}

/** Reads the nodes of these workflow jobs by `workflow_job__in` (one page) and names the jobs they belong to that were not asked for. */
export async function probeNodeJobIn(transport: AwxTransport, authorization: string, jobIds: readonly number[]): Promise<JobInProbe> {
  const client = new AwxClient(transport, { authorization, retries: 0 });
  const params = new URLSearchParams({ workflow_job__in: jobIds.join(','), order_by: 'id', page_size: String(MAX_PAGE_SIZE) });
  const page = await client.getJson<AwxPage<AwxRecord & { workflow_job?: unknown }>>(['workflow_job_nodes'], params);
  if (!Array.isArray(page.results)) throw new AwxResponseError('AWX sent a workflow job node list without results.');
  const asked = new Set(jobIds);
  const strays = new Set<number>();
  for (const node of page.results) {
    if (typeof node.workflow_job === 'number' && !asked.has(node.workflow_job)) strays.add(node.workflow_job);
  }
  return { nodes: page.results.length, strays: [...strays].sort((a, b) => a - b) };
}
