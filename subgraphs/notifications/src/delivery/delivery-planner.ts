import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationKind, NotifyingEvent } from '../notification/notification-text';
import { TRANSACTIONAL_CATEGORIES, type NotificationCategory } from '../preferences/notification-category';
import type { DeliveryTargetsFactory } from './default-delivery-targets';
import { DeliveryRepository, type PlannedDelivery } from './delivery.repository';

/** What a notification needs to be delivered beyond in-app. */
export interface DeliveryRequest {
  readonly event: NotifyingEvent;
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly category: NotificationCategory;
}

/**
 * Plans one delivery per channel and target the recipient's preferences name, in the caller's transaction (the
 * one that writes the in-app row and the inbox row), so an event's deliveries exist exactly when its effect does.
 * Transactional email (the receipt) goes whatever the resolver says: it cannot be switched off.
 */
export async function planDeliveries(tx: EntityManager, targetsFor: DeliveryTargetsFactory, request: DeliveryRequest, dueAt: Date): Promise<number> {
  const targets = await targetsFor(tx).targetsFor(request.recipientId, request.category);
  const base = { eventId: request.event.id, recipientId: request.recipientId, kind: request.kind, category: request.category, event: request.event };
  const deliveries: PlannedDelivery[] = [];
  if (targets.email || TRANSACTIONAL_CATEGORIES.has(request.category)) deliveries.push({ ...base, channel: 'EMAIL', target: '', details: null });
  if (targets.smsTo) deliveries.push({ ...base, channel: 'SMS', target: targets.smsTo, details: null });
  for (const subscription of targets.push) deliveries.push({ ...base, channel: 'PUSH', target: subscription.endpoint, details: subscription });
  return new DeliveryRepository(tx).plan(deliveries, dueAt);
}
