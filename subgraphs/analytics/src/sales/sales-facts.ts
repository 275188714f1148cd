import type { ReadModelTables } from '../database';

/** Runs SQL with `?` placeholders: the transactional EntityManager of `handleOnce`, or a connection. */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MikroORM's execute types its result loosely; callers name the rows
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<any>;
}

export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
  /** The price of one unit (order-paid's optional `unitPrice`): weighs the line's share of the total. */
  readonly unitPrice?: { readonly amount: number; readonly currency: string };
  /** The product's name at the time of the order (optional on the events). */
  readonly name?: string;
}

export interface OrderAmounts {
  readonly orderId: string;
  readonly items: ReadonlyArray<OrderLine>;
  readonly total: { readonly amount: number; readonly currency: string };
}

/** One line per product (an order may name a product twice), with its share of the total in minor units. */
export interface AllocatedLine {
  readonly productId: string;
  readonly name: string | null;
  readonly quantity: number;
  readonly revenueAmount: number;
}

/**
 * Splits `total` over the products so the lines add up to the total exactly (largest remainder, ties to the
 * first product). The weight of a line is its price × units when every line carries a `unitPrice` in the
 * total's currency — so a line's revenue is its price whenever the total is the sum of the lines — and its units
 * otherwise (events published before prices travelled with them; README.md, *Choices*).
 */
export function allocateTotal(items: ReadonlyArray<OrderLine>, total: number, currency?: string): AllocatedLine[] {
  const priced = items.every((item) => item.unitPrice !== undefined && (currency === undefined || item.unitPrice.currency === currency));
  const merged = new Map<string, { quantity: number; weight: number; name: string | null }>();
  for (const item of items) {
    const line = merged.get(item.productId) ?? { quantity: 0, weight: 0, name: item.name?.slice(0, 255) ?? null };
    line.quantity += item.quantity;
    line.weight += priced ? item.unitPrice!.amount * item.quantity : item.quantity;
    merged.set(item.productId, line);
  }
  const lines = [...merged].map(([productId, line]) => ({ productId, ...line }));
  const allWeight = lines.reduce((sum, line) => sum + line.weight, 0);
  // All prices zero: nothing to weigh by but the units.
  const weightOf = (line: (typeof lines)[number]) => (allWeight > 0 ? line.weight : line.quantity);
  const denominator = allWeight > 0 ? allWeight : lines.reduce((sum, line) => sum + line.quantity, 0);
  const shares = lines.map((line) => (total * weightOf(line)) / denominator);
  const floors = shares.map((share) => Math.floor(share));
  let left = total - floors.reduce((sum, amount) => sum + amount, 0);
  const byRemainder = shares.map((share, index) => ({ index, remainder: share - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return lines.map((line, index) => ({ productId: line.productId, name: line.name, quantity: line.quantity, revenueAmount: floors[index]! }));
}

/**
 * The per-order facts of the read model. Each write sets only the columns of its own fact and keeps the
 * earliest time of it (`least` ignores nulls), or is keyed by the event that told it: duplicates, redeliveries,
 * replays and any order of arrival give the same rows. The daily rollup is derived from these rows
 * (sales-rollup.ts), never written here.
 */
export class SalesFacts {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly tables: ReadModelTables,
  ) {}

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
      `insert into ${this.tables.order} as o ("order_id", "cancelled_at", "cancel_reason") values (?, ?, ?)
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
      `insert into ${this.tables.order} as o ("order_id", "fulfilled_at") values (?, ?)
       on conflict ("order_id") do update set "fulfilled_at" = least(o."fulfilled_at", excluded."fulfilled_at")`,
      [orderId, at],
      'run',
    );
  }

  /** One row per refund event (a payment may be refunded in parts); no amount means the whole paid total. */
  async refunded(eventId: string, orderId: string, amount: number | null, reason: string | null, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into ${this.tables.refund} ("event_id", "order_id", "refunded_at", "amount", "reason") values (?, ?, ?, ?, ?)
       on conflict ("event_id") do nothing`,
      [eventId, orderId, at, amount, reason?.slice(0, 64) ?? null],
      'run',
    );
  }

  /** The warehouses the order's units were reserved in (stock-reserved's `allocations`): the newest say wins. */
  async allocated(orderId: string, allocations: ReadonlyArray<{ productId: string; warehouseId: string; quantity: number }>): Promise<void> {
    if (allocations.length === 0) return;
    const merged = new Map<string, { productId: string; warehouseId: string; quantity: number }>();
    for (const a of allocations) {
      const key = `${a.productId}|${a.warehouseId}`;
      merged.set(key, { ...a, quantity: (merged.get(key)?.quantity ?? 0) + a.quantity });
    }
    const rows = [...merged.values()];
    await this.sql.execute(
      `insert into ${this.tables.allocation} ("order_id", "product_id", "warehouse_id", "quantity") values ${rows.map(() => '(?, ?, ?, ?)').join(', ')}
       on conflict ("order_id", "product_id", "warehouse_id") do update set "quantity" = excluded."quantity"`,
      rows.flatMap((row) => [orderId, row.productId, row.warehouseId, row.quantity]),
      'run',
    );
  }

  /** A product's category from `at` on (every product event carries it); true when this row is new. */
  async categorised(productId: string, categoryId: string, at: Date): Promise<boolean> {
    const result = await this.sql.execute(
      `insert into ${this.tables.category} ("product_id", "valid_from", "category_id") values (?, ?, ?) on conflict do nothing`,
      [productId, at, categoryId],
      'run',
    );
    return (result as { affectedRows: number }).affectedRows > 0;
  }

  /** One warehouse's stock snapshot: the newest `occurredAt` wins, whatever the order of arrival. */
  async stock(level: { productId: string; warehouseId: string; warehouseCode: string; onHand: number; reserved: number; available: number }, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into ${this.tables.stock} as s ("product_id", "warehouse_id", "warehouse_code", "on_hand", "reserved", "available", "as_of")
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict ("product_id", "warehouse_id") do update set "warehouse_code" = excluded."warehouse_code", "on_hand" = excluded."on_hand",
         "reserved" = excluded."reserved", "available" = excluded."available", "as_of" = excluded."as_of"
       where excluded."as_of" > s."as_of"`,
      [level.productId, level.warehouseId, level.warehouseCode, level.onHand, level.reserved, level.available, at],
      'run',
    );
  }

  private async upsertOrder(order: OrderAmounts, column: 'placed_at' | 'paid_at', at: Date, { totalFromThisEvent }: { totalFromThisEvent: boolean }): Promise<void> {
    const lines = allocateTotal(order.items, order.total.amount, order.total.currency);
    const units = lines.reduce((sum, line) => sum + line.quantity, 0);
    const keep = (name: string) =>
      totalFromThisEvent ? `"${name}" = excluded."${name}"` : `"${name}" = coalesce(o."${name}", excluded."${name}")`;
    await this.sql.execute(
      `insert into ${this.tables.order} as o ("order_id", "currency", "total_amount", "units", "${column}") values (?, ?, ?, ?, ?)
       on conflict ("order_id") do update set ${keep('currency')}, ${keep('total_amount')}, ${keep('units')},
         "${column}" = least(o."${column}", excluded."${column}")`,
      [order.orderId, order.total.currency, order.total.amount, units, at],
      'run',
    );
    const values = lines.map(() => '(?, ?, ?, ?, ?)').join(', ');
    const update = totalFromThisEvent
      ? `do update set "quantity" = excluded."quantity", "revenue_amount" = excluded."revenue_amount", "name" = coalesce(excluded."name", l."name")`
      : `do update set "name" = coalesce(l."name", excluded."name")`;
    await this.sql.execute(
      `insert into ${this.tables.line} as l ("order_id", "product_id", "quantity", "revenue_amount", "name") values ${values}
       on conflict ("order_id", "product_id") ${update}`,
      lines.flatMap((line) => [order.orderId, line.productId, line.quantity, line.revenueAmount, line.name]),
      'run',
    );
  }
}
