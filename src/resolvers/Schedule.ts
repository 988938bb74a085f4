/** `Schedule` ← AWX `schedule`, full or summarised (`{id, name, description, next_run}`). */
import type { ScheduleResolvers } from '../__generated__/resolvers-types.js';
import type { AwxSchedule } from '../awx/models/schedule.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxSchedule>();

export const Schedule: ScheduleResolvers = {
  nextRun: p('next_run'),
  unifiedJobTemplateId: p('unified_job_template'),
  extraData: p('extra_data'),
  inventoryId: p('inventory'),
  scmBranch: p('scm_branch'),
  jobType: p('job_type'),
  jobTags: p('job_tags'),
  skipTags: p('skip_tags'),
  diffMode: p('diff_mode'),
  executionEnvironmentId: p('execution_environment'),
  jobSliceCount: p('job_slice_count'),
};
