import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import type { NotificationFeed } from '../live/notification-feed';
import { NotificationRepository, type DeliveredNotification } from '../notification/notification.repository';
import { RecipientDirectory } from '../recipients/recipient-directory';
import { renderLowStock } from './low-stock-text';
import { LowStockThresholds } from './low-stock-threshold';
import { ProductLabels } from './product-labels';
import { StockWatch, type StockFigure } from './stock-watch';

/** The consumer group, and the inbox's consumer name: stable, or the group starts over (README of events). */
export const WATCH_STOCK = 'notifications.watch-stock';

export const WATCH_STOCK_EVENT_TYPES = [
  'inventory.warehouse-stock-changed.v1',
  'inventory.stock-changed.v1',
  'products.product-created.v1',
  'products.product-updated.v1',
] as const;
export type WatchStockEvent = EnvelopeOf<(typeof WATCH_STOCK_EVENT_TYPES)[number]>;

export interface WatchStockOptions {
  /** The threshold of a product no administrator set one for (LOW_STOCK_DEFAULT_THRESHOLD). */
  readonly defaultThreshold: number;
}

/**
 * Applies one event in its transaction: a products event teaches the SKU; a stock event is recorded, and when it
 * takes its figure below the threshold for the first time since it was last at or above it, every member of
 * staff gets ONE LOW_STOCK notification. Returns the notifications written (to publish live after commit).
 *
 * The product-wide figure (`stock-changed`) alerts only for a product whose warehouses no event has named: once
 * per-warehouse figures are known, they speak (a product below its threshold overall is below it in every
 * warehouse with the same threshold, so the product-wide alert would only repeat theirs).
 */
export async function applyWatchStockEvent(tx: EntityManager, event: WatchStockEvent, options: WatchStockOptions): Promise<DeliveredNotification[]> {
  const occurredAt = new Date(event.occurredAt);
  if (event.type === 'products.product-created.v1' || event.type === 'products.product-updated.v1') {
    await new ProductLabels(tx).learn(event.payload.productId, event.payload.sku, occurredAt);
    return [];
  }
  const figure: StockFigure =
    event.type === 'inventory.warehouse-stock-changed.v1'
      ? { ...pick(event.payload), warehouseId: event.payload.warehouseId, warehouseCode: event.payload.warehouseCode, occurredAt }
      : { ...pick(event.payload), warehouseId: null, warehouseCode: null, occurredAt };
  const threshold = await new LowStockThresholds(tx).thresholdFor(figure.productId, figure.warehouseId, options.defaultThreshold);
  const watch = new StockWatch(tx);
  const { crossedBelow } = await watch.observe(figure, threshold);
  if (!crossedBelow) return [];
  if (figure.warehouseId === null && (await watch.knowsWarehousesOf(figure.productId))) return [];

  const rendered = renderLowStock({ label: await new ProductLabels(tx).labelOf(figure.productId), warehouseCode: figure.warehouseCode, available: figure.available, threshold });
  const notifications = new NotificationRepository(tx);
  const written: DeliveredNotification[] = [];
  for (const member of await new RecipientDirectory(tx).staff()) {
    written.push(...(await notifications.writeInApp({ eventId: event.id, recipientId: member.userId, productId: figure.productId, occurredAt, ...rendered })));
  }
  return written;
}

function pick(payload: { productId: string; available: number }): Pick<StockFigure, 'productId' | 'available'> {
  return { productId: payload.productId, available: payload.available };
}

/**
 * `notifications.watch-stock`: low-stock alerts for staff from the inventory stream, with the SKUs from the
 * products stream. Once through the inbox; the alerts are published live once the transaction has committed.
 */
export function watchStockConsumer(orm: SubgraphOrm, feed: NotificationFeed, options: WatchStockOptions): EventConsumer {
  return defineConsumer({
    group: WATCH_STOCK,
    types: [...WATCH_STOCK_EVENT_TYPES],
    async handle(envelope) {
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, WATCH_STOCK, (tx) => applyWatchStockEvent(tx, envelope, options));
      if (outcome.applied) await feed.publish(outcome.result);
    },
  });
}
