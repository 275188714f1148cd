import { NotificationKind } from '../notification/notification-text';

/** What a low-stock alert says: which product (its SKU when known), where, how many are left, the threshold. */
export interface LowStockFacts {
  readonly label: string;
  /** Null: the product-wide figure (every warehouse together). */
  readonly warehouseCode: string | null;
  readonly available: number;
  readonly threshold: number;
}

/** The in-app text of a LOW_STOCK alert (category STOCK_ALERTS: staff only). */
export function renderLowStock(facts: LowStockFacts): { kind: NotificationKind; title: string; body: string } {
  const where = facts.warehouseCode === null ? 'across all warehouses' : `at ${facts.warehouseCode}`;
  const left = facts.available === 0 ? 'is out of stock' : `is down to ${facts.available} available`;
  return {
    kind: NotificationKind.LOW_STOCK,
    title: facts.warehouseCode === null ? `Low stock: ${facts.label}` : `Low stock: ${facts.label} at ${facts.warehouseCode}`,
    body: `${facts.label} ${left} ${where}, below its low-stock threshold of ${facts.threshold}.`,
  };
}
