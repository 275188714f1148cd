import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CardSummary } from '../provider/payment-provider';
import { PaymentAttempt } from './payment-attempt.entity';
import { Payment } from './payment.entity';
import { PaymentError } from './payment.errors';
import { AttemptOutcome, CONFIRMABLE_STATUSES, PaymentStatus } from './payment-status';

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

/**
 * A confirmation still PROCESSING after this long is taken as abandoned (its process died between asking the
 * provider and recording the answer) and no longer blocks a new one. Safe: the provider never charges an
 * intent twice (see PaymentProvider.confirm), so the new attempt only learns what the old one did.
 */
export const ABANDONED_ATTEMPT_AFTER_MS = 5 * 60_000;

/**
 * Payments in Postgres. Every short transaction here runs with no call to another service inside (DESIGN.md
 * §8): the provider is asked between them, with the PROCESSING attempt as the claim.
 */
export class PaymentRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: () => Date,
  ) {}

  /**
   * The order's payment, created when there is none. `on conflict do nothing` on the unique order id: of two
   * concurrent first confirmations, one inserts and both read the same row.
   */
  async findOrCreate(values: NewPayment): Promise<Payment> {
    const now = this.clock();
    await this.em
      .createQueryBuilder(Payment)
      .insert({ id: randomUUID(), ...values, status: PaymentStatus.PENDING, attempts: 0, createdAt: now, updatedAt: now })
      .onConflict('order_id')
      .ignore()
      .execute();
    return this.em.findOneOrFail(Payment, { orderId: values.orderId }, { refresh: true });
  }

  /** Records the provider's intent id unless another request already did (both hold the same id: idempotency). */
  async storeIntentReference(payment: Payment, reference: string): Promise<void> {
    await this.em.nativeUpdate(Payment, { id: payment.id, providerReference: null }, { providerReference: reference, updatedAt: this.clock() });
    payment.providerReference = reference;
  }

  /**
   * Claims the next attempt under the payment row's lock: refused when the payment is not PENDING or FAILED,
   * or while another attempt is PROCESSING; otherwise counts the attempt and writes it as PROCESSING. Two
   * concurrent confirmations queue on the lock, and the second sees the first's claim.
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
   * Records what the provider answered: the attempt's outcome and the payment's status. A success always
   * wins (money was collected); a decline or an error leaves a payment that meanwhile succeeded as it is.
   */
  async settleAttempt(paymentId: string, attemptId: string, outcome: AttemptOutcome, failureCode: string | null): Promise<Payment> {
    return this.em.transactional(async (tx) => {
      const payment = await tx.findOneOrFail(Payment, paymentId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const attempt = await tx.findOneOrFail(PaymentAttempt, attemptId);
      attempt.outcome = outcome;
      attempt.failureCode = failureCode;
      const now = this.clock();
      if (outcome === AttemptOutcome.SUCCEEDED && CONFIRMABLE_STATUSES.has(payment.status)) {
        payment.status = PaymentStatus.SUCCEEDED;
        payment.failureCode = null;
        payment.updatedAt = now;
      } else if (outcome === AttemptOutcome.DECLINED && CONFIRMABLE_STATUSES.has(payment.status)) {
        payment.status = PaymentStatus.FAILED;
        payment.failureCode = failureCode;
        payment.updatedAt = now;
      }
      return payment;
    });
  }

  /** SUCCEEDED → REFUNDED, only if it still is SUCCEEDED; false when another request got there first. */
  async markRefunded(paymentId: string): Promise<boolean> {
    const updated = await this.em.nativeUpdate(
      Payment,
      { id: paymentId, status: PaymentStatus.SUCCEEDED },
      { status: PaymentStatus.REFUNDED, updatedAt: this.clock() },
    );
    return updated === 1;
  }

  reload(paymentId: string): Promise<Payment> {
    return this.em.findOneOrFail(Payment, paymentId, { refresh: true });
  }

  /** The attempts of a payment, oldest first (for tests and support tooling). */
  attemptsOf(paymentId: string): Promise<PaymentAttempt[]> {
    return this.em.find(PaymentAttempt, { payment: paymentId }, { orderBy: { number: 'asc' } });
  }
}
