/** AWX REST response shapes, as `GET /api/v2/workflow_jobs/` and its detail send them. */
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
export interface AwxObjectSummary {
  id?: number;
  name?: string;
  description?: string;
}

export interface AwxInventorySummary extends AwxObjectSummary, AwxInventoryCounts {
  organization_id?: number;
  kind?: string;
}

export interface AwxExecutionEnvironmentSummary extends AwxObjectSummary {
  image?: string;
}

export interface AwxScheduleSummary extends AwxObjectSummary {
  next_run?: string | null;
}

export interface AwxUnifiedJobTemplateSummary extends AwxObjectSummary {
  unified_job_type?: string;
}

export interface AwxInstanceGroupSummary {
  id?: number;
  name?: string;
  is_container_group?: boolean;
}

export interface AwxCredentialSummary extends AwxObjectSummary {
  kind?: string;
  cloud?: boolean;
  credential_type_id?: number;
}

export interface AwxUserSummary {
  id?: number;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface AwxUserCapabilities {
  start?: boolean;
  delete?: boolean;
}

export interface AwxJobSummary extends AwxObjectSummary {
  status?: string;
  failed?: boolean;
  elapsed?: number;
  type?: string;
  canceled_on?: string | null;
}

export interface AwxAncestorJobSummary {
  id?: number;
  name?: string;
  type?: string;
  url?: string;
}

export interface AwxLabelSummary {
  id: number;
  name: string;
}

export interface AwxLabelList {
  count: number;
  results: AwxLabelSummary[];
}

/** `summary_fields` of a workflow job: every key is optional (AWX drops null ones). */
export interface AwxWorkflowJobSummaryFields {
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
}

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
