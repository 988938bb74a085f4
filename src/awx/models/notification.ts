/**
 * An AWX notification as `/api/v2/notifications/` sends it (NotificationSerializer).
 * Type aliases, not interfaces, so they stay assignable to `AwxRecord` (the loaders' record type).
 */
import type { AwxObjectBase } from './common.js';

/**
 * A notification. AWX drops `subject` for webhooks and `body` for channels other than email, webhook
 * and PagerDuty; `body` is an object for webhooks. Activity stream summaries have `notification_template_id`.
 */
export type AwxNotification = AwxObjectBase & {
  notification_template?: number | null;
  notification_template_id?: number | null;
  error?: string;
  status?: string;
  notifications_sent?: number;
  notification_type?: string;
  recipients?: string;
  subject?: string;
  body?: unknown;
};
