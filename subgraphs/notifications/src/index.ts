/**
 * @techally/notifications — the notifications subgraph: what the platform tells a customer about their orders.
 * See README.md for what it owns, what it consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createNotificationsSubgraph, type NotificationsSubgraph, type NotificationsSubgraphOptions } from './app';
export { loadNotificationsConfig, type NotificationsConfig } from './config';
export { buildNotificationsSchema } from './schema';
export type { NotificationsContext } from './context';
export { createSenders, type SenderDependencies } from './delivery/create-senders';
export { DeliveryFailure, type DeliveryChannelName, type Sender, type Senders } from './delivery/delivery-channel';
export { createDeliveryTargetResolver, PreferenceTargetResolver } from './preferences/preference-target-resolver';
export type { DeliveryTargetResolver, DeliveryTargets, NotificationCategory } from './preferences/notification-category';
export { loadVapidKeys, type VapidKeys } from './push/vapid-keys';
export { WebPushSender } from './push/web-push.sender';
export { FakeSmsSender } from './sms/fake-sms.sender';
export { HttpSmsSender } from './sms/http-sms.sender';
