/** The UnifiedJob fields every job type maps the same way, spread into each type's resolver table. */
import type { AwxUnifiedJobBase } from '../awx/models/jobs.js';
import { JOB_STATUSES, LAUNCH_TYPES } from './enums.js';
import { awxEnum, ownId, propsOf } from './helpers.js';

const p = propsOf<AwxUnifiedJobBase>();

/**
 * Interface fields plus `launchedBy`, `workUnitId` and `executionEnvironmentId`. A parent may be a
 * partial job from a workflow node's `summary_fields.job`: every key it lacks answers null.
 */
export const unifiedJobFields = {
  id: ownId,
  type: p('type'),
  url: p('url'),
  name: p('name'),
  description: p('description'),
  status: awxEnum(JOB_STATUSES, (job: AwxUnifiedJobBase) => job.status, 'status'),
  failed: p('failed'),
  elapsed: p('elapsed'),
  started: p('started'),
  finished: p('finished'),
  canceledOn: p('canceled_on'),
  created: p('created'),
  modified: p('modified'),
  launchType: awxEnum(LAUNCH_TYPES, (job: AwxUnifiedJobBase) => job.launch_type, 'launch_type'),
  unifiedJobTemplateId: p('unified_job_template'),
  jobExplanation: p('job_explanation'),
  launchedBy: p('launched_by'),
  workUnitId: p('work_unit_id'),
  executionEnvironmentId: p('execution_environment'),
};
