/** `WorkflowApprovalTemplate` ← AWX `workflow_approval_template`, full or summarised. */
import type { WorkflowApprovalTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowApprovalTemplate } from '../awx/models/templates.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxWorkflowApprovalTemplate>();

export const WorkflowApprovalTemplate: WorkflowApprovalTemplateResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  executionEnvironmentId: p('execution_environment'),
};
