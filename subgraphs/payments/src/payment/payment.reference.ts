import type { PaymentsContext } from '../context';
import type { Payment } from './payment.entity';
import { OrderReference } from './order.type';

/**
 * `Payment @key(fields: "id")`: through the request's loader, and only for the order's customer or an admin
 * (null for anyone else, UNAUTHENTICATED when anonymous): a client can call `_entities` directly.
 */
export function resolvePaymentReference(representation: Record<string, unknown>, { payments }: PaymentsContext): Promise<Payment | null> {
  const { id } = representation;
  return typeof id === 'string' ? payments.visibleById(id) : Promise.resolve(null);
}

/** `Order @key(fields: "id")`: just the key; `Order.payment` makes its own checks. */
export function resolveOrderReference(representation: Record<string, unknown>): OrderReference | null {
  const { id } = representation;
  return typeof id === 'string' ? OrderReference.of(id) : null;
}
