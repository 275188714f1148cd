import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import type { Logger } from '@techally/platform';
import { isOrderCancelled } from '../order-events/cancelled-orders';
import { Payment } from '../payment/payment.entity';
import { markCancelled, markFailed, markRefunded, markSucceeded } from '../payment/payment-transitions';
import { RefundReason } from '../payment/refund-reason';
import { StripeWebhookEvent } from './stripe-webhook-event.entity';
import type { StripePaymentReport } from './stripe-payment-report';

/** What became of one webhook delivery (the route answers 200 for each: Stripe must not retry any of them). */
export type WebhookOutcome =
  /** The same Stripe event id was handled before: nothing done. */
  | { readonly kind: 'duplicate' }
  /** No payment holds this intent (another integration's, on a shared Stripe account): logged. */
  | { readonly kind: 'unknown-intent' }
  /** The event disagrees with the payment on order, amount or currency: logged at error, nothing applied. */
  | { readonly kind: 'mismatch'; readonly paymentId: string }
  /** The transition ran (`changed`), or the payment was already past it (an out-of-order or repeated report). */
  | { readonly kind: 'applied'; readonly paymentId: string; readonly changed: boolean; readonly refundOwed: boolean };

/**
 * Applies a verified Stripe report in ONE short transaction, with no call to Stripe: the event id is recorded
 * (`stripe_webhook_event`, `on conflict do nothing`, so a duplicate — even a concurrent one — does nothing),
 * the payment is found by its intent and checked against the report, then moved by the same transitions as
 * confirmPayment (payment-transitions.ts): succeeded → SUCCEEDED, payment_failed → FAILED, canceled →
 * CANCELLED (from PENDING; a FAILED payment stays FAILED), refunded in full → REFUNDED, each with its event and only if it changed the row. A success for an
 * order already cancelled is reported as `refundOwed`: the refund sweep gives the money back, outside the request.
 */
export async function applyStripeReport(
  em: EntityManager,
  report: StripePaymentReport,
  context: { readonly at: Date; readonly metadata: EventMetadata; readonly logger: Logger },
): Promise<WebhookOutcome> {
  const log = context.logger.child({ stripeEventId: report.eventId, stripeEventType: report.type, intentId: report.intentId });
  return em.transactional(async (tx): Promise<WebhookOutcome> => {
    const recorded = await tx
      .createQueryBuilder(StripeWebhookEvent)
      .insert({ id: report.eventId, type: report.type, receivedAt: context.at })
      .onConflict('id')
      .ignore()
      .execute('run');
    if (recorded.affectedRows === 0) {
      log.info('duplicate Stripe event ignored');
      return { kind: 'duplicate' };
    }
    const payment = await tx.findOne(Payment, { providerReference: report.intentId });
    if (!payment) {
      log.warn('Stripe event for an intent no payment holds: ignored');
      return { kind: 'unknown-intent' };
    }
    const mismatch = mismatchOf(payment, report);
    if (mismatch) {
      log.error({ paymentId: payment.id, orderId: payment.orderId, mismatch }, 'Stripe event disagrees with the payment: nothing applied');
      return { kind: 'mismatch', paymentId: payment.id };
    }
    const changed = await transition(tx, payment, report, context);
    const refundOwed = report.type === 'payment_intent.succeeded' && changed && (await isOrderCancelled(tx, payment.orderId));
    log.info({ paymentId: payment.id, orderId: payment.orderId, changed, refundOwed }, 'Stripe event applied');
    return { kind: 'applied', paymentId: payment.id, changed, refundOwed };
  });
}

function transition(
  tx: EntityManager,
  payment: Payment,
  report: StripePaymentReport,
  { at, metadata, logger }: { readonly at: Date; readonly metadata: EventMetadata; readonly logger: Logger },
): Promise<boolean> {
  switch (report.type) {
    case 'payment_intent.succeeded':
      return markSucceeded(tx, payment, at, metadata);
    case 'payment_intent.payment_failed':
      return markFailed(tx, payment, report.failureCode ?? 'payment_failed', at, metadata);
    case 'payment_intent.canceled':
      return markCancelled(tx, payment, at, metadata);
    case 'charge.refunded':
      if (!report.fullyRefunded) {
        // This graph refunds only in full; a partial refund made elsewhere (the dashboard) is noted, not mirrored.
        logger.warn({ paymentId: payment.id }, 'partial refund reported by Stripe: payment left as it is');
        return Promise.resolve(false);
      }
      // A refund of ours was recorded before Stripe reported it (no change here): this one was made elsewhere.
      return markRefunded(tx, payment, RefundReason.REFUNDED_AT_PROVIDER, at, metadata);
  }
}

/** Why the report cannot be about this payment, or null when order, amount and currency agree. */
function mismatchOf(payment: Payment, report: StripePaymentReport): string | null {
  if (report.orderId === null ? !report.orderIdOptional : report.orderId !== payment.orderId) {
    return `metadata.orderId ${report.orderId ?? '(none)'} is not the payment's order ${payment.orderId}`;
  }
  if (report.amount !== payment.amount) return `amount ${report.amount ?? '(none)'} is not the payment's ${payment.amount}`;
  if (report.currency !== payment.currency) return `currency ${report.currency ?? '(none)'} is not the payment's ${payment.currency}`;
  return null;
}
