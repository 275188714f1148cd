import { DomainError, ErrorCode } from '@techally/platform';
import type { PaymentStatus } from './payment-status';

/** The payment domain's deliberate errors, each with its registered code (README.md, House style). */
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
   * reaches AWAITING_PAYMENT, moments after every placed order — demo orders included — is announced), or no
   * such order is checking out, which payments cannot tell apart (and must not, for someone else's order).
   * Retryable, and says so in `extensions`; the message claims nothing it cannot know.
   */
  notAwaitingPaymentYet(orderId: string): DomainError {
    return new DomainError(
      ErrorCode.PAYMENT_NOT_ALLOWED,
      `No payment is open for order ${orderId} yet: an order can be paid once it awaits payment, which it reaches ` +
        'moments after it is placed, when its stock is reserved. Check its status, then try again.',
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
