import type { EntityManager } from '@mikro-orm/postgresql';
import { handleOnce, type EnvelopeOf } from '@techally/events';
import { isSupportedCurrency } from '@techally/platform';
import { paymentIdempotencyKey } from '../payment/payment.entity';
import { PaymentLifecycle } from '../payment/payment.lifecycle';
import { PaymentRepository } from '../payment/payment.repository';
import { PaymentStatus } from '../payment/payment-status';
import { isOrderCancelled } from './cancelled-orders';
import { FOLLOW_ORDERS_GROUP, type FollowOrdersDependencies } from './follow-orders';

/**
 * `orders.payment-requested.v1`: the order's stock is held and it awaits payment. Opens the payment (PENDING,
 * for the event's amount and customer: payments never asks the orders subgraph) unless the order is already
 * known to be cancelled, then creates the provider intent under `order:<orderId>` and stores its reference.
 *
 * The intent is created after the transaction and on every delivery: the provider answers the same intent to
 * the same key, so a delivery that failed at the provider and is redelivered just finishes the job.
 */
export async function onPaymentRequested(deps: FollowOrdersDependencies, event: EnvelopeOf<'orders.payment-requested.v1'>): Promise<void> {
  const { orderId, customerId, amount } = event.payload;
  const log = deps.logger.child({ eventId: event.id, orderId });
  if (!Number.isInteger(amount.amount) || amount.amount < 1 || !isSupportedCurrency(amount.currency)) {
    // Orders prices every order in the shop's currencies, above zero: this is a bug upstream, not a retry case.
    // No payment is opened; the order is cancelled at its payment deadline.
    log.error({ amount }, 'payment requested for an amount no provider can charge: no payment opened');
    return;
  }

  await handleOnce(deps.orm.em.fork() as EntityManager, event, FOLLOW_ORDERS_GROUP, async (tx) => {
    // The cancellation overtook the request (e.g. the customer cancelled while the stock was being reserved).
    if (await isOrderCancelled(tx, orderId)) return;
    const opened = await new PaymentRepository(tx, deps.clock).open({
      orderId,
      customerId,
      amount: amount.amount,
      currency: amount.currency,
      provider: deps.provider.name,
      idempotencyKey: paymentIdempotencyKey(orderId),
    });
    if (opened) log.info({ amount }, 'payment opened');
  });

  const em = deps.orm.em.fork() as EntityManager;
  const lifecycle = new PaymentLifecycle({ em, provider: deps.provider, logger: log, clock: deps.clock });
  const payment = await new PaymentRepository(em, deps.clock).findByOrder(orderId);
  if (!payment || payment.status !== PaymentStatus.PENDING) return;
  // The cancellation may have committed between the check above and the payment's commit: look again, now.
  if (await isOrderCancelled(em, orderId)) {
    await lifecycle.cancelForOrder(orderId, event.metadata);
    return;
  }
  await lifecycle.ensureIntent(payment);
}
