/** `WorkflowApproval` ← AWX `workflow_approval` (a workflow's approval step): a mapping table. */
import type { WorkflowApprovalResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowApproval } from '../awx/models/jobs.js';
import { propsOf } from './helpers.js';
import { unifiedJobFields } from './unifiedJobFields.js';

const p = propsOf<AwxWorkflowApproval>();

/** Resolvers of `WorkflowApproval`: AWX keys renamed, template timeout and decider from `summary_fields`. */
export const WorkflowApproval: WorkflowApprovalResolvers = {
  ...unifiedJobFields,
  canApproveOrDeny: p('can_approve_or_deny'),
  approvalExpiration: p('approval_expiration'),
  timedOut: p('timed_out'),
  // AWX's approval serializer has no timeout of its own: it is on the summarised approval template.
  timeout: (approval) => approval.summary_fields?.workflow_approval_template?.timeout ?? null,
  approvedOrDeniedBy: (approval) => approval.summary_fields?.approved_or_denied_by ?? null,
};
