/** Every resolver of the schema, typed by codegen against the SDL in schema/. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ActivityStreamEntry } from './ActivityStreamEntry.js';
import { AdHocCommand } from './AdHocCommand.js';
import * as connections from './Connections.js';
import { Credential } from './Credential.js';
import { JobStatus, LaunchType, OrderDirection, WebhookService, WorkflowJobOrderField } from './enums.js';
import { Inventory } from './Inventory.js';
import { InventorySource } from './InventorySource.js';
import { InventoryUpdate } from './InventoryUpdate.js';
import { Job } from './Job.js';
import { JobTemplate } from './JobTemplate.js';
import { Label } from './Label.js';
import { Mutation } from './Mutation.js';
import { Notification } from './Notification.js';
import { Organization } from './Organization.js';
import { Project } from './Project.js';
import { ProjectUpdate } from './ProjectUpdate.js';
import { Query } from './Query.js';
import { resolveReference } from './entities.js';
import { byIdRoots } from './roots.js';
import { DateTime, JSON_SCALAR } from './scalars.js';
import { Schedule } from './Schedule.js';
import { Subscription } from './Subscription.js';
import * as summaries from './SummaryFields.js';
import { SystemJob } from './SystemJob.js';
import { SystemJobTemplate } from './SystemJobTemplate.js';
import { UnifiedJob, UnifiedJobTemplate } from './UnifiedJob.js';
import { User } from './User.js';
import { WorkflowApproval } from './WorkflowApproval.js';
import { WorkflowApprovalTemplate } from './WorkflowApprovalTemplate.js';
import { WorkflowJob } from './WorkflowJob.js';
import { WorkflowJobNode } from './WorkflowJobNode.js';
import { CancelInfo, WorkflowJobRelated } from './WorkflowJobRelated.js';
import { WorkflowJobTemplate } from './WorkflowJobTemplate.js';

/** The types that are not AWX kinds: scalars, enums, roots, summaries, connections and wrappers. */
const typeResolvers: Resolvers = {
  DateTime,
  JSON: JSON_SCALAR,
  JobStatus,
  LaunchType,
  WebhookService,
  OrderDirection,
  WorkflowJobOrderField,
  Query: { ...Query, ...byIdRoots },
  Mutation,
  Subscription,
  ...summaries,
  ...connections,
  WorkflowJobRelated,
  CancelInfo,
  UnifiedJob,
  UnifiedJobTemplate,
};

/**
 * Every kind of src/awx/kinds.ts is a federation entity: `__resolveReference` reads it through this request's
 * batched loader of its collection, typed by codegen against the type's mapper (test/kinds.test.ts checks
 * that no kind is left out).
 */
const entities: Resolvers = {
  WorkflowJob: { ...WorkflowJob, __resolveReference: resolveReference('workflow_jobs') },
  Job: { ...Job, __resolveReference: resolveReference('jobs') },
  ProjectUpdate: { ...ProjectUpdate, __resolveReference: resolveReference('project_updates') },
  InventoryUpdate: { ...InventoryUpdate, __resolveReference: resolveReference('inventory_updates') },
  WorkflowApproval: { ...WorkflowApproval, __resolveReference: resolveReference('workflow_approvals') },
  SystemJob: { ...SystemJob, __resolveReference: resolveReference('system_jobs') },
  AdHocCommand: { ...AdHocCommand, __resolveReference: resolveReference('ad_hoc_commands') },
  WorkflowJobTemplate: { ...WorkflowJobTemplate, __resolveReference: resolveReference('workflow_job_templates') },
  JobTemplate: { ...JobTemplate, __resolveReference: resolveReference('job_templates') },
  Project: { ...Project, __resolveReference: resolveReference('projects') },
  InventorySource: { ...InventorySource, __resolveReference: resolveReference('inventory_sources') },
  WorkflowApprovalTemplate: { ...WorkflowApprovalTemplate, __resolveReference: resolveReference('workflow_approval_templates') },
  SystemJobTemplate: { ...SystemJobTemplate, __resolveReference: resolveReference('system_job_templates') },
  WorkflowJobNode: { ...WorkflowJobNode, __resolveReference: resolveReference('workflow_job_nodes') },
  User: { ...User, __resolveReference: resolveReference('users') },
  Organization: { ...Organization, __resolveReference: resolveReference('organizations') },
  Inventory: { ...Inventory, __resolveReference: resolveReference('inventories') },
  Schedule: { ...Schedule, __resolveReference: resolveReference('schedules') },
  Credential: { ...Credential, __resolveReference: resolveReference('credentials') },
  Label: { ...Label, __resolveReference: resolveReference('labels') },
  Notification: { ...Notification, __resolveReference: resolveReference('notifications') },
  ActivityStreamEntry: { ...ActivityStreamEntry, __resolveReference: resolveReference('activity_stream') },
};

/** The schema's resolvers. */
export const resolvers: Resolvers = { ...typeResolvers, ...entities };
