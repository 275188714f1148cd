import { DomainError, ErrorCode } from '@techally/platform';
import type { OrderStatus } from './order-status';

/** The order domain's deliberate errors, each with its registered code (README.md, House style). */
export const OrderError = {
  /**
   * An unknown order and someone else's order answer exactly alike, so an id cannot be probed for existence.
   */
  notFound(id: string): DomainError {
    return DomainError.notFound('Order', id);
  },

  illegalTransition(from: OrderStatus, to: OrderStatus): DomainError {
    return new DomainError(ErrorCode.ILLEGAL_ORDER_TRANSITION, `An order cannot go from ${from} to ${to}.`, { from, to });
  },

  notCancellable(id: string, status: OrderStatus): DomainError {
    return new DomainError(
      ErrorCode.ORDER_NOT_CANCELLABLE,
      `Order ${id} is ${status}; only PENDING or AWAITING_PAYMENT orders can be cancelled.`,
      { id, status },
    );
  },

  idempotencyKeyReused(idempotencyKey: string): DomainError {
    return new DomainError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `The idempotency key "${idempotencyKey}" was already used for a different order; use a new key for a new order.`,
      { field: 'idempotencyKey' },
    );
  },
};
