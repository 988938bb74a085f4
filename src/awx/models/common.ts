/**
 * Field groups that several AWX serializers send alike, for the models to combine with `&`.
 * Type aliases, not interfaces, so the models built from them stay assignable to `AwxRecord`.
 */

/** What every AWX object row starts with (BaseSerializer): id, type, url and the two timestamps. */
export type AwxObjectBase = {
  id: number;
  type?: string;
  url?: string;
  created?: string;
  modified?: string;
};

/** An AWX object with a name and description (the usual `{id, name, description}` kind of object). */
export type AwxNamedObject = AwxObjectBase & {
  name?: string;
  description?: string;
};

/** The launch-time overrides AWX keeps on schedules and workflow nodes (LaunchConfigurationBase); null means "not set". */
export type AwxLaunchConfig = {
  extra_data?: unknown;
  inventory?: number | null;
  scm_branch?: string | null;
  job_type?: string | null;
  job_tags?: string | null;
  skip_tags?: string | null;
  limit?: string | null;
  diff_mode?: boolean | null;
  verbosity?: number | null;
  execution_environment?: number | null;
  forks?: number | null;
  job_slice_count?: number | null;
  timeout?: number | null;
};

/** `launched_by`: a user, schedule or AWX itself; `{}` when AWX has no launcher to show. */
export type AwxLaunchedBy = {
  id?: number | null;
  name?: string | null;
  type?: string | null;
  url?: string | null;
};

/** What every unified job row has, workflow jobs included (UnifiedJobListSerializer, less `summary_fields`). */
export type AwxUnifiedJobFields = {
  id: number;
  type?: string;
  url?: string;
  related?: Record<string, string>;
  created?: string | null;
  modified?: string | null;
  name?: string;
  description?: string;
  unified_job_template?: number | null;
  launch_type?: string;
  status?: string;
  failed?: boolean;
  started?: string | null;
  finished?: string | null;
  canceled_on?: string | null;
  elapsed?: number;
  job_explanation?: string;
  launched_by?: AwxLaunchedBy;
  work_unit_id?: string | null;
};

/** The playbook settings a job copies from its job template (JobOptions), `extra_vars` aside. */
export type AwxJobOptions = {
  job_type?: string;
  inventory?: number | null;
  project?: number | null;
  playbook?: string;
  scm_branch?: string;
  forks?: number;
  limit?: string;
  verbosity?: number;
  job_tags?: string;
  force_handlers?: boolean;
  skip_tags?: string;
  start_at_task?: string;
  timeout?: number;
  use_fact_cache?: boolean;
  organization?: number | null;
  diff_mode?: boolean;
  job_slice_count?: number;
  allow_simultaneous?: boolean;
  webhook_service?: string;
  webhook_credential?: number | null;
};

/** The source control settings a project update copies from its project (ProjectOptions). */
export type AwxProjectOptions = {
  local_path?: string;
  scm_type?: string;
  scm_url?: string;
  scm_branch?: string;
  scm_refspec?: string;
  scm_clean?: boolean;
  scm_track_submodules?: boolean;
  scm_delete_on_update?: boolean;
  credential?: number | null;
  timeout?: number;
  scm_revision?: string;
};

/** The sync settings an inventory update copies from its inventory source (InventorySourceOptions). */
export type AwxInventorySourceOptions = {
  source?: string;
  source_path?: string;
  credential?: number | null;
  enabled_var?: string;
  enabled_value?: string;
  host_filter?: string;
  overwrite?: boolean;
  overwrite_vars?: boolean;
  timeout?: number;
  verbosity?: number;
  inventory?: number | null;
};

/** An inventory's host, group and source counts, on the inventory and on its summaries. */
export type AwxInventoryCounts = {
  has_active_failures?: boolean;
  total_hosts?: number;
  hosts_with_active_failures?: number;
  total_groups?: number;
  has_inventory_sources?: boolean;
  total_inventory_sources?: number;
  inventory_sources_with_failures?: number;
};
