import type { AnyEventEnvelope } from '@techally/events';
import type { ReadModelTables } from '../database';
import { SalesFacts, type SqlExecutor } from './sales-facts';
import { SalesRollup, type Dimension } from './sales-rollup';

/** Every event type the read model learns from (README.md, *Consumes*). */
export const READ_MODEL_EVENT_TYPES = [
  'orders.order-placed.v1',
  'orders.order-paid.v1',
  'orders.order-cancelled.v1',
  // The orders domain has no fulfilled event of its own: fulfilment is the FULFILLED transition.
  'orders.order-status-changed.v1',
  'payments.payment-refunded.v1',
  'inventory.stock-reserved.v1',
  'inventory.warehouse-stock-changed.v1',
  'products.product-created.v1',
  'products.product-updated.v1',
] as const;

export type ReadModelEventType = (typeof READ_MODEL_EVENT_TYPES)[number];

export function isReadModelEvent(envelope: AnyEventEnvelope): boolean {
  return (READ_MODEL_EVENT_TYPES as readonly string[]).includes(envelope.type);
}

/** What an event changed in the facts, so the rollup can follow: the days to recompute, of which dimensions. */
interface Touched {
  readonly days: readonly string[];
  readonly dimensions?: readonly Dimension[];
}

/**
 * Applies one event to the read model in `tables` (the live schema, or a rebuild's shadow): the per-order facts
 * and, with `refresh`, the rollup rows of every day whose figures it may have changed (the days of the order's
 * facts before and after; for a product's new category, the days of the orders whose attribution moved).
 * A bulk replay applies the facts alone and recomputes the rollup once at the end.
 */
export class ReadModelWriter {
  private readonly facts: SalesFacts;
  private readonly rollup: SalesRollup;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly tables: ReadModelTables,
  ) {
    this.facts = new SalesFacts(sql, tables);
    this.rollup = new SalesRollup(sql, tables);
  }

  async apply(envelope: AnyEventEnvelope, { refresh }: { refresh: boolean }): Promise<void> {
    const touched = await this.write(envelope, refresh);
    if (refresh && touched) await this.rollup.refreshDays(touched.days, touched.dimensions);
  }

  private async write(envelope: AnyEventEnvelope, refresh: boolean): Promise<Touched | null> {
    const at = new Date(envelope.occurredAt);
    const forOrder = async (orderId: string, change: () => Promise<void>, dimensions?: readonly Dimension[]): Promise<Touched> => {
      const before = refresh ? await this.rollup.daysOfOrders([orderId]) : [];
      await change();
      const after = refresh ? await this.rollup.daysOfOrders([orderId]) : [];
      return { days: [...before, ...after], ...(dimensions ? { dimensions } : {}) };
    };
    switch (envelope.type) {
      case 'orders.order-placed.v1':
        return forOrder(envelope.payload.orderId, () => this.facts.placed(envelope.payload, at));
      case 'orders.order-paid.v1':
        return forOrder(envelope.payload.orderId, () => this.facts.paid(envelope.payload, at));
      case 'orders.order-cancelled.v1':
        return forOrder(envelope.payload.orderId, () => this.facts.cancelled(envelope.payload.orderId, envelope.payload.reason, at));
      case 'orders.order-status-changed.v1': {
        const { orderId, status } = envelope.payload;
        return status === 'FULFILLED' ? forOrder(orderId, () => this.facts.fulfilled(orderId, at)) : null;
      }
      case 'payments.payment-refunded.v1': {
        const { orderId, amount, reason } = envelope.payload;
        return forOrder(orderId, () => this.facts.refunded(envelope.id, orderId, amount?.amount ?? null, reason ?? null, at));
      }
      case 'inventory.stock-reserved.v1': {
        const { orderId, allocations } = envelope.payload;
        return allocations ? forOrder(orderId, () => this.facts.allocated(orderId, allocations), ['WAREHOUSE']) : null;
      }
      case 'inventory.warehouse-stock-changed.v1':
        await this.facts.stock(envelope.payload, at);
        return null;
      case 'products.product-created.v1':
      case 'products.product-updated.v1':
        return this.categorised(envelope.payload.productId, envelope.payload.categoryId, at, refresh);
      default:
        return null;
    }
  }

  /**
   * A category row from `at` moves the orders placed between it and the product's next row — or, when it is the
   * product's first, every order before the next row too (they fall back to the earliest category) — from the
   * category in force there before to this one. Nothing moves when that was this category already.
   */
  private async categorised(productId: string, categoryId: string, at: Date, refresh: boolean): Promise<Touched | null> {
    const [neighbours]: Array<{ previous: string | null; next: string | null; next_from: string | null }> = await this.sql.execute(
      `select (select "category_id" from ${this.tables.category} where "product_id" = ? and "valid_from" < ? order by "valid_from" desc limit 1) as "previous",
              (select "category_id" from ${this.tables.category} where "product_id" = ? and "valid_from" > ? order by "valid_from" limit 1) as "next",
              (select "valid_from" from ${this.tables.category} where "product_id" = ? and "valid_from" > ? order by "valid_from" limit 1) as "next_from"`,
      [productId, at, productId, at, productId, at],
    );
    const inserted = await this.facts.categorised(productId, categoryId, at);
    if (!inserted || !refresh) return null;
    const before = neighbours!.previous ?? neighbours!.next;
    if (before === categoryId) return null;
    const rows: Array<{ order_id: string }> = await this.sql.execute(
      `select distinct o."order_id" from ${this.tables.line} l join ${this.tables.order} o on o."order_id" = l."order_id"
       where l."product_id" = ?
         and (?::timestamptz is null or coalesce(o."placed_at", o."paid_at") < ?::timestamptz)
         and (?::boolean or coalesce(o."placed_at", o."paid_at") >= ?::timestamptz)`,
      [productId, neighbours!.next_from, neighbours!.next_from, neighbours!.previous === null, at],
    );
    return { days: await this.rollup.daysOfOrders(rows.map((row) => row.order_id)), dimensions: ['CATEGORY'] };
  }
}
