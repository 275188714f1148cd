import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import type { Logger } from '@techally/platform';
import { cancellationOf } from '../order-events/cancelled-orders';
import { PaymentProviderError, type PaymentProvider } from '../provider/payment-provider';
import { Payment } from './payment.entity';
import { PaymentStatus } from './payment-status';
import { markCancelled, markRefunded } from './payment-transitions';
import { refundReasonOfCancellation, type RefundReason } from './refund-reason';

export interface PaymentLifecycleDependencies {
  /** An EntityManager of its own, not inside a transaction (each step opens its own short ones). */
  readonly em: EntityManager;
  readonly provider: PaymentProvider;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** Stripe's code for an operation the intent's state does not allow (cancelling one already canceled or succeeded). */
const UNEXPECTED_STATE = 'payment_intent_unexpected_state';
/** Stripe's code for refunding a charge already refunded in full (e.g. from its dashboard). */
const ALREADY_REFUNDED = 'charge_already_refunded';

/** The refund's idempotency key at the provider: one refund per payment, however often it is asked for. */
export function refundIdempotencyKey(payment: Pick<Payment, 'idempotencyKey'>): string {
  return `${payment.idempotencyKey}:refund`;
}

/**
 * The steps of a payment's life that involve the provider, shared by the `payments.follow-orders` consumer,
 * confirmPayment, the admin refund and the refund sweep. Every provider call happens outside any transaction
 * (README.md, Design decisions) and is idempotent at the provider (the intent under `order:<id>`, its refund under
 * `order:<id>:refund`); every database change is a conditional transition (payment-transitions.ts). So any
 * step may be repeated, after a crash or by a redelivered event, and ends where the first run would have.
 */
export class PaymentLifecycle {
  constructor(private readonly deps: PaymentLifecycleDependencies) {}

  /**
   * The intent of a PENDING payment, created at the provider on first need and stored; null when the payment
   * has none and is no longer PENDING. If the payment was cancelled while the intent was being created, the
   * intent is cancelled too (whichever of the two wrote second sees the other's write).
   */
  async ensureIntent(payment: Payment): Promise<string | null> {
    if (payment.providerReference) return payment.providerReference;
    if (payment.status !== PaymentStatus.PENDING) return null;
    const intent = await this.deps.provider.createIntent({
      amount: payment.amount,
      currency: payment.currency,
      idempotencyKey: payment.idempotencyKey,
      metadata: { orderId: payment.orderId },
    });
    // Both writers of one payment hold the same intent (same idempotency key), so the first one stored wins.
    await this.deps.em.nativeUpdate(Payment, { id: payment.id, providerReference: null }, { providerReference: intent.reference, updatedAt: this.deps.clock() });
    const current = await this.reload(payment.id);
    if (current.status === PaymentStatus.CANCELLED && current.providerReference) await this.cancelAtProvider(current);
    return current.status === PaymentStatus.PENDING ? current.providerReference : null;
  }

  /**
   * The compensation of a cancelled order (`orders.order-cancelled.v1`): an open payment becomes CANCELLED and
   * its intent is cancelled at the provider (the row first, so that no confirmation starts meanwhile); a declined
   * one stays FAILED and only its intent is cancelled; a collected one is refunded. Safe to repeat.
   */
  async cancelForOrder(orderId: string, metadata: EventMetadata = {}): Promise<void> {
    // A few rounds at most: a transition that finds the row changed under it reads it again and acts on that.
    for (let round = 0; round < 3; round += 1) {
      const payment = await this.deps.em.findOne(Payment, { orderId }, { refresh: true });
      if (!payment) return;
      switch (payment.status) {
        case PaymentStatus.PENDING:
          await this.deps.em.transactional((tx) => markCancelled(tx, payment, this.deps.clock(), metadata));
          continue;
        // A declined payment stays FAILED (final: it says why nothing was collected); only its intent is
        // cancelled, so the provider can never collect it later.
        case PaymentStatus.FAILED:
        case PaymentStatus.CANCELLED:
          if (payment.providerReference) await this.cancelAtProvider(payment);
          return;
        case PaymentStatus.SUCCEEDED:
          await this.refund(payment, refundReasonOfCancellation(await cancellationOf(this.deps.em, orderId)), metadata);
          return;
        case PaymentStatus.REFUNDED:
          return;
      }
    }
    throw new Error(`the payment of order ${orderId} kept changing while it was being cancelled`);
  }

  /**
   * Gives a SUCCEEDED payment's money back in full: the provider first (under the refund's idempotency key, so
   * a repeat refunds nothing twice), then SUCCEEDED → REFUNDED with `payments.payment-refunded.v1`. False when the
   * payment was not (or no longer) SUCCEEDED: someone else recorded the refund first.
   */
  async refund(payment: Payment, reason: RefundReason, metadata: EventMetadata = {}): Promise<boolean> {
    if (payment.status !== PaymentStatus.SUCCEEDED || !payment.providerReference) return false;
    try {
      await this.deps.provider.refund(payment.providerReference, { idempotencyKey: refundIdempotencyKey(payment) });
    } catch (error) {
      if (!(error instanceof PaymentProviderError && error.code === ALREADY_REFUNDED)) throw error;
    }
    const changed = await this.deps.em.transactional((tx) => markRefunded(tx, payment, reason, this.deps.clock(), metadata));
    if (changed) this.deps.logger.info({ paymentId: payment.id, orderId: payment.orderId, reason }, 'payment refunded');
    return changed;
  }

  /** Refunds the payment if it SUCCEEDED for an order that is cancelled (a success that came too late). */
  async refundIfOwed(paymentId: string, metadata: EventMetadata = {}): Promise<boolean> {
    const payment = await this.reload(paymentId);
    if (payment.status !== PaymentStatus.SUCCEEDED) return false;
    const cancellation = await cancellationOf(this.deps.em, payment.orderId);
    if (cancellation === null) return false;
    this.deps.logger.warn({ paymentId, orderId: payment.orderId, cancellation }, 'payment succeeded for a cancelled order: refunding it');
    return this.refund(payment, refundReasonOfCancellation(cancellation), metadata);
  }

  /**
   * Cancels the intent at the provider. One that is already canceled (a repeat) or has succeeded (a success racing
   * the cancellation, which is refunded when it is recorded) is refused with `payment_intent_unexpected_state`:
   * nothing more to do here.
   */
  private async cancelAtProvider(payment: Payment): Promise<void> {
    try {
      await this.deps.provider.cancel(payment.providerReference!);
    } catch (error) {
      if (!(error instanceof PaymentProviderError && error.code === UNEXPECTED_STATE)) throw error;
      this.deps.logger.info({ paymentId: payment.id, orderId: payment.orderId }, 'intent already canceled or succeeded at the provider');
    }
  }

  private reload(paymentId: string): Promise<Payment> {
    return this.deps.em.findOneOrFail(Payment, paymentId, { refresh: true });
  }
}
