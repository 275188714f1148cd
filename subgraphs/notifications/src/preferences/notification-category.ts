import type { DeliveryChannelName, PushTarget } from '../delivery/delivery-channel';

/**
 * What a notification is about, as a user chooses what to hear (`User.notificationPreferences`). Every kind of
 * notification belongs to one category.
 * - ORDER_UPDATES: receipts and the state of one's orders and payments (placed, paid, cancelled, fulfilled,
 *   payment failed, refund). **Transactional**: email cannot be switched off (the receipt always goes); SMS and
 *   push are opt-in.
 * - REVIEWS: a moderator hid or restored one's review.
 * - STOCK_ALERTS: low stock, for staff only.
 * - MARKETING: recommendations and offers; off unless the user opts in.
 */
export type NotificationCategory = 'ORDER_UPDATES' | 'REVIEWS' | 'STOCK_ALERTS' | 'MARKETING';

/** Every category, in the order the preferences list them. */
export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = ['ORDER_UPDATES', 'REVIEWS', 'STOCK_ALERTS', 'MARKETING'];

/** Categories whose email always goes, whatever the preferences say. */
export const TRANSACTIONAL_CATEGORIES: ReadonlySet<NotificationCategory> = new Set(['ORDER_UPDATES']);

/** Categories only staff (ADMIN) hear, and only staff may choose how. */
export const STAFF_CATEGORIES: ReadonlySet<NotificationCategory> = new Set(['STOCK_ALERTS']);

/** Which channels one category goes out on, beyond in-app. */
export interface ChannelChoice {
  readonly email: boolean;
  readonly sms: boolean;
  readonly push: boolean;
}

/** What a user who changed nothing gets: email for all but MARKETING; SMS and push are opt-in (issue #14). */
export function defaultChoice(category: NotificationCategory): ChannelChoice {
  return { email: category !== 'MARKETING', sms: false, push: false };
}

/** Where one recipient wants one category of notification to go, beyond in-app (always written). */
export interface DeliveryTargets {
  /** Send to the recipient directory's email address. */
  readonly email: boolean;
  /** E.164 number, or null for no SMS. */
  readonly smsTo: string | null;
  /** Every push subscription the recipient registered; empty for no push. */
  readonly push: readonly PushTarget[];
}

/**
 * The preferences' answer to the delivery pipeline. The default before anything is set: email for every
 * category but MARKETING, no SMS, no push ({@link defaultChoice}); push, once switched on for a category, goes to
 * every subscription the user registered. The production one is `PreferenceTargetResolver`.
 */
export interface DeliveryTargetResolver {
  targetsFor(recipientId: string, category: NotificationCategory): Promise<DeliveryTargets>;
}

export type { DeliveryChannelName };
