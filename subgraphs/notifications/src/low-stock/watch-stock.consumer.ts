import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConsumer, handleOnce, type EnvelopeOf, type EventConsumer } from '@techally/events';
import type { SubgraphOrm } from '@techally/platform';
import type { DeliveryTargetsFactory } from '../delivery/default-delivery-targets';
import { planDeliveries } from '../delivery/delivery-planner';
import type { DeliverySignal } from '../delivery/delivery-signal';
import type { NotificationFeed } from '../live/notification-feed';
import { LOW_STOCK_ALERT, renderSubject, type LowStockAlert } from '../notification/notification-subject';
import { CATEGORY_OF_KIND } from '../notification/notification-text';
import { NotificationRepository, type DeliveredNotification } from '../notification/notification.repository';
import type { NotifyOutcome } from '../order-events/notify-customers.consumer';
import { RecipientDirectory } from '../recipients/recipient-directory';
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
  /** Where each member of staff wants STOCK_ALERTS (their preferences: email by default). */
  readonly deliveryTargets: DeliveryTargetsFactory;
}

/**
 * Applies one event in its transaction: a products event teaches the SKU; a stock event is recorded, and when it
 * takes its figure below the threshold for the first time since it was last at or above it, every member of
 * staff gets ONE LOW_STOCK notification, and its deliveries (email, SMS, push: STOCK_ALERTS as each of them chose)
 * are planned from the alert's facts. Returns the notifications written (to publish live after commit) and how
 * many deliveries were planned.
 *
 * The product-wide figure (`stock-changed`) alerts only when its change is not published per warehouse too (an
 * event from before them: no `perWarehouse`) and for a product whose warehouses no event has named: otherwise they speak (a product below its threshold overall is below it in every
 * warehouse with the same threshold, so the product-wide alert would only repeat theirs).
 */
export async function applyWatchStockEvent(tx: EntityManager, event: WatchStockEvent, options: WatchStockOptions): Promise<NotifyOutcome> {
  const nothing: NotifyOutcome = { delivered: [], planned: 0 };
  const occurredAt = new Date(event.occurredAt);
  if (event.type === 'products.product-created.v1' || event.type === 'products.product-updated.v1') {
    await new ProductLabels(tx).learn(event.payload.productId, event.payload.sku, occurredAt);
    return nothing;
  }
  const figure: StockFigure =
    event.type === 'inventory.warehouse-stock-changed.v1'
      ? { ...pick(event.payload), warehouseId: event.payload.warehouseId, warehouseCode: event.payload.warehouseCode, occurredAt }
      : { ...pick(event.payload), warehouseId: null, warehouseCode: null, occurredAt };
  const threshold = await new LowStockThresholds(tx).thresholdFor(figure.productId, figure.warehouseId, options.defaultThreshold);
  const watch = new StockWatch(tx);
  const { crossedBelow } = await watch.observe(figure, threshold);
  if (!crossedBelow) return nothing;
  if (figure.warehouseId === null && (perWarehouse(event) || (await watch.knowsWarehousesOf(figure.productId)))) return nothing;

  const alert: LowStockAlert = {
    type: LOW_STOCK_ALERT,
    id: event.id,
    occurredAt: event.occurredAt,
    payload: {
      productId: figure.productId,
      warehouseId: figure.warehouseId,
      warehouseCode: figure.warehouseCode,
      sku: await new ProductLabels(tx).skuOf(figure.productId),
      available: figure.available,
      threshold,
    },
  };
  const rendered = renderSubject(alert)!;
  const notifications = new NotificationRepository(tx);
  const delivered: DeliveredNotification[] = [];
  let planned = 0;
  for (const member of await new RecipientDirectory(tx).staff()) {
    delivered.push(...(await notifications.writeInApp({ eventId: event.id, recipientId: member.userId, productId: figure.productId, occurredAt, ...rendered })));
    const request = { subject: alert, recipientId: member.userId, kind: rendered.kind, category: CATEGORY_OF_KIND[rendered.kind] };
    planned += await planDeliveries(tx, options.deliveryTargets, request, new Date());
  }
  return { delivered, planned };
}

/**
 * A product-wide figure whose change is published per warehouse too: those figures speak. Inventory writes this one
 * first, so "no warehouse of the product known yet" would otherwise alert twice for a new product's first dip.
 */
function perWarehouse(event: WatchStockEvent): boolean {
  return event.type === 'inventory.stock-changed.v1' && event.payload.perWarehouse === true;
}

function pick(payload: { productId: string; available: number }): Pick<StockFigure, 'productId' | 'available'> {
  return { productId: payload.productId, available: payload.available };
}

/**
 * `notifications.watch-stock`: low-stock alerts for staff from the inventory stream, with the SKUs from the
 * products stream. Once through the inbox (and once on its own: the unique (event, channel, recipient[, target]));
 * once the transaction has committed, the alerts are published live and the delivery worker is woken.
 */
export function watchStockConsumer(orm: SubgraphOrm, feed: NotificationFeed, options: WatchStockOptions, signal?: DeliverySignal): EventConsumer {
  return defineConsumer({
    group: WATCH_STOCK,
    types: [...WATCH_STOCK_EVENT_TYPES],
    async handle(envelope) {
      const outcome = await handleOnce(orm.em.fork() as EntityManager, envelope, WATCH_STOCK, (tx) => applyWatchStockEvent(tx, envelope, options));
      if (!outcome.applied) return;
      await feed.publish(outcome.result.delivered);
      if (outcome.result.planned > 0) signal?.wake();
    },
  });
}
