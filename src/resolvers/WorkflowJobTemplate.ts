/** `WorkflowJobTemplate` ← AWX `workflow_job_template`, full or summarised. */
import type { WorkflowJobTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowJobTemplate } from '../awx/models/templates.js';
import { WEBHOOK_SERVICES } from './enums.js';
import { awxEnum, parseExtraVars, propsOf } from './helpers.js';

const p = propsOf<AwxWorkflowJobTemplate>();

export const WorkflowJobTemplate: WorkflowJobTemplateResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  organizationId: p('organization'),
  inventoryId: p('inventory'),
  scmBranch: p('scm_branch'),
  extraVars: (wfjt) => parseExtraVars(wfjt.extra_vars),
  allowSimultaneous: p('allow_simultaneous'),
  surveyEnabled: p('survey_enabled'),
  askVariablesOnLaunch: p('ask_variables_on_launch'),
  askInventoryOnLaunch: p('ask_inventory_on_launch'),
  askLimitOnLaunch: p('ask_limit_on_launch'),
  askScmBranchOnLaunch: p('ask_scm_branch_on_launch'),
  askLabelsOnLaunch: p('ask_labels_on_launch'),
  askTagsOnLaunch: p('ask_tags_on_launch'),
  askSkipTagsOnLaunch: p('ask_skip_tags_on_launch'),
  jobTags: p('job_tags'),
  skipTags: p('skip_tags'),
  webhookService: awxEnum(WEBHOOK_SERVICES, (wfjt: AwxWorkflowJobTemplate) => wfjt.webhook_service, 'webhook_service'),
  webhookCredentialId: p('webhook_credential'),
};
