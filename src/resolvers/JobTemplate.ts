/** `JobTemplate` ← AWX `job_template`, full or summarised; the callback `host_config_key` is never read. */
import type { JobTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxJobTemplate } from '../awx/models/templates.js';
import { WEBHOOK_SERVICES } from './enums.js';
import { awxEnum, parseExtraVars, propsOf } from './helpers.js';

const p = propsOf<AwxJobTemplate>();

export const JobTemplate: JobTemplateResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  jobType: p('job_type'),
  inventoryId: p('inventory'),
  projectId: p('project'),
  scmBranch: p('scm_branch'),
  extraVars: (jt) => parseExtraVars(jt.extra_vars),
  jobTags: p('job_tags'),
  skipTags: p('skip_tags'),
  forceHandlers: p('force_handlers'),
  startAtTask: p('start_at_task'),
  useFactCache: p('use_fact_cache'),
  organizationId: p('organization'),
  executionEnvironmentId: p('execution_environment'),
  askScmBranchOnLaunch: p('ask_scm_branch_on_launch'),
  askDiffModeOnLaunch: p('ask_diff_mode_on_launch'),
  askVariablesOnLaunch: p('ask_variables_on_launch'),
  askLimitOnLaunch: p('ask_limit_on_launch'),
  askTagsOnLaunch: p('ask_tags_on_launch'),
  askSkipTagsOnLaunch: p('ask_skip_tags_on_launch'),
  askJobTypeOnLaunch: p('ask_job_type_on_launch'),
  askVerbosityOnLaunch: p('ask_verbosity_on_launch'),
  askInventoryOnLaunch: p('ask_inventory_on_launch'),
  askCredentialOnLaunch: p('ask_credential_on_launch'),
  askExecutionEnvironmentOnLaunch: p('ask_execution_environment_on_launch'),
  askLabelsOnLaunch: p('ask_labels_on_launch'),
  askForksOnLaunch: p('ask_forks_on_launch'),
  askJobSliceCountOnLaunch: p('ask_job_slice_count_on_launch'),
  askTimeoutOnLaunch: p('ask_timeout_on_launch'),
  askInstanceGroupsOnLaunch: p('ask_instance_groups_on_launch'),
  surveyEnabled: p('survey_enabled'),
  becomeEnabled: p('become_enabled'),
  diffMode: p('diff_mode'),
  allowSimultaneous: p('allow_simultaneous'),
  jobSliceCount: p('job_slice_count'),
  webhookService: awxEnum(WEBHOOK_SERVICES, (jt: AwxJobTemplate) => jt.webhook_service, 'webhook_service'),
  webhookCredentialId: p('webhook_credential'),
  preventInstanceGroupFallback: p('prevent_instance_group_fallback'),
};
