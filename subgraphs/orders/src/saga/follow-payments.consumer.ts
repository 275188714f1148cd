import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer } from '@techally/events';
import { formatMoney } from '@techally/platform';
import { CancellationReason } from '../order/cancellation-reason';
import { OrderStatus } from '../order/order-status';
import type { Order } from '../order/order.entity';
import type { TransitionStep } from '../order/order.transitions';
import { reactOnOrder, type SagaDependencies } from './order-reaction';

export const FOLLOW_PAYMENTS_GROUP = 'orders.follow-payments';
const ACTOR = 'system:payments';

type PaymentEvent = EnvelopeOf<'payments.payment-succeeded.v1' | 'payments.payment-failed.v1' | 'payments.payment-refunded.v1'>;

/**
 * `orders.follow-payments`: what payments says about an order's money (saga contract, step 5), once per event
 * (`handleOnce`).
 *
 * - `payment-succeeded`: an AWAITING_PAYMENT order → PAID (`order-paid`: inventory commits, reviews learn the
 *   purchase) when the amount and currency are the order's total; another amount → CANCELLED
 *   (`PAYMENT_AMOUNT_MISMATCH`; payments refunds on `order-cancelled`). Any other status changes nothing: a
 *   CANCELLED order (expired, cancelled by its customer) is refunded by payments on its own.
 * - `payment-failed`: AWAITING_PAYMENT → CANCELLED (`PAYMENT_FAILED`); later than a success, nothing.
 * - `payment-refunded`: PAID or FULFILLED → REFUNDED; AWAITING_PAYMENT → CANCELLED (`PAYMENT_REFUNDED`: the
 *   refund overtook its own success, which then finds the order cancelled instead of marking it PAID after the
 *   money went back); a CANCELLED order stays CANCELLED (the refund of a late payment is the compensation).
 */
export function followPaymentsConsumer(deps: SagaDependencies): EventConsumer {
  return defineConsumer({
    group: FOLLOW_PAYMENTS_GROUP,
    types: ['payments.payment-succeeded.v1', 'payments.payment-failed.v1', 'payments.payment-refunded.v1'],
    handle: async (event) => {
      await handleOnce(deps.orm.em.fork() as EntityManager, event, FOLLOW_PAYMENTS_GROUP, (tx) => applyPaymentEvent(tx, deps, event));
    },
  });
}

async function applyPaymentEvent(tx: EntityManager, deps: SagaDependencies, event: PaymentEvent): Promise<void> {
  const cause = { what: event.type, eventId: event.id };
  const react = (decide: (current: Order) => TransitionStep | null) => reactOnOrder(tx, deps, event.payload.orderId, decide, event.metadata, cause);
  switch (event.type) {
    case 'payments.payment-succeeded.v1': {
      const paid = event.payload.amount;
      const outcome = await react((current) => {
        if (current.status !== OrderStatus.AWAITING_PAYMENT) return null;
        if (paid.amount === current.total && paid.currency === current.currency) {
          return { to: OrderStatus.PAID, reason: 'payment succeeded', actor: ACTOR };
        }
        return {
          to: OrderStatus.CANCELLED,
          reason: `payment of ${formatMoney(paid.amount, paid.currency)} does not match the total of ${formatMoney(current.total, current.currency)}`,
          actor: ACTOR,
          cancellationReason: CancellationReason.PAYMENT_AMOUNT_MISMATCH,
        };
      });
      if (outcome?.applied && outcome.order.status === OrderStatus.CANCELLED) {
        // Money and order disagree: a bug or tampering somewhere upstream; someone must look.
        deps.logger.error(
          { orderId: outcome.order.id, paymentId: event.payload.paymentId, paid, total: outcome.order.total, eventId: event.id },
          'payment amount does not match the order total: order cancelled',
        );
      }
      return;
    }
    case 'payments.payment-failed.v1':
      await react((current) =>
        current.status === OrderStatus.AWAITING_PAYMENT
          ? {
              to: OrderStatus.CANCELLED,
              reason: `payment failed: ${event.payload.failureCode}`,
              actor: ACTOR,
              cancellationReason: CancellationReason.PAYMENT_FAILED,
            }
          : null,
      );
      return;
    case 'payments.payment-refunded.v1':
      await react((current) => {
        if (current.status === OrderStatus.PAID || current.status === OrderStatus.FULFILLED) {
          return { to: OrderStatus.REFUNDED, reason: 'payment refunded', actor: ACTOR };
        }
        if (current.status === OrderStatus.AWAITING_PAYMENT) {
          return {
            to: OrderStatus.CANCELLED,
            reason: 'payment refunded before its success was recorded',
            actor: ACTOR,
            cancellationReason: CancellationReason.PAYMENT_REFUNDED,
          };
        }
        return null;
      });
      return;
  }
}
