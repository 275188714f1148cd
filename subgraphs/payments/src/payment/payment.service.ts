import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { DomainError, requireAdmin, requireViewer, type Logger, type Viewer, isUuid } from '@techally/platform';
import { isOrderCancelled } from '../order-events/cancelled-orders';
import { summarizeCard, validateCard } from '../provider/card';
import type { CardDetails, ConfirmOutcome, PaymentProvider } from '../provider/payment-provider';
import { canSeePayment } from './payment.access';
import type { Payment } from './payment.entity';
import { PaymentError } from './payment.errors';
import { PaymentLifecycle } from './payment.lifecycle';
import type { PaymentLoaders } from './payment.loaders';
import { PaymentRepository } from './payment.repository';
import { AttemptOutcome, CONFIRMABLE_STATUSES, PaymentStatus } from './payment-status';
import { RefundReason } from './refund-reason';

export interface ConfirmPaymentRequest {
  readonly orderId: string;
  readonly card: CardDetails;
}

export interface PaymentServiceDependencies {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly loaders: PaymentLoaders;
  readonly provider: PaymentProvider;
  /** Carried into the events this request writes (request id, trace context). */
  readonly eventMetadata: EventMetadata;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** The payment use cases of one request. Everything is for the order's customer or an admin. */
export class PaymentService {
  private readonly repository: PaymentRepository;
  private readonly lifecycle: PaymentLifecycle;

  constructor(private readonly deps: PaymentServiceDependencies) {
    this.repository = new PaymentRepository(deps.em, deps.clock);
    this.lifecycle = new PaymentLifecycle({ em: deps.em, provider: deps.provider, logger: deps.logger, clock: deps.clock });
  }

  /** `payment(id)`: the owner's or an admin's; NOT_FOUND for anyone else, as for an unknown id. */
  async find(id: string): Promise<Payment> {
    const payment = await this.visibleById(id);
    if (!payment) throw PaymentError.notFound(id);
    return payment;
  }

  /**
   * A payment by id if the viewer may see it, else null (`_entities`). Anonymous → UNAUTHENTICATED. Through
   * the request's loader: a batch of references is one statement.
   */
  async visibleById(id: string): Promise<Payment | null> {
    const viewer = requireViewer(this.deps.viewer);
    const payment = isUuid(id) ? await this.deps.loaders.paymentById.load(id) : null;
    return payment && canSeePayment(viewer, payment) ? payment : null;
  }

  /** `Order.payment`: the order's payment if the viewer may see it, else null. Anonymous → UNAUTHENTICATED. */
  async visibleForOrder(orderId: string): Promise<Payment | null> {
    const viewer = requireViewer(this.deps.viewer);
    const payment = isUuid(orderId) ? await this.deps.loaders.paymentByOrderId.load(orderId) : null;
    return payment && canSeePayment(viewer, payment) ? payment : null;
  }

  /**
   * Pays an order's open payment with a card (the saga's step 9). The payment exists once the order awaits
   * payment (opened from `orders.payment-requested.v1`, with the order's total and customer); before that the
   * answer is a retryable PAYMENT_NOT_ALLOWED. The card is checked first; then one attempt is claimed, the
   * provider asked outside any transaction, and the answer recorded with its event in one transaction: success →
   * SUCCEEDED + payment-succeeded; decline → FAILED + payment-failed, final (the order is cancelled). A success
   * for an order cancelled meanwhile is refunded at once.
   */
  async confirm(request: ConfirmPaymentRequest): Promise<Payment> {
    const viewer = requireViewer(this.deps.viewer);
    const card = validateCard(request.card, this.deps.clock());
    const { orderId } = request;
    if (!isUuid(orderId)) throw PaymentError.orderNotFound(orderId);
    const payment = await this.repository.findByOrder(orderId);
    if (!payment) {
      if (await isOrderCancelled(this.deps.em, orderId)) throw PaymentError.orderCancelled(orderId);
      throw PaymentError.notAwaitingPaymentYet(orderId);
    }
    if (!canSeePayment(viewer, payment)) throw PaymentError.orderNotFound(orderId);
    if (payment.status === PaymentStatus.SUCCEEDED) throw PaymentError.alreadyPaid(orderId);
    if (!CONFIRMABLE_STATUSES.has(payment.status)) throw PaymentError.notConfirmable(orderId, payment.status);
    if (await isOrderCancelled(this.deps.em, orderId)) throw PaymentError.orderCancelled(orderId);

    const reference = await this.withProvider(payment, () => this.lifecycle.ensureIntent(payment));
    if (!reference) throw PaymentError.notConfirmable(orderId, (await this.repository.reload(payment.id)).status);
    const claim = await this.repository.claimAttempt(payment.id, summarizeCard(card));
    let outcome: ConfirmOutcome;
    try {
      outcome = await this.deps.provider.confirm(reference, card, { idempotencyKey: `${payment.idempotencyKey}:attempt:${claim.number}` });
    } catch (error) {
      await this.repository.settleAttempt(payment, claim.attemptId, { outcome: AttemptOutcome.ERROR, code: errorCode(error) }, this.deps.eventMetadata);
      throw this.providerFailure(error, payment);
    }
    await this.repository.settleAttempt(
      payment,
      claim.attemptId,
      outcome.status === 'succeeded' ? { outcome: AttemptOutcome.SUCCEEDED } : { outcome: AttemptOutcome.DECLINED, code: outcome.code },
      this.deps.eventMetadata,
    );
    this.deps.logger.info({ paymentId: payment.id, orderId, attempt: claim.number, outcome: outcome.status }, 'payment attempt settled');
    if (outcome.status === 'succeeded') await this.refundIfOrderCancelled(payment);
    return this.repository.reload(payment.id);
  }

  /**
   * Refunds a SUCCEEDED payment in full (admins only); anything else is PAYMENT_NOT_ALLOWED. The provider is
   * asked first, under the payment's refund idempotency key, so two concurrent refunds give the money back once
   * and a crash between the refund and the status change is repaired by simply refunding again. The refund
   * writes `payments.payment-refunded.v1` (the order becomes REFUNDED).
   */
  async refund(id: string): Promise<Payment> {
    requireAdmin(this.deps.viewer);
    const payment = isUuid(id) ? await this.deps.loaders.paymentById.load(id) : null;
    if (!payment) throw PaymentError.notFound(id);
    if (payment.status !== PaymentStatus.SUCCEEDED || !payment.providerReference) throw PaymentError.notRefundable(id, payment.status);
    const refunded = await this.withProvider(payment, () => this.lifecycle.refund(payment, RefundReason.REQUESTED_BY_ADMIN, this.deps.eventMetadata));
    if (!refunded) {
      const current = await this.repository.reload(payment.id);
      throw PaymentError.notRefundable(id, current.status);
    }
    return this.repository.reload(payment.id);
  }

  /**
   * The money was collected but the order was cancelled while the provider was being asked: give it back now.
   * A failure here does not turn the customer's answer into an error (they were charged, the payment says so);
   * the refund sweep retries it.
   */
  private async refundIfOrderCancelled(payment: Payment): Promise<void> {
    try {
      await this.lifecycle.refundIfOwed(payment.id, this.deps.eventMetadata);
    } catch (error) {
      this.deps.logger.error({ err: error, paymentId: payment.id, orderId: payment.orderId }, 'refund of a payment for a cancelled order failed; the refund sweep retries it');
    }
  }

  private async withProvider<T>(payment: Payment, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.providerFailure(error, payment);
    }
  }

  /** A DomainError passes (a card the provider refused as malformed); anything else is logged and masked. */
  private providerFailure(error: unknown, payment: Payment): DomainError {
    if (error instanceof DomainError) return error;
    this.deps.logger.error({ err: error, paymentId: payment.id, orderId: payment.orderId }, 'payment provider failed');
    return PaymentError.providerUnavailable();
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.slice(0, 64) : 'provider_error';
}
