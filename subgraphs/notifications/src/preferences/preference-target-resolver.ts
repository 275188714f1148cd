import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphOrm } from '@techally/platform';
import { PushSubscriptionRepository } from '../push/push-subscription.repository';
import type { DeliveryTargetsFactory } from '../delivery/default-delivery-targets';
import type { DeliveryTargetResolver, DeliveryTargets, NotificationCategory } from './notification-category';
import { PreferenceRepository } from './preference.repository';
import { choiceOf } from './preference.service';

/**
 * The production {@link DeliveryTargetResolver}: the delivery pipeline asks it, per recipient and category, where a
 * message goes, and it answers from the stored preferences (README.md, *Preferences*):
 * - email when the choice (or the default) says so; always for transactional categories (the receipt goes even to
 *   a user who opted out of everything else);
 * - SMS to the user's number when SMS is on for the category and a number is set;
 * - push to every registered subscription when push is on for the category.
 * It reads through `entityManager()`: the planning transaction's own (the pipeline plans deliveries inside the
 * event's transaction, and on the embedded PGlite's one connection a second connection would wait for it forever),
 * or a fresh fork per call for a caller outside any transaction.
 */
export class PreferenceTargetResolver implements DeliveryTargetResolver {
  constructor(private readonly entityManager: () => EntityManager) {}

  async targetsFor(recipientId: string, category: NotificationCategory): Promise<DeliveryTargets> {
    const em = this.entityManager();
    const { choice: stored, smsNumber } = await new PreferenceRepository(em).choiceOf(recipientId, category);
    const choice = choiceOf(new Map(stored ? [[category, stored]] : []), category);
    const push = choice.push ? await new PushSubscriptionRepository(em).targetsOf(recipientId) : [];
    return { email: choice.email, smsTo: choice.sms ? smsNumber : null, push };
  }
}

/** A resolver outside any transaction: each call on a fresh fork, so it never sees a stale identity map. */
export function createDeliveryTargetResolver(orm: Pick<SubgraphOrm, 'em'>): DeliveryTargetResolver {
  return new PreferenceTargetResolver(() => orm.em.fork() as EntityManager);
}

/** The pipeline's factory in production (and in the embedded start): the preferences, read in the planning transaction. */
export const preferenceDeliveryTargets: DeliveryTargetsFactory = (tx) => new PreferenceTargetResolver(() => tx);
