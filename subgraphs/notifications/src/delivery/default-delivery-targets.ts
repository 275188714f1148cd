import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliveryTargetResolver, DeliveryTargets, NotificationCategory } from '../preferences/notification-category';

/**
 * Where the pipeline asks for a recipient's targets: made per transaction, with the transaction's EntityManager,
 * so a resolver that reads preferences reads them in the planning transaction (on the embedded PGlite, one
 * connection, another connection would wait for this transaction forever). Preferences drop in here
 * (`createNotificationsSubgraph(config, { deliveryTargets })`).
 */
export type DeliveryTargetsFactory = (tx: EntityManager) => DeliveryTargetResolver;

const NOTHING_BUT_EMAIL: DeliveryTargets = Object.freeze({ email: true, smsTo: null, push: Object.freeze([]) });
const NOTHING: DeliveryTargets = Object.freeze({ email: false, smsTo: null, push: Object.freeze([]) });

/**
 * The answer before anyone has preferences: email for every category but MARKETING (off unless opted in), no SMS
 * (no number is known), no push (no subscription is known).
 */
export const defaultDeliveryTargets: DeliveryTargetResolver = {
  async targetsFor(_recipientId: string, category: NotificationCategory): Promise<DeliveryTargets> {
    return category === 'MARKETING' ? NOTHING : NOTHING_BUT_EMAIL;
  },
};

export const defaultDeliveryTargetsFactory: DeliveryTargetsFactory = () => defaultDeliveryTargets;
