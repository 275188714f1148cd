import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArrayLiteral } from '@techally/platform';
import { TABLES } from '../database';

/** One customer's paid order: what the purchases read model learns from `orders.order-paid.v1`. */
export interface PaidOrder {
  readonly orderId: string;
  readonly customerId: string;
  /** Well-formed uuids; repeats are allowed (an order may list a product on several lines). */
  readonly productIds: ReadonlyArray<string>;
  readonly paidAt: Date;
}

/** A (customer, product) pair, as `Review.verifiedPurchase` asks about its author and product. */
export interface PurchaseKey {
  readonly customerId: string;
  readonly productId: string;
}

/**
 * The purchases read model in Postgres: written by the order-paid consumer, read by the reviews' loader.
 * Statements go through `em.execute`, which joins the EntityManager's transaction (`handleOnce`'s, so the rows
 * commit with the inbox row); `em.getConnection().execute` would take another pooled connection, outside it.
 */
export class PurchaseRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records that the customer bought each product of the order, one row per (customer, product), in one
   * statement. A pair already known keeps its earliest paid order: a later order changes nothing, and an
   * earlier one that arrives late (a redelivered event comes after newer ones) takes its place. Ties on the
   * time go to the smaller order id, so the row does not depend on the order events were handled in.
   */
  async recordPaidOrder(order: PaidOrder): Promise<void> {
    const productIds = uniqueLowerCase(order.productIds);
    if (productIds.length === 0) return;
    await this.em.execute(
      `insert into ${TABLES.purchase} as p (customer_id, product_id, first_order_id, purchased_at)
       select ?::uuid, bought.product_id, ?::uuid, ?::timestamptz
       from unnest(?::uuid[]) as bought(product_id)
       on conflict (customer_id, product_id) do update
         set first_order_id = excluded.first_order_id, purchased_at = excluded.purchased_at
         where (excluded.purchased_at, excluded.first_order_id) < (p.purchased_at, p.first_order_id)`,
      [order.customerId, order.orderId, order.paidAt.toISOString(), uuidArrayLiteral(productIds)],
      'run',
    );
  }

  /**
   * Which of `keys` are purchases, in ONE statement whatever their number (the statement text is the same for
   * 1 key or 500: the pairs travel as two arrays). Returns `customerId|productId`, lower-cased.
   */
  async purchased(keys: ReadonlyArray<PurchaseKey>): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.em.execute<Array<{ customer_id: string; product_id: string }>>(
      `select customer_id, product_id
       from ${TABLES.purchase}
       where (customer_id, product_id) in (select * from unnest(?::uuid[], ?::uuid[]))`,
      [uuidArrayLiteral(keys.map((key) => key.customerId)), uuidArrayLiteral(keys.map((key) => key.productId))],
    );
    return new Set(rows.map((row) => purchaseKeyOf({ customerId: row.customer_id, productId: row.product_id })));
  }
}

/** The identity of a pair: lower-cased, as Postgres prints uuids. */
export function purchaseKeyOf({ customerId, productId }: PurchaseKey): string {
  return `${customerId.toLowerCase()}|${productId.toLowerCase()}`;
}

function uniqueLowerCase(ids: ReadonlyArray<string>): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
