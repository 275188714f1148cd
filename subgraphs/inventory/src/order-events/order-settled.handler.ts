import { appendToOutbox, defineConsumer, handleOnce, type EventConsumer } from '@techally/events';
import { ReservationStatus } from '../reservation/reservation-status';
import { stockChangedEvent } from '../stock/stock-changed.event';
import { warehouseStockChangedEvent } from '../stock/warehouse-stock-changed.event';
import type { OrderEventDependencies } from './order-events.dependencies';

export const SETTLE_STOCK_GROUP = 'inventory.settle-stock';

/**
 * Saga step 3: the order's fate is known. Paid → commit the reservation (the units leave on-hand stock;
 * availability is unchanged, so no stock-changed, but one `inventory.warehouse-stock-changed.v1` per stock row).
 * Cancelled → release it (one `inventory.stock-changed.v1` per product and one warehouse-stock-changed per row),
 * or, when the order-placed has not been handled yet, leave a tombstone so it reserves nothing.
 * Idempotent by the reservation's status besides the inbox: a second paid or cancelled changes nothing.
 */
export function settleStockConsumer({ orm, reservations, logger }: OrderEventDependencies): EventConsumer {
  return defineConsumer({
    group: SETTLE_STOCK_GROUP,
    types: ['orders.order-paid.v1', 'orders.order-cancelled.v1'],
    async handle(event) {
      const { orderId } = event.payload;
      if (event.type === 'orders.order-paid.v1') {
        const handled = await handleOnce(orm.em.fork(), event, SETTLE_STOCK_GROUP, async (tx) => {
          const outcome = await reservations.commit(tx, orderId);
          if (outcome.kind === 'committed') appendToOutbox(tx, outcome.stockRows.map((row) => warehouseStockChangedEvent(row, event.metadata)));
          return outcome;
        });
        if (!handled.applied) return;
        const outcome = handled.result;
        if (outcome.kind === 'committed') logger.info({ orderId, lines: outcome.lines.length }, 'reservation committed');
        // Committed already: the same payment told again (a replay, or a demo shop's past sale seeded committed).
        else if (outcome.status === ReservationStatus.COMMITTED) logger.info({ orderId }, 'reservation committed already; nothing to do');
        // A paid order always went through stock-reserved first (saga contract): anything else is a bug upstream.
        else logger.error({ orderId, status: outcome.status }, 'order paid without an active reservation; stock left as it is');
        return;
      }
      const handled = await handleOnce(orm.em.fork(), event, SETTLE_STOCK_GROUP, async (tx) => {
        const outcome = await reservations.release(tx, orderId);
        if (outcome.kind === 'released') {
          appendToOutbox(tx, [
            ...outcome.availability.map((figures) => stockChangedEvent(figures, event.metadata)),
            ...outcome.stockRows.map((row) => warehouseStockChangedEvent(row, event.metadata)),
          ]);
        }
        return outcome;
      });
      if (!handled.applied) return;
      const outcome = handled.result;
      if (outcome.kind === 'released') logger.info({ orderId, reason: event.payload.reason, lines: outcome.lines.length }, 'reservation released');
      else if (outcome.kind === 'tombstoned') logger.info({ orderId, reason: event.payload.reason }, 'order cancelled before its reservation; tombstone left');
      else if (outcome.status === 'COMMITTED') logger.warn({ orderId, reason: event.payload.reason }, 'order cancelled after its stock was committed; stock left as it is');
    },
  });
}
