import type { AdminOrderRowFragment, AdminStockQuery } from '../gql/graphql.js';

/** Orders that count as sales: paid for and not given back. */
const SOLD = new Set(['PAID', 'FULFILLED']);

export interface TodayFigures {
  readonly orders: number;
  /** Per currency, minor units, of today's paid and fulfilled orders. */
  readonly revenue: ReadonlyArray<{ readonly currency: string; readonly amount: number }>;
  readonly awaitingFulfilment: number;
}

/** Midnight of the viewer's day: "today" is the staff member's working day. */
export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function todayFigures(orders: ReadonlyArray<AdminOrderRowFragment>, since: Date): TodayFigures {
  const today = orders.filter((order) => Date.parse(order.placedAt) >= since.getTime());
  const revenue = new Map<string, number>();
  for (const order of today) {
    if (SOLD.has(order.status)) revenue.set(order.total.currency, (revenue.get(order.total.currency) ?? 0) + order.total.amount);
  }
  return {
    orders: today.length,
    revenue: [...revenue].map(([currency, amount]) => ({ currency, amount })),
    awaitingFulfilment: today.filter((order) => order.status === 'PAID').length,
  };
}

type Product = AdminStockQuery['products']['edges'][number]['node'];

export interface LowStockRow {
  readonly productId: string;
  readonly name: string;
  readonly sku: string;
  readonly warehouseCode: string;
  readonly available: number;
  readonly onHand: number;
}

/** Each (product, active warehouse), and each product stocked nowhere, whose available units are below `threshold`, fewest first. */
export function lowStock(products: ReadonlyArray<Product>, threshold: number): LowStockRow[] {
  const rows: LowStockRow[] = [];
  for (const product of products) {
    const levels = product.inventory.warehouses ?? [];
    // Never stocked anywhere: as out of stock as it gets.
    if (levels.length === 0 && threshold > 0) rows.push({ productId: product.id, name: product.name, sku: product.sku, warehouseCode: '—', available: 0, onHand: 0 });
    for (const level of product.inventory.warehouses ?? []) {
      if (!level.warehouse.active || level.available >= threshold) continue;
      rows.push({ productId: product.id, name: product.name, sku: product.sku, warehouseCode: level.warehouse.code, available: level.available, onHand: level.onHand });
    }
  }
  return rows.sort((a, b) => a.available - b.available || a.name.localeCompare(b.name));
}
