import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '@techally/platform';
import { TABLES } from '../database';
import { OrderStatus } from '../order/order-status';

/**
 * What one customer may hold unpaid (issue #9: a few accounts placing unpaid orders kept any product sold out,
 * since each order reserves its units until its payment deadline). Config: MAX_UNPAID_ORDERS_PER_CUSTOMER,
 * MAX_UNPAID_UNITS_PER_PRODUCT.
 */
export interface UnpaidOrderLimits {
  readonly maxOrders: number;
  readonly maxUnitsPerProduct: number;
}

/** Unpaid: placed, not yet paid, not cancelled — the orders whose units are (or are about to be) reserved. */
const UNPAID_STATUSES: ReadonlyArray<OrderStatus> = [OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT];

/** A line of the order being placed, as the limits see it. */
export interface LimitedLine {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
}

/**
 * Refuses the order (UNPAID_ORDER_LIMIT) when, with it, the customer would hold more unpaid orders, or more units
 * of one product in unpaid orders, than the limits allow. Runs in the placing transaction, first taking a
 * transaction-scoped advisory lock on the customer: their concurrent checkouts count and insert one after the
 * other, so a burst cannot all pass the count before any of them is inserted. Other customers never wait.
 */
export async function enforceUnpaidOrderLimits(
  tx: EntityManager,
  customerId: string,
  lines: ReadonlyArray<LimitedLine>,
  limits: UnpaidOrderLimits,
): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`orders.unpaid-order-limits:${customerId}`]);
  const statuses = UNPAID_STATUSES.map(() => '?').join(', ');
  const [held] = await tx.execute<Array<{ orders: number }>>(
    `select count(*)::int as orders from ${TABLES.order} where customer_id = ? and status in (${statuses})`,
    [customerId, ...UNPAID_STATUSES],
  );
  const unpaidOrders = held?.orders ?? 0;
  if (unpaidOrders + 1 > limits.maxOrders) throw UnpaidOrderLimitError.orders(limits.maxOrders, unpaidOrders);

  const units = await tx.execute<Array<{ product_id: string; units: number }>>(
    `select i.product_id, sum(i.quantity)::int as units
       from ${TABLES.orderItem} i join ${TABLES.order} o on o.id = i.order_id
      where o.customer_id = ? and o.status in (${statuses}) and i.product_id in (${lines.map(() => '?').join(', ')})
      group by i.product_id`,
    [customerId, ...UNPAID_STATUSES, ...lines.map((line) => line.productId)],
  );
  const unitsHeld = new Map(units.map((row) => [row.product_id, row.units]));
  lines.forEach((line, index) => {
    const unpaidUnits = unitsHeld.get(line.productId) ?? 0;
    if (unpaidUnits + line.quantity > limits.maxUnitsPerProduct) {
      throw UnpaidOrderLimitError.units(line, `items[${index}].quantity`, limits.maxUnitsPerProduct, unpaidUnits);
    }
  });
}

const UnpaidOrderLimitError = {
  orders(maxUnpaidOrders: number, unpaidOrders: number): DomainError {
    return new DomainError(
      ErrorCode.UNPAID_ORDER_LIMIT,
      `You already have ${unpaidOrders} unpaid orders, the most one customer may hold; pay or cancel one before placing another.`,
      { maxUnpaidOrders, unpaidOrders },
    );
  },

  units(line: LimitedLine, field: string, maxUnpaidUnits: number, unpaidUnits: number): DomainError {
    return new DomainError(
      ErrorCode.UNPAID_ORDER_LIMIT,
      `At most ${maxUnpaidUnits} units of "${line.name}" may wait in unpaid orders; you already hold ${unpaidUnits}, ` +
        `so this order may add at most ${Math.max(maxUnpaidUnits - unpaidUnits, 0)}.`,
      { field, productId: line.productId, maxUnpaidUnits, unpaidUnits },
    );
  },
};
