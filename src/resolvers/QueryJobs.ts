/** `Query` root fields that read one job of each UnifiedJob type by id, batched per collection. */
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type {
  AwxAdHocCommand,
  AwxInventoryUpdate,
  AwxJob,
  AwxProjectUpdate,
  AwxSystemJob,
  AwxWorkflowApproval,
} from '../awx/models/jobs.js';
import { byIdRoot } from './roots.js';

/** `job`, `projectUpdate`, `inventoryUpdate`, `workflowApproval`, `systemJob`, `adHocCommand`. */
export const jobRoots: QueryResolvers = {
  job: byIdRoot<AwxJob>('jobs'),
  projectUpdate: byIdRoot<AwxProjectUpdate>('project_updates'),
  inventoryUpdate: byIdRoot<AwxInventoryUpdate>('inventory_updates'),
  workflowApproval: byIdRoot<AwxWorkflowApproval>('workflow_approvals'),
  systemJob: byIdRoot<AwxSystemJob>('system_jobs'),
  adHocCommand: byIdRoot<AwxAdHocCommand>('ad_hoc_commands'),
};
