/**
 * One round of reads for many watched jobs of one credential: a few list calls for all of them, and the
 * detail of only the jobs that need it. Each job's answer is the snapshot a read of that job alone would give
 * (its detail, then its nodes).
 */
import type { AwxClient } from '../awx/client.js';
import { errorFromResponse } from '../awx/errors.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { fetchNodesOfJobs, type AwxWorkflowJobNode } from '../awx/workflowJobNodes.js';
import { getWorkflowJob, workflowJobRows } from '../awx/workflowJobs.js';
import { changeKey, sameJobState, type JobSnapshot } from './snapshot.js';

/** `read`: the job surely changed (AWX said so), read it; `check`: a poll, read its detail only if it changed. */
export type ReadKind = 'read' | 'check';

/** One job's part of a round. */
export interface RoundItem {
  jobId: number;
  kind: ReadKind;
  /** The change key of the job's last reading: a `check` that finds the same reads no detail. */
  lastKey?: string;
  /** The job's own client (its watch's request id and cancellation), for its detail read. */
  client: AwxClient;
}

/** What a round found for one job: a new reading, no change, or the error its read ended with. */
export type RoundOutcome = { snapshot: JobSnapshot } | { unchanged: true } | { error: Error };

type Nodes = Map<number, AwxWorkflowJobNode[]>;

/**
 * Reads a round with `client` (the credential's) for the list calls: checked jobs' rows with one
 * `workflow_jobs/?id__in=` call per 200 and their nodes with `workflow_job_nodes/?workflow_job__in=`; then
 * the detail of each job to read, changed or missing from the list; then, in one more node call, the nodes of
 * those whose detail shows another state than the nodes were read after. Outcomes are in `items`' order.
 */
export async function readRound(client: AwxClient, items: readonly RoundItem[]): Promise<RoundOutcome[]> {
  const outcomes = new Map<RoundItem, RoundOutcome>();
  const checks = items.filter((item) => item.kind === 'check');
  const listed = await listChecks(client, checks, outcomes);
  const toRead = items.filter((item) => !outcomes.has(item) && !unchanged(item, listed, outcomes));
  const details = await Promise.all(toRead.map((item) => detailOf(item, outcomes)));
  // Nodes read after a row go with a detail in that row's state; any other detail needs nodes read after it.
  const found = toRead.flatMap((item, i) => (details[i] ? [{ item, job: details[i] }] : []));
  const stale = new Set(found.filter(({ item, job }) => !inListedState(listed?.rows.get(item.jobId), job)).map(({ item }) => item));
  const fresh = await nodesOrError(client, ascending([...stale]));
  for (const { item, job } of found) {
    const nodes = stale.has(item) ? fresh : listed!.nodes;
    outcomes.set(item, nodes instanceof Error ? { error: nodes } : { snapshot: { job, nodes: nodes.get(item.jobId) ?? [] } });
  }
  return items.map((item) => outcomes.get(item)!);
}

/** The checked jobs' rows and nodes; on failure every check ends with that error (and undefined is returned). */
async function listChecks(client: AwxClient, checks: RoundItem[], outcomes: Map<RoundItem, RoundOutcome>) {
  if (checks.length === 0) return undefined;
  try {
    const rows = await workflowJobRows(client, ascending(checks));
    const nodes = rows.size > 0 ? await fetchNodesOfJobs(client, [...rows.keys()].sort((a, b) => a - b)) : new Map();
    return { rows, nodes: nodes as Nodes };
  } catch (error) {
    for (const item of checks) outcomes.set(item, { error: error as Error });
    return undefined;
  }
}

/** The items' job ids, once each, in ascending order (list calls then read the same for the same jobs). */
function ascending(items: readonly RoundItem[]): number[] {
  return [...new Set(items.map((item) => item.jobId))].sort((a, b) => a - b);
}

function inListedState(row: AwxWorkflowJob | undefined, detail: AwxWorkflowJob): boolean {
  return row !== undefined && sameJobState(row, detail);
}

/** A check whose row and nodes give its last key: no change, nothing more to read. */
function unchanged(item: RoundItem, listed: { rows: Map<number, AwxWorkflowJob>; nodes: Nodes } | undefined, outcomes: Map<RoundItem, RoundOutcome>): boolean {
  const row = listed?.rows.get(item.jobId);
  if (item.kind !== 'check' || !row || item.lastKey === undefined) return false;
  if (changeKey({ job: row, nodes: listed!.nodes.get(item.jobId) ?? [] }) !== item.lastKey) return false;
  outcomes.set(item, { unchanged: true });
  return true;
}

/** The job's detail; a job AWX does not show the caller is NOT_FOUND, as AWX's own 404 is everywhere. */
async function detailOf(item: RoundItem, outcomes: Map<RoundItem, RoundOutcome>): Promise<AwxWorkflowJob | undefined> {
  try {
    const job = await getWorkflowJob(item.client, item.jobId);
    if (job) return job;
    outcomes.set(item, { error: errorFromResponse(404, null) });
  } catch (error) {
    outcomes.set(item, { error: error as Error });
  }
  return undefined;
}

async function nodesOrError(client: AwxClient, jobIds: number[]): Promise<Nodes | Error> {
  if (jobIds.length === 0) return new Map();
  try {
    return await fetchNodesOfJobs(client, jobIds);
  } catch (error) {
    return error as Error;
  }
}
