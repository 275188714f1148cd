import {
  appendToOutbox,
  createEvent,
  defineConsumer,
  handleOnce,
  type AnyEventEnvelope,
  type EnvelopeOf,
  type EventConsumer,
} from '@techally/events';
import type { ReserveOutcome } from '../reservation/reservation.service';
import { stockChangedEvent } from '../stock/stock-changed.event';
import { warehouseStockChangedEvent } from '../stock/warehouse-stock-changed.event';
import type { OrderEventDependencies } from './order-events.dependencies';

export const RESERVE_STOCK_GROUP = 'inventory.reserve-stock';

/** Why a reservation failed, as the saga's cancellation reason (saga contract step 2). */
export const OUT_OF_STOCK = 'OUT_OF_STOCK';

/**
 * Saga step 2: an order was placed → hold its stock, every line or none. The outcome's events are written to
 * the outbox in the same transaction as the reservation and the inbox row: `inventory.stock-reserved.v1` (with
 * its allocations), one `inventory.stock-changed.v1` per product and one `inventory.warehouse-stock-changed.v1`
 * per stock row held, or `inventory.stock-reservation-failed.v1` (OUT_OF_STOCK). An
 * order already reserved or cancelled first (tombstone) writes nothing.
 */
export function reserveStockConsumer({ orm, reservations, logger }: OrderEventDependencies): EventConsumer {
  return defineConsumer({
    group: RESERVE_STOCK_GROUP,
    types: ['orders.order-placed.v1'],
    async handle(event) {
      const handled = await handleOnce(orm.em.fork(), event, RESERVE_STOCK_GROUP, async (tx) => {
        const outcome = await reservations.reserve(tx, event.payload);
        appendToOutbox(tx, reservationEvents(event, outcome));
        return outcome;
      });
      if (!handled.applied) return;
      const { orderId } = event.payload;
      const outcome = handled.result;
      if (outcome.kind === 'reserved') logger.info({ orderId, expiresAt: outcome.expiresAt, lines: outcome.lines.length }, 'stock reserved');
      else if (outcome.kind === 'out-of-stock') logger.info({ orderId, productIds: outcome.productIds }, 'stock reservation failed: out of stock');
      else logger.info({ orderId, status: outcome.status }, 'order already has a reservation or was cancelled first; nothing reserved');
    },
  });
}

function reservationEvents(event: EnvelopeOf<'orders.order-placed.v1'>, outcome: ReserveOutcome): AnyEventEnvelope[] {
  const { orderId } = event.payload;
  const metadata = event.metadata;
  switch (outcome.kind) {
    case 'reserved':
      return [
        createEvent(
          'inventory.stock-reserved.v1',
          orderId,
          {
            orderId,
            reservationExpiresAt: outcome.expiresAt.toISOString(),
            // Where each unit is held (issue #14): the reservation's lines, as inserted.
            allocations: outcome.lines.map(({ productId, warehouseId, quantity }) => ({ productId, warehouseId, quantity })),
          },
          metadata,
        ),
        ...outcome.availability.map((figures) => stockChangedEvent(figures, metadata)),
        ...outcome.stockRows.map((row) => warehouseStockChangedEvent(row, metadata)),
      ];
    case 'out-of-stock':
      return [
        createEvent('inventory.stock-reservation-failed.v1', orderId, { orderId, reason: OUT_OF_STOCK, productIds: outcome.productIds }, metadata),
      ];
    case 'already-handled':
      return [];
  }
}
