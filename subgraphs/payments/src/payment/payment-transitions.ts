import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, createEvent, type EventMetadata } from '@techally/events';
import { isOrderCancelled } from '../order-events/cancelled-orders';
import { Payment } from './payment.entity';
import { PaymentStatus } from './payment-status';
import type { RefundReason } from './refund-reason';

/**
 * The payment's status transitions, shared by confirmPayment, the `payments.follow-orders` consumer, the Stripe
 * webhook and the refunds. Each is a conditional UPDATE on the current status that says whether it changed
 * the row; the event of the transition is appended to the outbox only then, in the same transaction. So when
 * the webhook and confirmPayment's own answer report the same success (or two deliveries of one event race),
 * exactly one of them changes the row and exactly one event leaves.
 *
 * Call them inside `em.transactional(...)`: the update runs at once, the event row is flushed at commit.
 */

/** What a transition needs of the payment: who it is and what it charges (neither ever changes). */
export type PaymentFacts = Pick<Payment, 'id' | 'orderId' | 'amount' | 'currency'>;

/**
 * The money was collected. From PENDING, and also from FAILED or CANCELLED: the provider's word that it charged
 * wins over what we believed (a success can race a cancellation; Stripe can collect an intent we saw declined
 * when it is confirmed again); the order-cancelled path then refunds it. Writes `payments.payment-succeeded.v1`.
 */
export async function markSucceeded(tx: EntityManager, payment: PaymentFacts, at: Date, metadata: EventMetadata = {}): Promise<boolean> {
  assertInTransaction(tx);
  const changed = await tx.nativeUpdate(
    Payment,
    { id: payment.id, status: { $in: [PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.CANCELLED] } },
    { status: PaymentStatus.SUCCEEDED, failureCode: null, updatedAt: at },
  );
  if (changed === 0) return false;
  appendToOutbox(
    tx,
    createEvent(
      'payments.payment-succeeded.v1',
      payment.orderId,
      { orderId: payment.orderId, paymentId: payment.id, amount: { amount: payment.amount, currency: payment.currency } },
      metadata,
    ),
  );
  return true;
}

/**
 * Declined: PENDING → FAILED, final (the order is cancelled, issue #4: "a declined card ends CANCELLED with stock
 * restored"). A failure after a success changes nothing. Writes `payments.payment-failed.v1`.
 */
export async function markFailed(
  tx: EntityManager,
  payment: PaymentFacts,
  failureCode: string,
  at: Date,
  metadata: EventMetadata = {},
): Promise<boolean> {
  assertInTransaction(tx);
  const changed = await tx.nativeUpdate(
    Payment,
    { id: payment.id, status: PaymentStatus.PENDING },
    { status: PaymentStatus.FAILED, failureCode, updatedAt: at },
  );
  if (changed === 0) return false;
  appendToOutbox(tx, createEvent('payments.payment-failed.v1', payment.orderId, { orderId: payment.orderId, paymentId: payment.id, failureCode }, metadata));
  return true;
}

/** The failure code of a payment whose intent was cancelled at the provider, not by the order's cancellation. */
export const INTENT_CANCELED_CODE = 'payment_intent_canceled';

/**
 * Abandoned: PENDING → CANCELLED. Usually because the order was cancelled, which needs no event. When the order
 * is not known to be cancelled, the intent was cancelled at the provider (the Stripe dashboard, an expiry there):
 * the order can no longer be paid, so this writes `payments.payment-failed.v1` (`payment_intent_canceled`) and
 * the order is cancelled now rather than at its payment deadline. A FAILED payment stays FAILED (final, issue #9:
 * a decline is what happened, and the intent's cancellation that follows it changes nothing).
 */
export async function markCancelled(tx: EntityManager, payment: PaymentFacts, at: Date, metadata: EventMetadata = {}): Promise<boolean> {
  assertInTransaction(tx);
  const orderCancelled = await isOrderCancelled(tx, payment.orderId);
  const changed = await tx.nativeUpdate(
    Payment,
    { id: payment.id, status: PaymentStatus.PENDING },
    { status: PaymentStatus.CANCELLED, updatedAt: at, ...(orderCancelled ? {} : { failureCode: INTENT_CANCELED_CODE }) },
  );
  if (changed === 0) return false;
  if (!orderCancelled) {
    appendToOutbox(
      tx,
      createEvent(
        'payments.payment-failed.v1',
        payment.orderId,
        { orderId: payment.orderId, paymentId: payment.id, failureCode: INTENT_CANCELED_CODE },
        metadata,
      ),
    );
  }
  return true;
}

/**
 * Given back in full: SUCCEEDED → REFUNDED. Writes `payments.payment-refunded.v1` with the amount that went back
 * (the payment's, refunds are never partial here) and why (issue #14).
 */
export async function markRefunded(
  tx: EntityManager,
  payment: PaymentFacts,
  reason: RefundReason,
  at: Date,
  metadata: EventMetadata = {},
): Promise<boolean> {
  assertInTransaction(tx);
  const changed = await tx.nativeUpdate(
    Payment,
    { id: payment.id, status: PaymentStatus.SUCCEEDED },
    { status: PaymentStatus.REFUNDED, updatedAt: at },
  );
  if (changed === 0) return false;
  appendToOutbox(
    tx,
    createEvent(
      'payments.payment-refunded.v1',
      payment.orderId,
      { orderId: payment.orderId, paymentId: payment.id, amount: { amount: payment.amount, currency: payment.currency }, reason },
      metadata,
    ),
  );
  return true;
}

// Outside a transaction the update would commit at once and its event only at some later flush, or never.
function assertInTransaction(em: EntityManager): void {
  if (!em.isInTransaction()) throw new Error('payment transitions must run inside em.transactional(...)');
}
