/** Every resolver of the schema, typed by codegen against the SDL in schema/. */
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { JobStatus, LaunchType, OrderDirection, WebhookService, WorkflowJobOrderField } from './enums.js';
import { Query } from './Query.js';
import { DateTime, JSON_SCALAR } from './scalars.js';
import * as summaries from './SummaryFields.js';
import { WorkflowJob } from './WorkflowJob.js';
import { WorkflowJobConnection } from './WorkflowJobConnection.js';

export const resolvers: Resolvers = {
  DateTime,
  JSON: JSON_SCALAR,
  JobStatus,
  LaunchType,
  WebhookService,
  OrderDirection,
  WorkflowJobOrderField,
  Query,
  WorkflowJob,
  WorkflowJobConnection,
  ...summaries,
};
