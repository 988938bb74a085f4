/**
 * AWX's unified job templates as their `/api/v2/<kind>/` lists send them, one type per kind.
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxInventorySourceOptions, AwxJobOptions, AwxNamedObject, AwxProjectOptions } from './common.js';

/** What every kind of template has (UnifiedJobTemplateSerializer). */
type AwxTemplateBase = AwxNamedObject & {
  last_job_run?: string | null;
  last_job_failed?: boolean;
  next_job_run?: string | null;
  /** Job states plus `never updated`, `ok`, `missing`, `none`, `updating`. */
  status?: string;
  execution_environment?: number | null;
};

/** A workflow job template (WorkflowJobTemplateSerializer). */
export type AwxWorkflowJobTemplate = AwxTemplateBase & {
  /** JSON or YAML text. */
  extra_vars?: string | null;
  organization?: number | null;
  survey_enabled?: boolean;
  allow_simultaneous?: boolean;
  ask_variables_on_launch?: boolean;
  inventory?: number | null;
  limit?: string | null;
  scm_branch?: string | null;
  ask_inventory_on_launch?: boolean;
  ask_scm_branch_on_launch?: boolean;
  ask_limit_on_launch?: boolean;
  /** `""` when webhooks are off. */
  webhook_service?: string;
  webhook_credential?: number | null;
  ask_labels_on_launch?: boolean;
  ask_skip_tags_on_launch?: boolean;
  ask_tags_on_launch?: boolean;
  skip_tags?: string | null;
  job_tags?: string | null;
};

/** A job template (JobTemplateSerializer); `host_config_key` is a callback secret and left out. */
export type AwxJobTemplate = AwxTemplateBase & AwxJobOptions & {
  /** JSON or YAML text. */
  extra_vars?: string | null;
  ask_scm_branch_on_launch?: boolean;
  ask_diff_mode_on_launch?: boolean;
  ask_variables_on_launch?: boolean;
  ask_limit_on_launch?: boolean;
  ask_tags_on_launch?: boolean;
  ask_skip_tags_on_launch?: boolean;
  ask_job_type_on_launch?: boolean;
  ask_verbosity_on_launch?: boolean;
  ask_inventory_on_launch?: boolean;
  ask_credential_on_launch?: boolean;
  ask_execution_environment_on_launch?: boolean;
  ask_labels_on_launch?: boolean;
  ask_forks_on_launch?: boolean;
  ask_job_slice_count_on_launch?: boolean;
  ask_timeout_on_launch?: boolean;
  ask_instance_groups_on_launch?: boolean;
  survey_enabled?: boolean;
  become_enabled?: boolean;
  prevent_instance_group_fallback?: boolean;
};

/** A project (ProjectSerializer). */
export type AwxProject = AwxTemplateBase & AwxProjectOptions & {
  organization?: number | null;
  scm_update_on_launch?: boolean;
  scm_update_cache_timeout?: number;
  allow_override?: boolean;
  default_environment?: number | null;
  signature_validation_credential?: number | null;
  last_update_failed?: boolean;
  last_updated?: string | null;
};

/** An inventory source (InventorySourceSerializer). */
export type AwxInventorySource = AwxTemplateBase & AwxInventorySourceOptions & {
  /** JSON or YAML text. */
  source_vars?: string | null;
  update_on_launch?: boolean;
  update_cache_timeout?: number;
  source_project?: number | null;
  last_update_failed?: boolean;
  last_updated?: string | null;
};

/** An approval template (WorkflowApprovalTemplateSerializer). */
export type AwxWorkflowApprovalTemplate = AwxTemplateBase & {
  /** Seconds; 0 means never. */
  timeout?: number;
};

/** A system job template (SystemJobTemplateSerializer). */
export type AwxSystemJobTemplate = AwxTemplateBase & {
  job_type?: string;
};
