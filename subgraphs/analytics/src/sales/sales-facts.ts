import { TABLES } from '../database';

/** Runs SQL with `?` placeholders: the transactional EntityManager of `handleOnce`, or a connection. */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MikroORM's execute types its result loosely; callers name the rows
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<any>;
}

export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
}

export interface OrderAmounts {
  readonly orderId: string;
  readonly items: ReadonlyArray<OrderLine>;
  readonly total: { readonly amount: number; readonly currency: string };
}

/** One line per product (an order may name a product twice), with its share of the total in minor units. */
export interface AllocatedLine extends OrderLine {
  readonly revenueAmount: number;
}

/**
 * Splits `total` over the products in proportion to their units (largest remainder, ties to the first product),
 * so the lines add up to the total exactly. The order events carry the total but no line amounts: a product's
 * revenue is therefore an allocation by units, not its price (README.md, *Choices*).
 */
export function allocateTotal(items: ReadonlyArray<OrderLine>, total: number): AllocatedLine[] {
  const units = new Map<string, number>();
  for (const item of items) units.set(item.productId, (units.get(item.productId) ?? 0) + item.quantity);
  const lines = [...units].map(([productId, quantity]) => ({ productId, quantity }));
  const allUnits = lines.reduce((sum, line) => sum + line.quantity, 0);
  const shares = lines.map((line) => ({ line, exact: (total * line.quantity) / allUnits }));
  const floors = shares.map((share) => Math.floor(share.exact));
  let left = total - floors.reduce((sum, amount) => sum + amount, 0);
  const byRemainder = shares.map((share, index) => ({ index, remainder: share.exact - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return lines.map((line, index) => ({ ...line, revenueAmount: floors[index]! }));
}

/**
 * The writes of the sales read model. Each sets only the columns of its own fact and keeps the earliest time
 * of it (`least` ignores nulls), so duplicates, redeliveries and any order of arrival give the same rows.
 */
export class SalesFacts {
  constructor(private readonly sql: SqlExecutor) {}

  async placed(order: OrderAmounts, at: Date): Promise<void> {
    await this.upsertOrder(order, 'placed_at', at, { totalFromThisEvent: false });
  }

  /** The paid total is what was charged: it replaces a placed total (they are the same in this shop). */
  async paid(order: OrderAmounts, at: Date): Promise<void> {
    await this.upsertOrder(order, 'paid_at', at, { totalFromThisEvent: true });
  }

  /** The first cancellation (by time) gives the reason; a later one, or the same again, changes nothing. */
  async cancelled(orderId: string, reason: string, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into ${TABLES.order} as o ("order_id", "cancelled_at", "cancel_reason") values (?, ?, ?)
       on conflict ("order_id") do update set
         "cancel_reason" = case when o."cancelled_at" is null or excluded."cancelled_at" < o."cancelled_at"
                                  or (excluded."cancelled_at" = o."cancelled_at" and excluded."cancel_reason" < o."cancel_reason")
                                then excluded."cancel_reason" else o."cancel_reason" end,
         "cancelled_at" = least(o."cancelled_at", excluded."cancelled_at")`,
      [orderId, at, reason],
      'run',
    );
  }

  async fulfilled(orderId: string, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into ${TABLES.order} as o ("order_id", "fulfilled_at") values (?, ?)
       on conflict ("order_id") do update set "fulfilled_at" = least(o."fulfilled_at", excluded."fulfilled_at")`,
      [orderId, at],
      'run',
    );
  }

  private async upsertOrder(order: OrderAmounts, column: 'placed_at' | 'paid_at', at: Date, { totalFromThisEvent }: { totalFromThisEvent: boolean }): Promise<void> {
    const lines = allocateTotal(order.items, order.total.amount);
    const units = lines.reduce((sum, line) => sum + line.quantity, 0);
    const keep = (name: string) =>
      totalFromThisEvent ? `"${name}" = excluded."${name}"` : `"${name}" = coalesce(o."${name}", excluded."${name}")`;
    await this.sql.execute(
      `insert into ${TABLES.order} as o ("order_id", "currency", "total_amount", "units", "${column}") values (?, ?, ?, ?, ?)
       on conflict ("order_id") do update set ${keep('currency')}, ${keep('total_amount')}, ${keep('units')},
         "${column}" = least(o."${column}", excluded."${column}")`,
      [order.orderId, order.total.currency, order.total.amount, units, at],
      'run',
    );
    const values = lines.map(() => '(?, ?, ?, ?)').join(', ');
    const update = totalFromThisEvent
      ? `do update set "quantity" = excluded."quantity", "revenue_amount" = excluded."revenue_amount"`
      : 'do nothing';
    await this.sql.execute(
      `insert into ${TABLES.line} ("order_id", "product_id", "quantity", "revenue_amount") values ${values}
       on conflict ("order_id", "product_id") ${update}`,
      lines.flatMap((line) => [order.orderId, line.productId, line.quantity, line.revenueAmount]),
      'run',
    );
  }
}
