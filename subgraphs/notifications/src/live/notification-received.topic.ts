import { topic } from '@techally/platform';
import type { NotificationKind } from '../notification/notification-text';

/**
 * One committed in-app notification as the subscription pub/sub carries it: the stored row, JSON-safe (both
 * pub/sub backends deliver what `JSON.parse` gives back, so the times travel as ISO 8601).
 */
export interface NotificationMessage {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly orderId: string | null;
  readonly productId: string | null;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: string;
  readonly readAt: string | null;
}

/** Published on its recipient's channel only (`notification-received:<userId>`): nobody hears another's. */
export const notificationReceivedTopic = topic<NotificationMessage>('notification-received');
