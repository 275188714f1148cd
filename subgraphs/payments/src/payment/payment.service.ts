import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, isSupportedCurrency, requireAdmin, requireViewer, type ForwardedRequest, type Logger, type Viewer } from '@techally/platform';
import { PAYABLE_ORDER_STATUSES, type OrderDirectory } from '../orders/order-directory';
import { summarizeCard, validateCard } from '../provider/card';
import type { CardDetails, ConfirmOutcome, PaymentProvider } from '../provider/payment-provider';
import { isUuid } from '../shared/uuid';
import { canSeePayment } from './payment.access';
import { paymentIdempotencyKey, type Payment } from './payment.entity';
import { PaymentError } from './payment.errors';
import type { PaymentLoaders } from './payment.loaders';
import { PaymentRepository } from './payment.repository';
import { AttemptOutcome, CONFIRMABLE_STATUSES, PaymentStatus } from './payment-status';

export interface ConfirmPaymentRequest {
  readonly orderId: string;
  readonly card: CardDetails;
}

export interface PaymentServiceDependencies {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly loaders: PaymentLoaders;
  readonly provider: PaymentProvider;
  readonly orders: OrderDirectory;
  /** The caller's Authorization and request id, for the orders subgraph. */
  readonly forwarded: ForwardedRequest;
  readonly logger: Logger;
  readonly clock: () => Date;
}

/** The payment use cases of one request. Everything is for the order's customer or an admin. */
export class PaymentService {
  private readonly repository: PaymentRepository;

  constructor(private readonly deps: PaymentServiceDependencies) {
    this.repository = new PaymentRepository(deps.em, deps.clock);
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
   * Pays an order with a card. The card is checked and the order fetched (as the caller) before anything is
   * written; the amount is the order's total. The first call creates the payment and its provider intent
   * (idempotency key `order:<id>`), each call is one attempt on it. A decline is an answer: the payment comes
   * back FAILED with its failureCode, and the customer may try again.
   */
  async confirm(request: ConfirmPaymentRequest): Promise<Payment> {
    requireViewer(this.deps.viewer);
    const card = validateCard(request.card, this.deps.clock());
    if (!isUuid(request.orderId)) throw PaymentError.orderNotFound(request.orderId);
    const order = await this.deps.orders.find(request.orderId, this.deps.forwarded);
    if (!order) throw PaymentError.orderNotFound(request.orderId);
    if (!PAYABLE_ORDER_STATUSES.has(order.status)) throw PaymentError.orderNotPayable(order.id, order.status);
    const { amount, currency } = order.total;
    if (!Number.isInteger(amount) || amount < 1 || !isSupportedCurrency(currency)) {
      throw PaymentError.unchargeableTotal(order.id, amount, currency);
    }

    const payment = await this.repository.findOrCreate({
      orderId: order.id,
      customerId: order.customerId,
      amount,
      currency,
      provider: this.deps.provider.name,
      idempotencyKey: paymentIdempotencyKey(order.id),
    });
    if (payment.status === PaymentStatus.SUCCEEDED) throw PaymentError.alreadyPaid(order.id);
    if (!CONFIRMABLE_STATUSES.has(payment.status)) throw PaymentError.notConfirmable(order.id, payment.status);

    const reference = await this.ensureIntent(payment);
    const claim = await this.repository.claimAttempt(payment.id, summarizeCard(card));
    let outcome: ConfirmOutcome;
    try {
      outcome = await this.deps.provider.confirm(reference, card, {
        idempotencyKey: `${payment.idempotencyKey}:attempt:${claim.number}`,
      });
    } catch (error) {
      await this.repository.settleAttempt(payment.id, claim.attemptId, AttemptOutcome.ERROR, errorCode(error));
      throw this.providerFailure(error, payment);
    }
    const settled =
      outcome.status === 'succeeded'
        ? await this.repository.settleAttempt(payment.id, claim.attemptId, AttemptOutcome.SUCCEEDED, null)
        : await this.repository.settleAttempt(payment.id, claim.attemptId, AttemptOutcome.DECLINED, outcome.code);
    this.deps.logger.info(
      { paymentId: payment.id, orderId: order.id, attempt: claim.number, outcome: outcome.status },
      'payment attempt settled',
    );
    return settled;
  }

  /**
   * Refunds a SUCCEEDED payment in full (admins only); anything else is PAYMENT_NOT_ALLOWED. The provider is
   * asked first, under a per-payment idempotency key, so two concurrent refunds give the money back once and a
   * crash between the refund and the status change is repaired by simply refunding again.
   */
  async refund(id: string): Promise<Payment> {
    requireAdmin(this.deps.viewer);
    const payment = isUuid(id) ? await this.deps.loaders.paymentById.load(id) : null;
    if (!payment) throw PaymentError.notFound(id);
    if (payment.status !== PaymentStatus.SUCCEEDED || !payment.providerReference) throw PaymentError.notRefundable(id, payment.status);
    try {
      await this.deps.provider.refund(payment.providerReference, { idempotencyKey: `${payment.idempotencyKey}:refund` });
    } catch (error) {
      throw this.providerFailure(error, payment);
    }
    if (!(await this.repository.markRefunded(payment.id))) {
      const current = await this.repository.reload(payment.id);
      throw PaymentError.notRefundable(id, current.status);
    }
    this.deps.logger.info({ paymentId: payment.id, orderId: payment.orderId }, 'payment refunded');
    return this.repository.reload(payment.id);
  }

  /** The payment's intent at the provider, created on first need (idempotent: a repeat returns the same intent). */
  private async ensureIntent(payment: Payment): Promise<string> {
    if (payment.providerReference) return payment.providerReference;
    let intent;
    try {
      intent = await this.deps.provider.createIntent({
        amount: payment.amount,
        currency: payment.currency,
        idempotencyKey: payment.idempotencyKey,
        metadata: { orderId: payment.orderId },
      });
    } catch (error) {
      throw this.providerFailure(error, payment);
    }
    await this.repository.storeIntentReference(payment, intent.reference);
    return intent.reference;
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
