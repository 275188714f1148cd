import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphOrm } from '@techally/platform';
import { PushSubscriptionRepository } from '../push/push-subscription.repository';
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
 * Each call reads on a fresh EntityManager fork, so it is safe from any worker and never sees a stale identity map.
 */
export class PreferenceTargetResolver implements DeliveryTargetResolver {
  constructor(private readonly orm: Pick<SubgraphOrm, 'em'>) {}

  async targetsFor(recipientId: string, category: NotificationCategory): Promise<DeliveryTargets> {
    const em = this.orm.em.fork() as EntityManager;
    const { choice: stored, smsNumber } = await new PreferenceRepository(em).choiceOf(recipientId, category);
    const choice = choiceOf(new Map(stored ? [[category, stored]] : []), category);
    const push = choice.push ? await new PushSubscriptionRepository(em).targetsOf(recipientId) : [];
    return { email: choice.email, smsTo: choice.sms ? smsNumber : null, push };
  }
}

/** The resolver the pipeline is given in production (and in the embedded start). */
export function createDeliveryTargetResolver(orm: Pick<SubgraphOrm, 'em'>): DeliveryTargetResolver {
  return new PreferenceTargetResolver(orm);
}
