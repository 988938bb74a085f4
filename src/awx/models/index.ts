/**
 * Which model each collection's JSON is: what a by-id read of `<api>/v2/<resource>/` returns. The same
 * types codegen.yml maps each kind's GraphQL type to (src/awx/kinds.ts), so a loaded object is the parent
 * its GraphQL type's resolvers expect, checked by the compiler where a resolver returns it.
 */
import type { AwxResource } from '../resources.js';
import type { AwxWorkflowJob } from '../types.js';
import type { AwxWorkflowJobNode } from '../workflowJobNodes.js';
import type { AwxActivityStreamEntry } from './activityStream.js';
import type { AwxCredential } from './credential.js';
import type { AwxInventory } from './inventory.js';
import type { AwxAdHocCommand, AwxInventoryUpdate, AwxJob, AwxProjectUpdate, AwxSystemJob, AwxWorkflowApproval } from './jobs.js';
import type { AwxLabel } from './label.js';
import type { AwxNotification } from './notification.js';
import type { AwxOrganization } from './organization.js';
import type { AwxSchedule } from './schedule.js';
import type {
  AwxInventorySource, AwxJobTemplate, AwxProject, AwxSystemJobTemplate, AwxWorkflowApprovalTemplate, AwxWorkflowJobTemplate,
} from './templates.js';
import type { AwxUser } from './user.js';

interface ModelTable {
  workflow_jobs: AwxWorkflowJob;
  jobs: AwxJob;
  project_updates: AwxProjectUpdate;
  inventory_updates: AwxInventoryUpdate;
  workflow_approvals: AwxWorkflowApproval;
  system_jobs: AwxSystemJob;
  ad_hoc_commands: AwxAdHocCommand;
  workflow_job_templates: AwxWorkflowJobTemplate;
  job_templates: AwxJobTemplate;
  projects: AwxProject;
  inventory_sources: AwxInventorySource;
  workflow_approval_templates: AwxWorkflowApprovalTemplate;
  system_job_templates: AwxSystemJobTemplate;
  workflow_job_nodes: AwxWorkflowJobNode;
  users: AwxUser;
  organizations: AwxOrganization;
  inventories: AwxInventory;
  schedules: AwxSchedule;
  credentials: AwxCredential;
  labels: AwxLabel;
  notifications: AwxNotification;
  activity_stream: AwxActivityStreamEntry;
}

/** The model of one collection (a collection of src/awx/kinds.ts missing from the table fails to compile here). */
export type AwxModel<R extends AwxResource> = ModelTable[R];
