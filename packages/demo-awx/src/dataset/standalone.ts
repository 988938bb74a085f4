import { UNIFIED_JOB_COLLECTIONS } from '../store.js';
import type { AwxRecord, DemoData } from '../types.js';
import type { Micros } from '../time.js';
import { adHocCommandRecords } from './ad-hoc-commands.js';
import { systemJobRecords } from './system-jobs.js';

/**
 * Adds the unified jobs no workflow launches: system jobs (superusers only) and ad hoc commands (owned by
 * their inventory's organization). Their ids follow every other job's, in the one unified-job id space.
 * Call it after the system job templates (if the dataset has any) are in place.
 */
export function addStandaloneJobs(data: DemoData, clock: Micros): void {
  const firstId = Math.max(0, ...UNIFIED_JOB_COLLECTIONS.flatMap((name) => data.collections[name].map((r) => r.id))) + 1;
  const templates = (data.collections as Partial<Record<string, AwxRecord[]>>)['system_job_templates'] ?? [];
  const systemJobs = systemJobRecords(firstId, clock, templates);
  for (const record of systemJobs) {
    data.collections.system_jobs.push(record);
    data.organizationOf.system_jobs[record.id] = null;
  }
  for (const { record, org } of adHocCommandRecords(firstId + systemJobs.length, clock)) {
    data.collections.ad_hoc_commands.push(record);
    data.organizationOf.ad_hoc_commands[record.id] = org;
    data.jobLabels[record.id] = [];
  }
}
