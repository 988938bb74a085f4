/** Workflow job nodes: `GET /api/v2/workflow_job_nodes/?workflow_job__in=…`, all pages. */
import { fetchAll, type AwxRecord } from './byIds.js';
import type { AwxClient } from './client.js';
import { AwxHttpError } from './errors.js';
import type { AwxLaunchConfig, AwxObjectBase } from './models/common.js';
import type { AwxJobSummary, AwxObjectSummary, AwxUnifiedJobTemplateSummary } from './types.js';

/**
 * `summary_fields` of a node, as far as the gateway reads them: its workflow job, its template and, once it
 * ran, its job (`WorkflowJobNodeSerializer.get_summary_fields` adds `timed_out` for approvals).
 */
export type AwxWorkflowJobNodeSummaryFields = {
  workflow_job?: AwxObjectSummary;
  unified_job_template?: AwxUnifiedJobTemplateSummary;
  job?: AwxJobSummary & { timed_out?: boolean };
};

/** A node of a workflow job's graph (`WorkflowJobNodeSerializer`). */
export interface AwxWorkflowJobNode extends AwxRecord, AwxObjectBase, AwxLaunchConfig {
  extra_data?: Record<string, unknown>;
  workflow_job?: number | null;
  job?: number | null;
  unified_job_template?: number | null;
  success_nodes?: number[];
  failure_nodes?: number[];
  always_nodes?: number[];
  identifier?: string;
  do_not_run?: boolean;
  all_parents_must_converge?: boolean;
  related?: Record<string, string>;
  summary_fields?: AwxWorkflowJobNodeSummaryFields;
}

/** How many workflow job ids go into one `workflow_job__in` filter (keeps URLs short). */
const JOBS_PER_REQUEST = 200;

/**
 * Every node of these workflow jobs that AWX's global node list shows the caller, in id order, grouped by
 * workflow job id. That list is filtered by WorkflowJobNodeAccess (nodes of jobs whose template the caller
 * may read, awx/main/access.py), which can hide the nodes of a job the caller may read (e.g. an organization
 * admin's view of a bulk job): see fetchNodesOfJob.
 */
export async function fetchNodesOfJobs(client: AwxClient, jobIds: readonly number[]): Promise<Map<number, AwxWorkflowJobNode[]>> {
  const chunks: number[][] = [];
  for (let i = 0; i < jobIds.length; i += JOBS_PER_REQUEST) chunks.push(jobIds.slice(i, i + JOBS_PER_REQUEST));
  const lists = await Promise.all(
    chunks.map((chunk) =>
      fetchAll<AwxWorkflowJobNode>(client, ['workflow_job_nodes'], new URLSearchParams({ workflow_job__in: chunk.join(','), order_by: 'id' })),
    ),
  );
  const byJob = new Map<number, AwxWorkflowJobNode[]>(jobIds.map((id) => [id, []]));
  for (const node of lists.flat()) {
    if (node && typeof node.workflow_job === 'number') byJob.get(node.workflow_job)?.push(node);
  }
  return byJob;
}

/**
 * Every node of one workflow job from its own sub-list (`/workflow_jobs/{id}/workflow_nodes/`), which AWX
 * filters by the job's access (WorkflowJobAccess) rather than WorkflowJobNodeAccess; [] when the job is gone.
 */
export async function fetchNodesOfJob(client: AwxClient, jobId: number): Promise<AwxWorkflowJobNode[]> {
  try {
    return await fetchAll<AwxWorkflowJobNode>(client, ['workflow_jobs', jobId, 'workflow_nodes'], new URLSearchParams({ order_by: 'id' }));
  } catch (error) {
    // Gone (404), or no longer readable (403, ParentMixin.check_parent_access): none to show.
    if (error instanceof AwxHttpError && (error.status === 404 || error.status === 403)) return [];
    throw error;
  }
}
