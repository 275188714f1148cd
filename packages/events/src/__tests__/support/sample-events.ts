import { randomUUID } from 'node:crypto';
import { createEvent, type AnyEventEnvelope, type EventEnvelope, type EventPayload } from '../../index';

/** A valid `orders.order-placed.v1` for a fresh order. */
export function orderPlaced(orderId: string = randomUUID()): EventEnvelope<'orders.order-placed.v1', EventPayload<'orders.order-placed.v1'>> {
  return createEvent('orders.order-placed.v1', orderId, {
    orderId,
    customerId: randomUUID(),
    items: [{ productId: randomUUID(), quantity: 2 }],
    total: { amount: 4_998, currency: 'USD' },
  });
}

export function orderCancelled(orderId: string = randomUUID()) {
  return createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'CUSTOMER_REQUESTED' });
}

export function stockChanged(productId: string = randomUUID(), available = 3) {
  return createEvent('inventory.stock-changed.v1', productId, { productId, available, inStock: available > 0 });
}

/** An envelope whose payload breaks the catalogue, as a buggy or foreign producer might put on the bus. */
export function malformedOrderPlaced(): AnyEventEnvelope {
  const valid = orderPlaced();
  return { ...valid, payload: { ...valid.payload, orderId: 'not-a-uuid', items: [] } } as unknown as AnyEventEnvelope;
}
