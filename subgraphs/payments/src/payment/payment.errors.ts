import { DomainError, ErrorCode } from '@techally/platform';
import type { PaymentStatus } from './payment-status';

/** The payment domain's deliberate errors, each with its registered code (STYLE.md §4). */
export const PaymentError = {
  notFound(id: string): DomainError {
    return DomainError.notFound('Payment', id);
  },

  /** Unknown, or not the caller's: the same answer, so ids of other customers' orders cannot be probed. */
  orderNotFound(orderId: string): DomainError {
    return DomainError.notFound('Order', orderId);
  },

  /** The order is cancelled: nothing can be collected for it any more. */
  orderCancelled(orderId: string): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `Order ${orderId} is CANCELLED; only an order awaiting payment can be paid.`, {
      orderId,
      orderStatus: 'CANCELLED',
    });
  },

  /**
   * No payment to confirm yet: the order's stock is still being reserved (the payment opens when the order
   * reaches AWAITING_PAYMENT), or no such order is checking out. Retryable, and says so in `extensions`.
   */
  notAwaitingPaymentYet(orderId: string): DomainError {
    return new DomainError(
      ErrorCode.PAYMENT_NOT_ALLOWED,
      `Order ${orderId} is not awaiting payment yet: it can be paid once its stock is reserved. Try again in a moment.`,
      { orderId, retryable: true },
    );
  },

  alreadyPaid(orderId: string): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `Order ${orderId} has already been paid.`, { orderId, paymentStatus: 'SUCCEEDED' });
  },

  notConfirmable(orderId: string, status: PaymentStatus): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `The payment of order ${orderId} is ${status} and cannot be confirmed.`, {
      orderId,
      paymentStatus: status,
    });
  },

  attemptInProgress(orderId: string): DomainError {
    return new DomainError(
      ErrorCode.PAYMENT_NOT_ALLOWED,
      `A payment attempt for order ${orderId} is already in progress; wait for its outcome.`,
      { orderId, paymentStatus: 'PENDING' },
    );
  },

  notRefundable(id: string, status: PaymentStatus): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `Payment ${id} is ${status}; only a SUCCEEDED payment can be refunded.`, {
      id,
      paymentStatus: status,
    });
  },

  providerUnavailable(): DomainError {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The payment provider is unavailable right now; nothing was charged. Try again shortly.');
  },
};
