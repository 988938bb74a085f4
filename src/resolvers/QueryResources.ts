/** Root fields reading one related AWX object by id (`user(id:)`, `jobTemplate(id:)`, …), batched per collection. */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { byIdRoot } from './roots.js';

/** One `Query` field per resource type, each a batched `?id__in=` read of its AWX collection. */
export const resourceRoots: QueryResolvers = {
  user: byIdRoot('users'),
  organization: byIdRoot('organizations'),
  workflowJobTemplate: byIdRoot('workflow_job_templates'),
  jobTemplate: byIdRoot('job_templates'),
  project: byIdRoot('projects'),
  inventorySource: byIdRoot('inventory_sources'),
  workflowApprovalTemplate: byIdRoot('workflow_approval_templates'),
  systemJobTemplate: byIdRoot('system_job_templates'),
  inventory: byIdRoot('inventories'),
  schedule: byIdRoot('schedules'),
  credential: byIdRoot('credentials'),
  label: byIdRoot('labels'),
  notification: byIdRoot('notifications'),
  activityStreamEntry: byIdRoot('activity_stream'),
};
