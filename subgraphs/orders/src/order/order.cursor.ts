import { decodeCursor, DomainError, encodeCursor, isUuid } from '@techally/platform';
import type { Order } from './order.entity';

/**
 * Where a newest-first page of orders resumes: the placement time of the last order seen and its id (the
 * tie-breaker). Keyset, not offset, so a page costs the same deep in the history as at its start, and an order
 * placed while someone pages never shifts a page they have not read yet.
 */
export interface OrdersPosition {
  readonly placedAt: Date;
  readonly id: string;
}

export function orderCursor(order: Order): string {
  return encodeCursor([order.placedAt.toISOString(), order.id]);
}

/** The position a cursor points at; BAD_USER_INPUT (`after`) for anything this connection did not issue. */
export function decodeOrderCursor(cursor: string): OrdersPosition {
  const [placedAt, id] = decodeCursor(cursor, 2);
  const date = typeof placedAt === 'string' ? new Date(placedAt) : undefined;
  if (!date || Number.isNaN(date.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw DomainError.badUserInput('"after" is not a cursor of an order listing.', 'after');
  }
  return { placedAt: date, id };
}
