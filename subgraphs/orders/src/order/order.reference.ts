import type { OrdersContext } from '../context';
import type { Order } from './order.entity';

/**
 * `Order @key(fields: "id")`: another subgraph (payments, with the customer's forwarded token) or the gateway
 * asks for an order by id. The same rule as `order(id)` holds, because anyone can call `_entities` directly:
 * the order's customer and administrators get it, everyone else (anonymous included) gets null. Through the
 * request's loader, so a batch of references costs one statement.
 */
export function resolveOrderReference(representation: Record<string, unknown>, { orders }: OrdersContext): Promise<Order | null> {
  const id = representation['id'];
  return typeof id === 'string' ? orders.visible(id) : Promise.resolve(null);
}
