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
import { globalId, Node, nodeRoots } from './Node.js';
import { Notification } from './Notification.js';
import { Organization } from './Organization.js';
import { withoutOwnKeyReads } from './ownKeyReads.js';
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
  Query: { ...Query, ...byIdRoots, ...nodeRoots },
  Mutation,
  Subscription,
  ...summaries,
  ...connections,
  WorkflowJobRelated,
  CancelInfo,
  UnifiedJob,
  UnifiedJobTemplate,
  Node,
};

/**
 * Every kind of src/awx/kinds.ts is a federation entity and a `Node`: `__resolveReference` reads it through this
 * request's batched loader of its collection, typed by codegen against the type's mapper, and `globalId` names it
 * across types (test/kinds.test.ts checks that no kind is left out).
 */
const entities: Resolvers = {
  WorkflowJob: { ...WorkflowJob, globalId, __resolveReference: resolveReference('workflow_jobs') },
  Job: { ...Job, globalId, __resolveReference: resolveReference('jobs') },
  ProjectUpdate: { ...ProjectUpdate, globalId, __resolveReference: resolveReference('project_updates') },
  InventoryUpdate: { ...InventoryUpdate, globalId, __resolveReference: resolveReference('inventory_updates') },
  WorkflowApproval: { ...WorkflowApproval, globalId, __resolveReference: resolveReference('workflow_approvals') },
  SystemJob: { ...SystemJob, globalId, __resolveReference: resolveReference('system_jobs') },
  AdHocCommand: { ...AdHocCommand, globalId, __resolveReference: resolveReference('ad_hoc_commands') },
  WorkflowJobTemplate: { ...WorkflowJobTemplate, globalId, __resolveReference: resolveReference('workflow_job_templates') },
  JobTemplate: { ...JobTemplate, globalId, __resolveReference: resolveReference('job_templates') },
  Project: { ...Project, globalId, __resolveReference: resolveReference('projects') },
  InventorySource: { ...InventorySource, globalId, __resolveReference: resolveReference('inventory_sources') },
  WorkflowApprovalTemplate: { ...WorkflowApprovalTemplate, globalId, __resolveReference: resolveReference('workflow_approval_templates') },
  SystemJobTemplate: { ...SystemJobTemplate, globalId, __resolveReference: resolveReference('system_job_templates') },
  WorkflowJobNode: { ...WorkflowJobNode, globalId, __resolveReference: resolveReference('workflow_job_nodes') },
  User: { ...User, globalId, __resolveReference: resolveReference('users') },
  Organization: { ...Organization, globalId, __resolveReference: resolveReference('organizations') },
  Inventory: { ...Inventory, globalId, __resolveReference: resolveReference('inventories') },
  Schedule: { ...Schedule, globalId, __resolveReference: resolveReference('schedules') },
  Credential: { ...Credential, globalId, __resolveReference: resolveReference('credentials') },
  Label: { ...Label, globalId, __resolveReference: resolveReference('labels') },
  Notification: { ...Notification, globalId, __resolveReference: resolveReference('notifications') },
  ActivityStreamEntry: { ...ActivityStreamEntry, globalId, __resolveReference: resolveReference('activity_stream') },
};

/** The schema's resolvers; fields that read their own AWX key are left to the executor (src/resolvers/ownKeyReads.ts). */
export const resolvers: Resolvers = withoutOwnKeyReads({ ...typeResolvers, ...entities });
