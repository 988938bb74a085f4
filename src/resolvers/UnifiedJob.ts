/** `UnifiedJob` and `UnifiedJobTemplate`: which GraphQL type an AWX object is, from its `type`. */
import type { UnifiedJobResolvers, UnifiedJobTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxRecord } from '../awx/byIds.js';
import { quote, upstreamDataError } from '../errors.js';

const JOB_TYPES = {
  workflow_job: 'WorkflowJob',
  job: 'Job',
  project_update: 'ProjectUpdate',
  inventory_update: 'InventoryUpdate',
  workflow_approval: 'WorkflowApproval',
  system_job: 'SystemJob',
  ad_hoc_command: 'AdHocCommand',
} as const;

const TEMPLATE_TYPES = {
  workflow_job_template: 'WorkflowJobTemplate',
  job_template: 'JobTemplate',
  project: 'Project',
  inventory_source: 'InventorySource',
  workflow_approval_template: 'WorkflowApprovalTemplate',
  system_job_template: 'SystemJobTemplate',
} as const;

function typeName<M extends Record<string, string>>(map: M, record: AwxRecord, what: string): M[keyof M] {
  const name = map[String(record.type) as keyof M];
  if (!name) throw upstreamDataError(`AWX sent a ${what} of type ${quote(record.type)}, which this gateway does not know.`);
  return name;
}

export const UnifiedJob: UnifiedJobResolvers = {
  __resolveType: (job) => typeName(JOB_TYPES, job, 'job'),
};

export const UnifiedJobTemplate: UnifiedJobTemplateResolvers = {
  __resolveType: (template) => typeName(TEMPLATE_TYPES, template, 'template'),
};
