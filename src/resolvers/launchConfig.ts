/** Resolvers of AWX's launch-config fields, which schedules and workflow job nodes share (prompts for the job they launch). */
import type { AwxLaunchConfig } from '../awx/models/common.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxLaunchConfig>();

/** The renamed launch-config fields; spread into a type's resolvers (same-named ones need none). */
export const launchConfigFields = {
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
