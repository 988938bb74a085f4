/** `SystemJobTemplate` ← AWX `system_job_template`, full or summarised. */
import type { SystemJobTemplateResolvers } from '../__generated__/resolvers-types.js';
import type { AwxSystemJobTemplate } from '../awx/models/templates.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxSystemJobTemplate>();

export const SystemJobTemplate: SystemJobTemplateResolvers = {
  lastJobRun: p('last_job_run'),
  lastJobFailed: p('last_job_failed'),
  nextJobRun: p('next_job_run'),
  executionEnvironmentId: p('execution_environment'),
  jobType: p('job_type'),
};
