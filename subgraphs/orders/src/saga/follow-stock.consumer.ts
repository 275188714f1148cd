import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer } from '@techally/events';
import { CancellationReason } from '../order/cancellation-reason';
import { OrderStatus } from '../order/order-status';
import { reactOnOrder, type SagaDependencies } from './order-reaction';

export const FOLLOW_STOCK_GROUP = 'orders.follow-stock';
const ACTOR = 'system:inventory';

type StockEvent = EnvelopeOf<'inventory.stock-reserved.v1' | 'inventory.stock-reservation-failed.v1'>;

/**
 * `orders.follow-stock`: inventory's answer to `order-placed` (saga contract, step 4), once per event
 * (`handleOnce`).
 *
 * - `stock-reserved`: PENDING → AWAITING_PAYMENT with `paymentDueAt` = the reservation's expiry, writing
 *   `payment-requested` (payments opens the intent). An order no longer PENDING — cancelled meanwhile, or already
 *   moved on — changes nothing (inventory releases a cancelled order's stock on `order-cancelled`).
 * - `stock-reservation-failed`: PENDING → CANCELLED (`OUT_OF_STOCK`), writing `order-cancelled`.
 */
export function followStockConsumer(deps: SagaDependencies): EventConsumer {
  return defineConsumer({
    group: FOLLOW_STOCK_GROUP,
    types: ['inventory.stock-reserved.v1', 'inventory.stock-reservation-failed.v1'],
    handle: async (event) => {
      await handleOnce(deps.orm.em.fork() as EntityManager, event, FOLLOW_STOCK_GROUP, (tx) => applyStockEvent(tx, deps, event));
    },
  });
}

async function applyStockEvent(tx: EntityManager, deps: SagaDependencies, event: StockEvent): Promise<void> {
  const cause = { what: event.type, eventId: event.id };
  switch (event.type) {
    case 'inventory.stock-reserved.v1': {
      const paymentDueAt = new Date(event.payload.reservationExpiresAt);
      await reactOnOrder(
        tx,
        deps,
        event.payload.orderId,
        (current) =>
          current.status === OrderStatus.PENDING
            ? { to: OrderStatus.AWAITING_PAYMENT, reason: 'stock reserved', actor: ACTOR, paymentDueAt }
            : null,
        event.metadata,
        cause,
      );
      return;
    }
    case 'inventory.stock-reservation-failed.v1':
      await reactOnOrder(
        tx,
        deps,
        event.payload.orderId,
        (current) =>
          current.status === OrderStatus.PENDING
            ? {
                to: OrderStatus.CANCELLED,
                reason: `stock not reserved: ${event.payload.reason}`,
                actor: ACTOR,
                cancellationReason: CancellationReason.OUT_OF_STOCK,
              }
            : null,
        event.metadata,
        cause,
      );
      return;
  }
}
