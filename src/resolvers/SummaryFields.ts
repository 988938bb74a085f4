/**
 * `WorkflowJobSummaryFields` and the small summary types inside it. They are pure renames of
 * AWX's `summary_fields` keys, so they share one mapping file instead of thirteen tiny ones.
 */
import type {
  CredentialSummaryResolvers,
  InstanceGroupSummaryResolvers,
  InventorySummaryResolvers,
  JobSummaryResolvers,
  ScheduleSummaryResolvers,
  UnifiedJobTemplateSummaryResolvers,
  UserSummaryResolvers,
  WorkflowJobSummaryFieldsResolvers,
} from '../__generated__/resolvers-types.js';
import type * as Awx from '../awx/types.js';
import { JOB_STATUSES } from './enums.js';
import { awxEnum, propsOf } from './helpers.js';

const s = propsOf<Awx.AwxWorkflowJobSummaryFields>();

export const WorkflowJobSummaryFields: WorkflowJobSummaryFieldsResolvers = {
  organization: s('organization'),
  inventory: s('inventory'),
  executionEnvironment: s('execution_environment'),
  jobTemplate: s('job_template'),
  workflowJobTemplate: s('workflow_job_template'),
  schedule: s('schedule'),
  unifiedJobTemplate: s('unified_job_template'),
  instanceGroup: s('instance_group'),
  webhookCredential: s('webhook_credential'),
  createdBy: s('created_by'),
  modifiedBy: s('modified_by'),
  userCapabilities: s('user_capabilities'),
  sourceWorkflowJob: s('source_workflow_job'),
  ancestorJob: s('ancestor_job'),
  labels: s('labels'),
};

const inv = propsOf<Awx.AwxInventorySummary>();
export const InventorySummary: InventorySummaryResolvers = {
  hasActiveFailures: inv('has_active_failures'),
  totalHosts: inv('total_hosts'),
  hostsWithActiveFailures: inv('hosts_with_active_failures'),
  totalGroups: inv('total_groups'),
  hasInventorySources: inv('has_inventory_sources'),
  totalInventorySources: inv('total_inventory_sources'),
  inventorySourcesWithFailures: inv('inventory_sources_with_failures'),
  organizationId: inv('organization_id'),
};

export const ScheduleSummary: ScheduleSummaryResolvers = {
  nextRun: propsOf<Awx.AwxScheduleSummary>()('next_run'),
};

export const UnifiedJobTemplateSummary: UnifiedJobTemplateSummaryResolvers = {
  unifiedJobType: propsOf<Awx.AwxUnifiedJobTemplateSummary>()('unified_job_type'),
};

export const InstanceGroupSummary: InstanceGroupSummaryResolvers = {
  isContainerGroup: propsOf<Awx.AwxInstanceGroupSummary>()('is_container_group'),
};

export const CredentialSummary: CredentialSummaryResolvers = {
  credentialTypeId: propsOf<Awx.AwxCredentialSummary>()('credential_type_id'),
};

const user = propsOf<Awx.AwxUserSummary>();
export const UserSummary: UserSummaryResolvers = {
  firstName: user('first_name'),
  lastName: user('last_name'),
};

export const JobSummary: JobSummaryResolvers = {
  status: awxEnum(JOB_STATUSES, (job: Awx.AwxJobSummary) => job.status, 'status'),
  canceledOn: propsOf<Awx.AwxJobSummary>()('canceled_on'),
};
