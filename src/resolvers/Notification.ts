/** `Notification` ← AWX `notification`. */
import type { NotificationResolvers } from '../__generated__/resolvers-types.js';
import type { AwxNotification } from '../awx/models/notification.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxNotification>();

export const Notification: NotificationResolvers = {
  // Activity stream summaries name it `notification_template_id`.
  notificationTemplateId: (n) => n.notification_template ?? n.notification_template_id ?? null,
  notificationsSent: p('notifications_sent'),
  notificationType: p('notification_type'),
};
