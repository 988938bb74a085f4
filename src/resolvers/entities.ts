/** Federation entities: how a supergraph's `_entities` representations `{ __typename, id }` become AWX objects. */
import type { AwxResource } from '../awx/resources.js';
import type { GatewayContext } from '../context.js';
import { parseId } from './helpers.js';

/** Each entity type (`@key(fields: "id")`) and the AWX collection it is read from. */
export const ENTITY_RESOURCES = {
  WorkflowJob: 'workflow_jobs',
  WorkflowJobNode: 'workflow_job_nodes',
  WorkflowJobTemplate: 'workflow_job_templates',
  JobTemplate: 'job_templates',
  Project: 'projects',
  InventorySource: 'inventory_sources',
  WorkflowApprovalTemplate: 'workflow_approval_templates',
  SystemJobTemplate: 'system_job_templates',
  User: 'users',
  Organization: 'organizations',
  Inventory: 'inventories',
  Schedule: 'schedules',
  Credential: 'credentials',
  Label: 'labels',
  Notification: 'notifications',
  ActivityStreamEntry: 'activity_stream',
  Job: 'jobs',
  ProjectUpdate: 'project_updates',
  InventoryUpdate: 'inventory_updates',
  WorkflowApproval: 'workflow_approvals',
  SystemJob: 'system_jobs',
  AdHocCommand: 'ad_hoc_commands',
} as const satisfies Record<string, AwxResource>;

/**
 * `__resolveReference` for one entity type: through this request's batched by-id loader, so any number
 * of representations of one type cost one `?id__in=` request; an unknown or invisible id is null.
 */
export function resolveReference(resource: AwxResource) {
  return (reference: { id?: unknown }, { loaders }: GatewayContext) =>
    loaders.byId(resource).load(parseId(reference.id as string, 'representations.id')) as Promise<never>;
}
