/**
 * AWX REST response shapes, as `GET /api/v2/workflow_jobs/` and its detail send them. Type aliases, not
 * interfaces, so a summary standing in for its full object stays assignable to `AwxRecord`.
 */
import type { AwxInventoryCounts, AwxUnifiedJobFields } from './models/common.js';

/** A unified job's `status`. */
export type AwxJobStatus = 'new' | 'pending' | 'waiting' | 'running' | 'successful' | 'failed' | 'error' | 'canceled';
/** A unified job's `launch_type`. */
export type AwxLaunchType = 'manual' | 'relaunch' | 'callback' | 'scheduled' | 'dependency' | 'workflow' | 'webhook' | 'sync' | 'scm';
/** A job's `webhook_service` when set (AWX sends `""` when not). */
export type AwxWebhookService = 'github' | 'gitlab' | 'bitbucket_dc';
/** Sort direction of an `order_by` key. */
export type AwxOrderDirection = 'asc' | 'desc';
/** Workflow job fields AWX can order by. */
export type AwxWorkflowJobOrderField = 'id' | 'name' | 'created' | 'modified' | 'started' | 'finished' | 'elapsed' | 'status';

/** AWX's paginated list envelope; `next`/`previous` are relative paths. */
export interface AwxPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** `{id, name, description}`: AWX's default summary of a related object. */
export type AwxObjectSummary = {
  id?: number;
  name?: string;
  description?: string;
};

export type AwxInventorySummary = AwxObjectSummary & AwxInventoryCounts & {
  organization_id?: number;
  kind?: string;
};

export type AwxExecutionEnvironmentSummary = AwxObjectSummary & {
  image?: string;
};

export type AwxScheduleSummary = AwxObjectSummary & {
  next_run?: string | null;
};

export type AwxUnifiedJobTemplateSummary = AwxObjectSummary & {
  unified_job_type?: string;
};

export type AwxInstanceGroupSummary = {
  id?: number;
  name?: string;
  is_container_group?: boolean;
};

export type AwxCredentialSummary = AwxObjectSummary & {
  kind?: string;
  cloud?: boolean;
  credential_type_id?: number;
};

export type AwxUserSummary = {
  id?: number;
  username?: string;
  first_name?: string;
  last_name?: string;
};

export type AwxUserCapabilities = {
  start?: boolean;
  delete?: boolean;
};

export type AwxJobSummary = AwxObjectSummary & {
  status?: string;
  failed?: boolean;
  elapsed?: number;
  type?: string;
  canceled_on?: string | null;
};

export type AwxAncestorJobSummary = {
  id?: number;
  name?: string;
  type?: string;
  url?: string;
};

export type AwxLabelSummary = {
  id: number;
  name: string;
};

export type AwxLabelList = {
  count: number;
  results: AwxLabelSummary[];
};

/** `summary_fields` of a workflow job: every key is optional (AWX drops null ones). */
export type AwxWorkflowJobSummaryFields = {
  organization?: AwxObjectSummary;
  inventory?: AwxInventorySummary;
  execution_environment?: AwxExecutionEnvironmentSummary;
  job_template?: AwxObjectSummary;
  workflow_job_template?: AwxObjectSummary;
  schedule?: AwxScheduleSummary;
  unified_job_template?: AwxUnifiedJobTemplateSummary;
  instance_group?: AwxInstanceGroupSummary;
  webhook_credential?: AwxCredentialSummary;
  created_by?: AwxUserSummary;
  modified_by?: AwxUserSummary;
  user_capabilities?: AwxUserCapabilities;
  source_workflow_job?: AwxJobSummary;
  ancestor_job?: AwxAncestorJobSummary;
  labels?: AwxLabelList;
};

/**
 * A workflow job. List rows lack the detail-only fields (`job_args`, `job_cwd`, `job_env`,
 * `result_traceback`), hence optional. A type alias, not an interface, so it is an `AwxRecord` as it is.
 */
export type AwxWorkflowJob = AwxUnifiedJobFields & {
  summary_fields?: AwxWorkflowJobSummaryFields;
  job_args?: string;
  job_cwd?: string;
  job_env?: Record<string, unknown>;
  result_traceback?: string;
  workflow_job_template?: number | null;
  extra_vars?: string;
  allow_simultaneous?: boolean;
  job_template?: number | null;
  is_sliced_job?: boolean;
  inventory?: number | null;
  limit?: string | null;
  scm_branch?: string | null;
  webhook_service?: string;
  webhook_credential?: number | null;
  webhook_guid?: string;
  skip_tags?: string | null;
  job_tags?: string | null;
};
