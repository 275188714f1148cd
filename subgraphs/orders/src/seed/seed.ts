import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox } from '@techally/events';
import type { DemoSeedOptions, Logger, SubgraphOrm } from '@techally/platform';
import { CancellationReason } from '../order/cancellation-reason';
import { OrderItem } from '../order/order-item.entity';
import { OrderStatus } from '../order/order-status';
import { OrderStatusChange } from '../order/order-status-change.entity';
import { Order } from '../order/order.entity';
import { orderPlacedEvents, pastSaleEvents } from '../order/order.events';
import { demoOrders, demoUuid, type DemoOrder } from './demo-orders';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x6f72_6472; // "ordr"

/**
 * Loads the demo orders into an empty orders schema; does nothing when any order exists. One transaction of a
 * handful of statements (one multi-row insert per table, numbers returned from the sequence), under a transaction-scoped advisory lock so two
 * processes seeding one database at once are harmless. Order numbers come from the sequence, so a fresh
 * database numbers them TA-100001 upwards in the order below.
 *
 * A PENDING demo order is written with the events placeOrder writes (`order-placed`, `order-status-changed` →
 * PENDING), in the same transaction: the relay publishes them once the subgraph runs, and the order goes
 * through the checkout saga like any other — inventory reserves it, payments opens its payment, and it is
 * payable until its deadline (issue #9: it used to stay PENDING for ever, and paying it answered "try again").
 * The CANCELLED ones are history: final, nothing downstream holds stock or money for them, no event.
 * A PENDING one is placed when the shop is seeded (its plan's date is for the history only): the saga's
 * deadlines count from `placedAt`, and an order "placed" in 2025 would be cancelled by the PENDING deadline
 * (STOCK_NOT_CONFIRMED) before inventory had a chance to reserve it.
 * The PAID ones are the shop's past sales (the days before the seeding): their payments and committed stock are
 * the payments and inventory seeds' (same demo data), so they start no saga. With `publishHistory` each writes the
 * events its checkout published (`order-placed`, `order-paid`, at their own times) for the read models.
 */
export async function seedDemoOrders(orm: SubgraphOrm, logger?: Logger, options: DemoSeedOptions = {}): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Order)) > 0) return null;
    return insertDemoOrders(em as EntityManager, options);
  });
  if (seeded) logger?.info(seeded, 'seeded the demo orders');
}

async function insertDemoOrders(em: EntityManager, options: DemoSeedOptions): Promise<{ orders: number; historyEvents: number }> {
  const seededAt = new Date();
  const orders = demoOrders(seededAt).map((order) => (order.status === OrderStatus.PENDING ? { ...order, placedAt: seededAt } : order));
  // Through the unit of work (not insertMany, which does not flatten the embedded address): flushed at commit,
  // one multi-row insert per table.
  const pending: Array<{ placed: Order; items: OrderItem[] }> = [];
  const paid: Array<{ placed: Order; items: OrderItem[]; paidAt: Date }> = [];
  for (const order of orders) {
    const placed = em.create(Order, {
      id: order.id,
      customerId: order.customerId,
      status: order.status,
      currency: 'USD',
      subtotal: order.subtotal,
      shipping: order.shipping,
      tax: order.tax,
      total: order.total,
      shippingAddress: {
        fullName: order.address.fullName,
        line1: order.address.line1,
        line2: 'line2' in order.address ? order.address.line2 : null,
        city: order.address.city,
        region: 'region' in order.address ? order.address.region : null,
        postalCode: order.address.postalCode,
        country: order.address.country,
        phone: order.address.phone,
      },
      idempotencyKey: order.idempotencyKey,
      requestHash: order.requestHash,
      placedAt: order.placedAt,
      updatedAt: order.cancelledAt ?? order.paidAt ?? order.placedAt,
      paymentDueAt: order.paymentDueAt,
      cancellationReason: order.cancelledAt ? CancellationReason.CUSTOMER_REQUESTED : null,
    });
    const items = order.lines.map((line, position) =>
      em.create(OrderItem, {
        id: line.id,
        order: order.id,
        position,
        productId: line.product.id,
        sku: line.product.sku,
        name: line.product.name,
        unitPrice: line.product.priceAmount,
        quantity: line.quantity,
        lineTotal: line.lineTotal,
      }),
    );
    if (order.status === OrderStatus.PENDING) pending.push({ placed, items });
    if (order.paidAt) paid.push({ placed, items, paidAt: order.paidAt });
    em.create(OrderStatusChange, {
      id: demoUuid(`order:${order.id}:placed`),
      order: order.id,
      fromStatus: null,
      toStatus: OrderStatus.PENDING,
      reason: 'placed',
      actor: `customer:${order.customerId}`,
      at: order.placedAt,
    });
    if (order.paidAt) createPaymentSteps(em, order, order.paidAt);
    if (order.cancelledAt) {
      em.create(OrderStatusChange, {
        id: demoUuid(`order:${order.id}:cancelled`),
        order: order.id,
        fromStatus: OrderStatus.PENDING,
        toStatus: OrderStatus.CANCELLED,
        reason: 'cancelled by the customer',
        actor: `customer:${order.customerId}`,
        at: order.cancelledAt,
      });
    }
  }
  // The events carry the order's number, drawn by the insert: written after it (the same statements, two flushes).
  await em.flush();
  for (const { placed, items } of pending) appendToOutbox(em, orderPlacedEvents(placed, items, {}));
  const history = options.publishHistory ? paid.flatMap(({ placed, items, paidAt }) => pastSaleEvents(placed, items, paidAt)) : [];
  appendToOutbox(em, history);
  return { orders: orders.length, historyEvents: history.length };
}

/** A paid order's history after its placement, as the saga wrote it: stock reserved, then the payment's success. */
function createPaymentSteps(em: EntityManager, order: DemoOrder, paidAt: Date): void {
  em.create(OrderStatusChange, {
    id: demoUuid(`order:${order.id}:awaiting-payment`),
    order: order.id,
    fromStatus: OrderStatus.PENDING,
    toStatus: OrderStatus.AWAITING_PAYMENT,
    reason: 'stock reserved',
    actor: 'system:inventory',
    at: new Date(order.placedAt.getTime() + 1_000),
  });
  em.create(OrderStatusChange, {
    id: demoUuid(`order:${order.id}:paid`),
    order: order.id,
    fromStatus: OrderStatus.AWAITING_PAYMENT,
    toStatus: OrderStatus.PAID,
    reason: 'payment succeeded',
    actor: 'system:payments',
    at: paidAt,
  });
}
