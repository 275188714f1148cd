import type { EntityManager } from '@mikro-orm/postgresql';
import { handleOnce, type EnvelopeOf } from '@techally/events';
import { PaymentLifecycle } from '../payment/payment.lifecycle';
import { rememberCancelledOrder } from './cancelled-orders';
import { FOLLOW_ORDERS_GROUP, type FollowOrdersDependencies } from './follow-orders';

/**
 * `orders.order-cancelled.v1`: remembers the cancellation (so a late payment request opens nothing and a late
 * success is refunded), then compensates: an open payment → CANCELLED and its intent cancelled at the provider;
 * a declined one stays FAILED (final) and only its intent is cancelled; a collected one → refunded (`order:<id>:refund`) → REFUNDED with `payments.payment-refunded.v1`;
 * no payment yet → only the memory. The compensation runs on every delivery and is idempotent by the payment's
 * status, so a provider failure is retried by the redelivery.
 */
export async function onOrderCancelled(deps: FollowOrdersDependencies, event: EnvelopeOf<'orders.order-cancelled.v1'>): Promise<void> {
  const { orderId, reason } = event.payload;
  const log = deps.logger.child({ eventId: event.id, orderId });
  await handleOnce(deps.orm.em.fork() as EntityManager, event, FOLLOW_ORDERS_GROUP, async (tx) => {
    await rememberCancelledOrder(tx, orderId, reason, deps.clock());
    log.info({ reason }, 'order cancelled');
  });
  const em = deps.orm.em.fork() as EntityManager;
  await new PaymentLifecycle({ em, provider: deps.provider, logger: log, clock: deps.clock }).cancelForOrder(orderId, event.metadata);
}
