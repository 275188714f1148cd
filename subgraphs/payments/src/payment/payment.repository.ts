import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import type { CardSummary } from '../provider/payment-provider';
import { PaymentAttempt } from './payment-attempt.entity';
import { Payment } from './payment.entity';
import { PaymentError } from './payment.errors';
import { AttemptOutcome, CONFIRMABLE_STATUSES, PaymentStatus } from './payment-status';
import { markFailed, markSucceeded } from './payment-transitions';

export interface NewPayment {
  readonly orderId: string;
  readonly customerId: string;
  readonly amount: number;
  readonly currency: string;
  readonly provider: string;
  readonly idempotencyKey: string;
}

/** A confirmation that may go to the provider: the payment it is for and the attempt row that claims it. */
export interface ClaimedAttempt {
  readonly payment: Payment;
  readonly attemptId: string;
  readonly number: number;
}

/** What the provider answered a confirmation. */
export type AttemptResult =
  | { readonly outcome: AttemptOutcome.SUCCEEDED }
  | { readonly outcome: AttemptOutcome.DECLINED | AttemptOutcome.ERROR; readonly code: string };

/**
 * A confirmation still PROCESSING after this long is taken as abandoned (its process died between asking the
 * provider and recording the answer) and no longer blocks a new one. Safe: the provider never charges an
 * intent twice (see PaymentProvider.confirm), so the new attempt only learns what the old one did.
 */
export const ABANDONED_ATTEMPT_AFTER_MS = 5 * 60_000;

/**
 * Payments in Postgres. Every short transaction here runs with no call to another service inside (README.md, Design decisions
 * §8): the provider is asked between them, with the PROCESSING attempt as the claim.
 */
export class PaymentRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: () => Date,
  ) {}

  /**
   * Opens the order's payment (PENDING) unless it exists: `on conflict (order_id) do nothing`, so a redelivered
   * or concurrent payment request leaves one row. Call it inside the transaction that handles the request.
   */
  async open(values: NewPayment): Promise<boolean> {
    const now = this.clock();
    const inserted = await this.em
      .createQueryBuilder(Payment)
      .insert({ id: randomUUID(), ...values, status: PaymentStatus.PENDING, attempts: 0, createdAt: now, updatedAt: now })
      .onConflict('order_id')
      .ignore()
      .execute('run');
    return inserted.affectedRows === 1;
  }

  /** The order's payment as the database holds it now, or null. */
  findByOrder(orderId: string): Promise<Payment | null> {
    return this.em.findOne(Payment, { orderId }, { refresh: true });
  }

  /**
   * Claims the next attempt under the payment row's lock: refused when the payment is not PENDING, or while
   * another attempt is PROCESSING; otherwise counts the attempt and writes it as PROCESSING. Two concurrent
   * confirmations queue on the lock, and the second sees the first's claim.
   */
  async claimAttempt(paymentId: string, card: CardSummary): Promise<ClaimedAttempt> {
    return this.em.transactional(async (tx) => {
      const payment = await tx.findOneOrFail(Payment, paymentId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (payment.status === PaymentStatus.SUCCEEDED) throw PaymentError.alreadyPaid(payment.orderId);
      if (!CONFIRMABLE_STATUSES.has(payment.status)) throw PaymentError.notConfirmable(payment.orderId, payment.status);
      const now = this.clock();
      const inFlight = await tx.find(PaymentAttempt, { payment: paymentId, outcome: AttemptOutcome.PROCESSING });
      for (const attempt of inFlight) {
        if (now.getTime() - attempt.at.getTime() < ABANDONED_ATTEMPT_AFTER_MS) throw PaymentError.attemptInProgress(payment.orderId);
        attempt.outcome = AttemptOutcome.ERROR;
        attempt.failureCode = 'abandoned';
      }
      payment.attempts += 1;
      payment.updatedAt = now;
      const attempt = tx.create(PaymentAttempt, {
        payment: paymentId,
        number: payment.attempts,
        outcome: AttemptOutcome.PROCESSING,
        cardLast4: card.last4,
        cardBrand: card.brand,
        at: now,
      });
      return { payment, attemptId: attempt.id, number: attempt.number };
    });
  }

  /**
   * Records what the provider answered, in one transaction: the attempt's outcome and, through the shared
   * transitions, the payment's (SUCCEEDED with payment-succeeded, or FAILED with payment-failed). A transition
   * that finds the payment already moved on (the webhook reported the same outcome first; a failure after a
   * success) changes nothing and writes no event. An ERROR leaves the payment PENDING: nothing was charged.
   */
  async settleAttempt(payment: Payment, attemptId: string, result: AttemptResult, metadata: EventMetadata): Promise<void> {
    await this.em.transactional(async (tx) => {
      const attempt = await tx.findOneOrFail(PaymentAttempt, attemptId);
      attempt.outcome = result.outcome;
      attempt.failureCode = result.outcome === AttemptOutcome.SUCCEEDED ? null : result.code;
      const now = this.clock();
      if (result.outcome === AttemptOutcome.SUCCEEDED) await markSucceeded(tx, payment, now, metadata);
      else if (result.outcome === AttemptOutcome.DECLINED) await markFailed(tx, payment, result.code, now, metadata);
    });
  }

  reload(paymentId: string): Promise<Payment> {
    return this.em.findOneOrFail(Payment, paymentId, { refresh: true });
  }

  /** The attempts of a payment, oldest first (for tests and support tooling). */
  attemptsOf(paymentId: string): Promise<PaymentAttempt[]> {
    return this.em.find(PaymentAttempt, { payment: paymentId }, { orderBy: { number: 'asc' } });
  }
}
