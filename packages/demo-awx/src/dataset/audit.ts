import type { DemoData } from '../types.js';
import { activityRecords } from './activity.js';
import { notificationRecords } from './notifications.js';

/**
 * Adds what AWX records about the workflow jobs and approvals already in `data`: the notifications sent
 * for them and their activity stream. Both are visible to the organization of their job.
 */
export function addAuditTrail(data: DemoData): void {
  for (const { record, jobId, org } of notificationRecords(data)) {
    data.collections.notifications.push(record);
    data.organizationOf.notifications[record.id] = org;
    (data.jobNotifications[jobId] ??= []).push(record.id);
  }
  for (const { record, org } of activityRecords(data)) {
    data.collections.activity_stream.push(record);
    data.organizationOf.activity_stream[record.id] = org;
  }
}
