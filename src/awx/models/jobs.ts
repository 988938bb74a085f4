/**
 * AWX REST shapes of the job types that implement UnifiedJob (list-row shape; every key optional but `id`).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type {
  AwxExecutionEnvironmentSummary,
  AwxInstanceGroupSummary,
  AwxInventorySummary,
  AwxJobSummary,
  AwxObjectSummary,
  AwxUnifiedJobTemplateSummary,
  AwxUserCapabilities,
  AwxUserSummary,
} from '../types.js';
import type { AwxInventorySourceOptions, AwxJobOptions, AwxProjectOptions, AwxUnifiedJobFields } from './common.js';

/**
 * `summary_fields` keys the job types share. AWX drops null entries, and a job built from a workflow
 * node's `summary_fields.job` has none at all.
 */
export interface AwxUnifiedJobSummaryFields {
  organization?: AwxObjectSummary;
  inventory?: AwxInventorySummary;
  execution_environment?: AwxExecutionEnvironmentSummary;
  unified_job_template?: AwxUnifiedJobTemplateSummary;
  instance_group?: AwxInstanceGroupSummary;
  schedule?: AwxObjectSummary;
  created_by?: AwxUserSummary;
  modified_by?: AwxUserSummary;
  user_capabilities?: AwxUserCapabilities;
  source_workflow_job?: AwxJobSummary;
}

/**
 * What every unified job row carries (UnifiedJobListSerializer). A partial job made from a workflow
 * node's `summary_fields.job` has only id, name, description, status, failed, elapsed, type,
 * canceled_on and (approvals) timed_out.
 */
export type AwxUnifiedJobBase = AwxUnifiedJobFields & {
  summary_fields?: AwxUnifiedJobSummaryFields;
  execution_environment?: number | null;
};

/** A playbook run (`/api/v2/jobs/`). */
export type AwxJob = AwxUnifiedJobBase & AwxJobOptions & {
  extra_vars?: string;
  execution_node?: string;
  controller_node?: string;
  job_template?: number | null;
  passwords_needed_to_start?: string[];
  artifacts?: Record<string, unknown>;
  scm_revision?: string;
  instance_group?: number | null;
  job_slice_number?: number;
  webhook_guid?: string;
};

/** A project's source control update (`/api/v2/project_updates/`). */
export type AwxProjectUpdate = AwxUnifiedJobBase & AwxProjectOptions & {
  execution_node?: string;
  project?: number | null;
  job_type?: string;
  job_tags?: string;
};

/** An inventory source sync (`/api/v2/inventory_updates/`). */
export type AwxInventoryUpdate = AwxUnifiedJobBase & AwxInventorySourceOptions & {
  execution_node?: string;
  controller_node?: string;
  inventory_source?: number | null;
  license_error?: boolean;
  org_host_limit_error?: boolean;
  source_project_update?: number | null;
  instance_group?: number | null;
  scm_revision?: string;
};

/** `summary_fields` an approval adds: its template (with the timeout) and who decided. */
export interface AwxWorkflowApprovalSummaryFields extends AwxUnifiedJobSummaryFields {
  workflow_approval_template?: AwxObjectSummary & { timeout?: number };
  approved_or_denied_by?: AwxUserSummary;
}

/** A workflow's approval step (`/api/v2/workflow_approvals/`). */
export type AwxWorkflowApproval = AwxUnifiedJobBase & {
  summary_fields?: AwxWorkflowApprovalSummaryFields;
  can_approve_or_deny?: boolean;
  approval_expiration?: string | null;
  timed_out?: boolean;
};

/** A maintenance job of a system job template (`/api/v2/system_jobs/`). */
export type AwxSystemJob = AwxUnifiedJobBase & {
  execution_node?: string;
  system_job_template?: number | null;
  job_type?: string;
  extra_vars?: string;
  result_stdout?: string;
};

/** An ad hoc module run against an inventory (`/api/v2/ad_hoc_commands/`); AWX sends no description. */
export type AwxAdHocCommand = AwxUnifiedJobBase & {
  execution_node?: string;
  controller_node?: string;
  job_type?: string;
  inventory?: number | null;
  limit?: string;
  credential?: number | null;
  module_name?: string;
  module_args?: string;
  forks?: number;
  verbosity?: number;
  extra_vars?: string;
  become_enabled?: boolean;
  diff_mode?: boolean;
};
