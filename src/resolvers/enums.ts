/** GraphQL enum names → AWX's lowercase strings (the internal values resolvers see). */
import type {
  JobStatusResolvers,
  LaunchTypeResolvers,
  OrderDirectionResolvers,
  WebhookServiceResolvers,
  WorkflowJobOrderFieldResolvers,
} from '../__generated__/resolvers-types.js';
import type { AwxJobStatus, AwxLaunchType, AwxWebhookService } from '../awx/types.js';

export const JobStatus: JobStatusResolvers = {
  NEW: 'new',
  PENDING: 'pending',
  WAITING: 'waiting',
  RUNNING: 'running',
  SUCCESSFUL: 'successful',
  FAILED: 'failed',
  ERROR: 'error',
  CANCELED: 'canceled',
};

export const LaunchType: LaunchTypeResolvers = {
  MANUAL: 'manual',
  RELAUNCH: 'relaunch',
  CALLBACK: 'callback',
  SCHEDULED: 'scheduled',
  DEPENDENCY: 'dependency',
  WORKFLOW: 'workflow',
  WEBHOOK: 'webhook',
  SYNC: 'sync',
  SCM: 'scm',
};

export const WebhookService: WebhookServiceResolvers = { GITHUB: 'github', GITLAB: 'gitlab', BITBUCKET_DC: 'bitbucket_dc' };

export const OrderDirection: OrderDirectionResolvers = { ASC: 'asc', DESC: 'desc' };

export const WorkflowJobOrderField: WorkflowJobOrderFieldResolvers = {
  ID: 'id',
  NAME: 'name',
  CREATED: 'created',
  MODIFIED: 'modified',
  STARTED: 'started',
  FINISHED: 'finished',
  ELAPSED: 'elapsed',
  STATUS: 'status',
};

/** AWX values each enum accepts, for checking what AWX sends. */
export const JOB_STATUSES = Object.values(JobStatus) as AwxJobStatus[];
export const LAUNCH_TYPES = Object.values(LaunchType) as AwxLaunchType[];
export const WEBHOOK_SERVICES = Object.values(WebhookService) as AwxWebhookService[];
