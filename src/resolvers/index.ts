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
import { KINDS } from '../awx/kinds.js';
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
  WorkflowJob,
  WorkflowJobRelated,
  CancelInfo,
  WorkflowJobNode,
  UnifiedJob,
  UnifiedJobTemplate,
  User,
  Organization,
  WorkflowJobTemplate,
  JobTemplate,
  Project,
  InventorySource,
  WorkflowApprovalTemplate,
  SystemJobTemplate,
  Inventory,
  Schedule,
  Credential,
  Label,
  Notification,
  ActivityStreamEntry,
  Job,
  ProjectUpdate,
  InventoryUpdate,
  WorkflowApproval,
  SystemJob,
  AdHocCommand,
};

/** The type resolvers, with federation's `__resolveReference` added to every kind's type (each is an entity). */
export const resolvers: Resolvers = { ...typeResolvers };
for (const kind of KINDS) {
  resolvers[kind.graphqlType] = { ...typeResolvers[kind.graphqlType], __resolveReference: resolveReference(kind.resource) } as never;
}
