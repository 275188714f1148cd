import { createHash } from 'node:crypto';
import { DEMO_CUSTOMERS, demoSales, generateCatalog, type SeedProduct } from '@techally/demo-data';
import { priceOrder } from '../checkout/order.pricing';
import { requestHash } from '../checkout/request-hash';
import { SHOP_CURRENCY } from '../checkout/shipping.policy';
import { OrderStatus } from '../order/order-status';

/** A stable UUID (version 5 layout) for a seeded row, so ids survive a re-seed of a fresh database. */
export function demoUuid(name: string): string {
  const bytes = createHash('sha1').update(`techally.orders:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface DemoOrder {
  readonly id: string;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly placedAt: Date;
  /** When it was cancelled, for the cancelled ones. */
  readonly cancelledAt: Date | null;
  /** When its payment succeeded, and until when it could be paid, for the PAID ones (the demo shop's past sales). */
  readonly paidAt: Date | null;
  readonly paymentDueAt: Date | null;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly address: (typeof DEMO_CUSTOMERS)[number]['address'];
  readonly lines: ReadonlyArray<{ readonly id: string; readonly product: SeedProduct; readonly quantity: number; readonly lineTotal: number }>;
  readonly subtotal: number;
  readonly shipping: number;
  readonly tax: number;
  readonly total: number;
}

/**
 * A few orders per demo customer, of active catalog products at catalog prices, priced by the same policies as
 * checkout, PENDING or CANCELLED; the PAID ones are the demo shop's sales (`demoSales` of @techally/demo-data), whose
 * payments and committed stock the payments and inventory subgraphs seed from the same data.
 */
const PLAN: ReadonlyArray<{
  key: string;
  customer: number;
  status: OrderStatus.PENDING | OrderStatus.CANCELLED;
  placedAt: string;
  lines: ReadonlyArray<readonly [productIndex: number, quantity: number]>;
}> = [
  { key: 'ada-1', customer: 0, status: OrderStatus.CANCELLED, placedAt: '2025-10-02T10:15:00.000Z', lines: [[3, 1], [41, 2]] },
  { key: 'ada-2', customer: 0, status: OrderStatus.PENDING, placedAt: '2025-11-20T18:40:00.000Z', lines: [[17, 1]] },
  { key: 'grace-1', customer: 1, status: OrderStatus.PENDING, placedAt: '2025-11-18T08:05:00.000Z', lines: [[60, 1], [95, 1], [130, 3]] },
  { key: 'alan-1', customer: 2, status: OrderStatus.CANCELLED, placedAt: '2025-09-12T14:30:00.000Z', lines: [[200, 1]] },
  { key: 'alan-2', customer: 2, status: OrderStatus.PENDING, placedAt: '2025-11-25T21:10:00.000Z', lines: [[150, 2], [8, 1]] },
];

/**
 * The demo orders in the order they were placed, so a fresh database numbers them that way (TA-100001 upwards):
 * the CANCELLED ones (their plan's dates), the paid sales (the days before `seededAt`), then the PENDING ones (placed
 * when the shop is seeded, see seed.ts). Pure and deterministic: the same catalog gives the same rows, ids included;
 * only the sales' dates follow `seededAt`.
 */
export function demoOrders(seededAt: Date = new Date()): DemoOrder[] {
  const catalog = generateCatalog();
  const active = catalog.products.filter((product) => product.status === 'ACTIVE');
  const oldestFirst = [...PLAN].sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt));
  const planned = oldestFirst.map((plan) => {
    const customer = DEMO_CUSTOMERS[plan.customer];
    if (!customer) throw new Error(`demo order ${plan.key}: no demo customer ${plan.customer}`);
    const lines = plan.lines.map(([index, quantity]) => ({ product: active[index % active.length] as SeedProduct, quantity }));
    const placedAt = new Date(plan.placedAt);
    const cancelledAt = plan.status === OrderStatus.CANCELLED ? new Date(placedAt.getTime() + 45 * 60_000) : null;
    return demoOrder({ id: demoUuid(`order:${plan.key}`), key: plan.key, customer, status: plan.status, placedAt, cancelledAt, paidAt: null, paymentDueAt: null, lines });
  });
  const sales = demoSales(seededAt, catalog).map((sale) => {
    const order = demoOrder({ ...sale, id: sale.orderId, status: OrderStatus.PAID, cancelledAt: null, paymentDueAt: sale.payBy });
    // Payments charged the total demo-data states: an order priced differently would disagree with its payment.
    if (order.total !== sale.total) {
      throw new Error(`demo sale ${sale.key}: orders prices it at ${order.total}, packages/demo-data says ${sale.total}; update the plan there`);
    }
    return order;
  });
  const pending = (order: DemoOrder) => order.status === OrderStatus.PENDING;
  return [...planned.filter((order) => !pending(order)), ...sales, ...planned.filter(pending)];
}

function demoOrder(plan: {
  id: string;
  key: string;
  customer: (typeof DEMO_CUSTOMERS)[number];
  status: OrderStatus;
  placedAt: Date;
  cancelledAt: Date | null;
  paidAt: Date | null;
  paymentDueAt: Date | null;
  lines: ReadonlyArray<{ readonly product: SeedProduct; readonly quantity: number }>;
}): DemoOrder {
  const { customer, lines } = plan;
  const pricing = priceOrder(
    lines.map(({ product, quantity }) => ({ unitPrice: product.priceAmount, quantity, weightGrams: product.weightGrams })),
    SHOP_CURRENCY,
    customer.address.country,
  );
  const idempotencyKey = `demo-${plan.key}`;
  return {
    id: plan.id,
    customerId: customer.id,
    status: plan.status,
    placedAt: plan.placedAt,
    cancelledAt: plan.cancelledAt,
    paidAt: plan.paidAt,
    paymentDueAt: plan.paymentDueAt,
    idempotencyKey,
    requestHash: requestHash({
      items: lines.map(({ product, quantity }) => ({ productId: product.id, quantity })),
      shippingAddressId: demoUuid(`address:${customer.id}`),
      idempotencyKey,
    }),
    address: customer.address,
    lines: lines.map(({ product, quantity }, position) => ({
      id: demoUuid(`order:${plan.key}:line:${position}`),
      product,
      quantity,
      lineTotal: pricing.lineTotals[position] as number,
    })),
    subtotal: pricing.subtotal,
    shipping: pricing.shipping,
    tax: pricing.tax,
    total: pricing.total,
  };
}
