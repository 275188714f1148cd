import { renderLowStock } from '../low-stock/low-stock-text';
import { renderInApp, type NotifyingEvent, type RenderedNotification } from './notification-text';

/** The `type` of a {@link LowStockAlert}: not an event on the bus, a fact this subgraph decided. */
export const LOW_STOCK_ALERT = 'notifications.low-stock-alert';

/**
 * A low-stock crossing as the `notifications.watch-stock` consumer decided it (README.md, *Low stock*): the stock
 * event's facts with what that event does not carry — the SKU and the threshold of the moment — so its messages
 * are rendered later (a retry, another process) exactly as the in-app alert was, whatever changed since.
 */
export interface LowStockAlert {
  readonly type: typeof LOW_STOCK_ALERT;
  /** The stock event that took the figure below its threshold: deliveries are keyed by it. */
  readonly id: string;
  readonly occurredAt: string;
  readonly payload: {
    readonly productId: string;
    /** Null: the product-wide figure (every warehouse together). */
    readonly warehouseId: string | null;
    readonly warehouseCode: string | null;
    /** Null when no products event named the product yet (the alert then names it by its id). */
    readonly sku: string | null;
    readonly available: number;
    readonly threshold: number;
  };
}

/**
 * What a notification is made from, and what a delivery row keeps (`delivery.event`) to render its messages when it
 * is sent: an event a customer cares about as it came, or a fact this subgraph derived from events (a low-stock
 * crossing). Every template renders from a subject alone, never asking anyone.
 */
export type NotificationSubject = NotifyingEvent | LowStockAlert;

/** The in-app message of a subject, or null when it tells nobody anything (a status step without news). */
export function renderSubject(subject: NotificationSubject): RenderedNotification | null {
  if (subject.type !== LOW_STOCK_ALERT) return renderInApp(subject);
  const { sku, productId, warehouseCode, available, threshold } = subject.payload;
  return renderLowStock({ label: sku ?? productId, warehouseCode, available, threshold });
}

/** The order a subject is about, if any (a review's moderation and a low-stock alert are about a product). */
export function orderOf(subject: NotificationSubject): string | null {
  return 'orderId' in subject.payload ? subject.payload.orderId : null;
}

/** The product a subject is about, if any. */
export function productOf(subject: NotificationSubject): string | null {
  return subject.type === 'reviews.review-moderated.v1' || subject.type === LOW_STOCK_ALERT ? subject.payload.productId : null;
}
