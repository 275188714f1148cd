import type { OrderPaidV1 } from '@techally/events';
import { TABLES } from '../database';
import { uuidArray, type SqlExecutor } from '../sql-executor';

/**
 * The most distinct products of one order that are paired with each other. An order of n products adds n·(n−1)
 * pair counts; a bulk order of hundreds of lines says little about what goes together and would cost a
 * quadratic write, so only its first lines (in product id order) are paired. Its every product still counts
 * as bought.
 */
export const MAX_PAIRED_PRODUCTS = 30;

/**
 * The writes of the learning consumer: counts kept up to date per event, in the event's transaction. Each is
 * safe to repeat on its own (README.md, *Consumes*): a paid order counts once by its id, a product fact keeps the
 * newest `occurredAt`, archiving is final. Statements take their row locks in product id order, so two orders
 * counted at once never deadlock on the same pair.
 */
export class PurchaseFacts {
  constructor(private readonly sql: SqlExecutor) {}

  /** Counts a paid order: each product bought once more, each pair bought together once more, the customer's purchases. False when it was counted already. */
  async paid(order: Pick<OrderPaidV1, 'orderId' | 'customerId' | 'items'>, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.sql.execute(
      `insert into ${TABLES.countedOrder} ("order_id", "customer_id", "paid_at") values (?, ?, ?) on conflict do nothing returning "order_id"`,
      [order.orderId, order.customerId, at],
    );
    if (rows.length === 0) return false;
    const products = [...new Set(order.items.map((item) => item.productId.toLowerCase()))].sort();
    const ids = uuidArray(products);
    await this.sql.execute(
      `insert into ${TABLES.productOrders} ("product_id", "orders")
       select "id", 1 from unnest(?::uuid[]) as "bought"("id") order by "id"
       on conflict ("product_id") do update set "orders" = ${TABLES.productOrders}."orders" + 1`,
      [ids],
      'run',
    );
    if (products.length > 1) {
      const paired = uuidArray(products.slice(0, MAX_PAIRED_PRODUCTS));
      await this.sql.execute(
        `insert into ${TABLES.coPurchase} ("product_id", "other_id", "orders")
         select "a"."id", "b"."id", 1 from unnest(?::uuid[]) as "a"("id") cross join unnest(?::uuid[]) as "b"("id")
         where "a"."id" <> "b"."id" order by 1, 2
         on conflict ("product_id", "other_id") do update set "orders" = ${TABLES.coPurchase}."orders" + 1`,
        [paired, paired],
        'run',
      );
    }
    await this.sql.execute(
      `insert into ${TABLES.customerPurchase} ("customer_id", "product_id", "orders", "last_paid_at")
       select ?, "id", 1, ? from unnest(?::uuid[]) as "bought"("id") order by "id"
       on conflict ("customer_id", "product_id") do update
         set "orders" = ${TABLES.customerPurchase}."orders" + 1,
             "last_paid_at" = greatest(${TABLES.customerPurchase}."last_paid_at", excluded."last_paid_at")`,
      [order.customerId, at, ids],
      'run',
    );
    return true;
  }

  /** The product's category as of `at`: an older fact (a late or repeated event) changes nothing. */
  async categorised(productId: string, categoryId: string, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into ${TABLES.product} ("product_id", "category_id", "category_as_of") values (?, ?, ?)
       on conflict ("product_id") do update set "category_id" = excluded."category_id", "category_as_of" = excluded."category_as_of"
       where ${TABLES.product}."category_as_of" is null or ${TABLES.product}."category_as_of" < excluded."category_as_of"`,
      [productId, categoryId, at],
      'run',
    );
  }

  /** The product left the catalogue: never recommended again, whatever arrives after (there is no un-archiving). */
  async archived(productId: string, categoryId: string, at: Date): Promise<void> {
    await this.categorised(productId, categoryId, at);
    await this.sql.execute(`update ${TABLES.product} set "archived" = true where "product_id" = ?`, [productId], 'run');
  }
}
