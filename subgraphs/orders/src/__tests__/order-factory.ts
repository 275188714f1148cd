import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { SubgraphOrm } from '@techally/platform';
import { OrderItem } from '../order/order-item.entity';
import { OrderStatus } from '../order/order-status';
import { OrderStatusChange } from '../order/order-status-change.entity';
import { Order } from '../order/order.entity';
import { ShippingAddressSnapshot } from '../order/shipping-address.embeddable';
import { CABLE, HEADPHONES } from './fixtures';

/** What every given order costs: CABLE × 2 + HEADPHONES × 1, free shipping, US tax. */
export const GIVEN_ORDER_TOTAL = 3_998 + 34_900 + 3_112;

/** The path an order took to reach each status, as the (later) checkout saga would drive it. */
const PATH: Record<OrderStatus, OrderStatus[]> = {
  [OrderStatus.PENDING]: [OrderStatus.PENDING],
  [OrderStatus.AWAITING_PAYMENT]: [OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT],
  [OrderStatus.PAID]: [OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID],
  [OrderStatus.FULFILLED]: [OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID, OrderStatus.FULFILLED],
  [OrderStatus.CANCELLED]: [OrderStatus.PENDING, OrderStatus.CANCELLED],
  [OrderStatus.REFUNDED]: [OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID, OrderStatus.REFUNDED],
};

export interface GivenOrder {
  readonly customerId: string;
  readonly status?: OrderStatus;
  readonly placedAt?: Date;
  /** Only for AWAITING_PAYMENT and later: when the payment was (or is) due. */
  readonly paymentDueAt?: Date;
}

/**
 * Writes orders straight into the database, each with two lines and the history of the status it is given:
 * the specs' "given" for states placeOrder alone cannot reach yet (the payment saga comes later) and for
 * volume (statement counts). Returns the orders' ids, in the order given.
 */
export async function givenOrders(orm: SubgraphOrm, orders: ReadonlyArray<GivenOrder>): Promise<string[]> {
  const em = orm.em.fork();
  const ids: string[] = [];
  for (const given of orders) {
    const placedAt = given.placedAt ?? new Date();
    const order = em.create(Order, {
      id: randomUUID(),
      customerId: given.customerId,
      status: given.status ?? OrderStatus.PENDING,
      currency: 'USD',
      subtotal: 3_998 + 34_900,
      shipping: 0,
      tax: 3_112,
      total: GIVEN_ORDER_TOTAL,
      shippingAddress: Object.assign(new ShippingAddressSnapshot(), {
        fullName: 'Given Customer',
        line1: '1 Spec Street',
        line2: null,
        city: 'New York',
        region: 'NY',
        postalCode: '10013',
        country: 'US',
        phone: null,
      }),
      idempotencyKey: `given-${randomUUID()}`,
      requestHash: '0'.repeat(64),
      placedAt,
      updatedAt: placedAt,
      paymentDueAt: given.paymentDueAt ?? null,
    });
    [
      { product: CABLE, quantity: 2 },
      { product: HEADPHONES, quantity: 1 },
    ].forEach(({ product, quantity }, position) => {
      em.persist(
        Object.assign(new OrderItem(), {
          order: ref(order),
          position,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          unitPrice: product.price.amount,
          quantity,
          lineTotal: product.price.amount * quantity,
        }),
      );
    });
    const path = PATH[order.status];
    path.forEach((status, step) => {
      const at = new Date(placedAt.getTime() + step);
      em.persist(
        Object.assign(new OrderStatusChange(), {
          order: ref(order),
          fromStatus: step === 0 ? null : path[step - 1],
          toStatus: status,
          reason: step === 0 ? 'placed' : 'given',
          actor: 'system:spec',
          at,
        }),
      );
      order.updatedAt = at;
    });
    ids.push(order.id);
  }
  await em.flush();
  return ids;
}
