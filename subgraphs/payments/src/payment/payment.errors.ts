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

  orderNotPayable(orderId: string, orderStatus: string): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `Order ${orderId} is ${orderStatus}; only a PENDING or AWAITING_PAYMENT order can be paid.`, {
      orderId,
      orderStatus,
    });
  },

  /** A total no provider can collect: nothing (a free order) or a currency the shop does not trade in. */
  unchargeableTotal(orderId: string, amount: number, currency: string): DomainError {
    return new DomainError(ErrorCode.PAYMENT_NOT_ALLOWED, `Order ${orderId} totals ${amount} ${currency}, which cannot be charged.`, {
      orderId,
      amount,
      currency,
    });
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
