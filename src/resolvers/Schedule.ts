/** `Schedule` ← AWX `schedule`, full or summarised (`{id, name, description, next_run}`). */
import type { ScheduleResolvers } from '../__generated__/resolvers-types.js';
import type { AwxSchedule } from '../awx/models/schedule.js';
import { propsOf } from './helpers.js';
import { launchConfigFields } from './launchConfig.js';

const p = propsOf<AwxSchedule>();

export const Schedule: ScheduleResolvers = {
  nextRun: p('next_run'),
  unifiedJobTemplateId: p('unified_job_template'),
  ...launchConfigFields,
};
