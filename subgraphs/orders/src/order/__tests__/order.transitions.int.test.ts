import { errorCodes } from '@techally/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '@techally/platform';
import { ADMIN, A_IN_US, CABLE, CUSTOMER_A } from '../../__tests__/fixtures';
import { CANCEL_ORDER, FULFILL_ORDER, PLACE_ORDER } from '../../__tests__/operations';
import { givenOrders } from '../../__tests__/order-factory';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { countRequestStatements } from '../../__tests__/request-statements';
import { OrderStatus } from '../order-status';
import { Order } from '../order.entity';
import { createOrderLoaders } from '../order.loaders';
import { OrderRepository } from '../order.repository';
import { OrderService } from '../order.service';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

async function placedByA(): Promise<string> {
  const input = { items: [{ productId: CABLE.id, quantity: 1 }], shippingAddressId: A_IN_US.id, idempotencyKey: newIdempotencyKey() };
  return (await h.query(PLACE_ORDER, { input }, h.tokens.a)).data!['placeOrder'].id as string;
}

async function givenOrderOfA(status: OrderStatus): Promise<string> {
  const [id] = await givenOrders(h.subgraph.orm, [{ customerId: CUSTOMER_A, status }]);
  return id!;
}

async function history(orderId: string) {
  return h.sql<{ from_status: string | null; to_status: string; reason: string; actor: string }>(
    `select from_status, to_status, reason, actor from orders.order_status_change where order_id = ? order by at, id`,
    [orderId],
  );
}

async function statusOf(orderId: string): Promise<string> {
  const [row] = await h.sql<{ status: string }>(`select status from orders."order" where id = ?`, [orderId]);
  return row!.status;
}

describe('cancelOrder', () => {
  it('lets a customer cancel their PENDING order, recording who did it after the placement', async () => {
    const id = await placedByA();
    const response = await h.query(CANCEL_ORDER, { id }, h.tokens.a);
    expect(response.errors).toBeUndefined();
    const cancelled = response.data!['cancelOrder'];
    expect(cancelled).toMatchObject({
      id,
      status: 'CANCELLED',
      cancellationReason: 'CUSTOMER_REQUESTED',
      statusHistory: [
        { from: null, status: 'PENDING', reason: 'placed' },
        { from: 'PENDING', status: 'CANCELLED', reason: 'cancelled by the customer' },
      ],
    });
    const [placed, cancel] = cancelled.statusHistory as Array<{ at: string }>;
    // Strictly later, even when placing and cancelling fall within one millisecond.
    expect(Date.parse(cancel!.at)).toBeGreaterThan(Date.parse(placed!.at));
    expect(cancelled.updatedAt).toBe(cancel!.at);
    expect((await history(id)).at(-1)).toEqual({ from_status: 'PENDING', to_status: 'CANCELLED', reason: 'cancelled by the customer', actor: `customer:${CUSTOMER_A}` });
    // Inventory and payments learn it from the outbox, written in the same transaction as the step.
    expect((await h.outbox(id)).slice(2).map((event) => [event.type, event.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'PENDING' }],
      ['orders.order-cancelled.v1', { orderId: id, reason: 'CUSTOMER_REQUESTED' }],
    ]);
  });

  it('lets an administrator cancel an order AWAITING_PAYMENT', async () => {
    const id = await givenOrderOfA(OrderStatus.AWAITING_PAYMENT);
    const response = await h.query(CANCEL_ORDER, { id }, h.tokens.admin);
    expect(response.data!['cancelOrder']).toMatchObject({ status: 'CANCELLED', cancellationReason: 'ADMIN_REQUESTED' });
    expect((await h.outbox(id)).map((event) => [event.type, event.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'CANCELLED', previousStatus: 'AWAITING_PAYMENT' }],
      ['orders.order-cancelled.v1', { orderId: id, reason: 'ADMIN_REQUESTED' }],
    ]);
    expect((await history(id)).at(-1)).toEqual({
      from_status: 'AWAITING_PAYMENT',
      to_status: 'CANCELLED',
      reason: 'cancelled by an administrator',
      actor: `admin:${ADMIN}`,
    });
  });

  it.each([OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.CANCELLED, OrderStatus.REFUNDED])(
    'refuses to cancel a %s order with ORDER_NOT_CANCELLABLE, changing nothing',
    async (status) => {
      const id = await givenOrderOfA(status);
      const before = await h.tableCounts();
      const response = await h.query(CANCEL_ORDER, { id }, h.tokens.a);
      expect(errorCodes(response)).toEqual(['ORDER_NOT_CANCELLABLE']);
      expect(response.errors?.[0]).toMatchObject({
        message: `Order ${id} is ${status}; only PENDING or AWAITING_PAYMENT orders can be cancelled.`,
        extensions: { id, status },
      });
      expect(await statusOf(id)).toBe(status);
      expect(await h.tableCounts()).toEqual(before);
    },
  );

  it('answers another customer NOT_FOUND and an anonymous caller UNAUTHENTICATED, changing nothing', async () => {
    const id = await placedByA();
    const before = await h.tableCounts();
    expect(errorCodes(await h.query(CANCEL_ORDER, { id }, h.tokens.b))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.query(CANCEL_ORDER, { id }))).toEqual(['UNAUTHENTICATED']);
    expect(await statusOf(id)).toBe('PENDING');
    expect(await h.tableCounts()).toEqual(before);
  });

  it('cancels once when cancellations race: the others are ORDER_NOT_CANCELLABLE and one step is recorded', async () => {
    const id = await placedByA();
    const responses = await Promise.all(Array.from({ length: 5 }, () => h.query(CANCEL_ORDER, { id }, h.tokens.a)));
    const outcomes = responses.map((response) => (response.errors ? errorCodes(response)[0] : response.data!['cancelOrder'].status));
    expect(outcomes.filter((outcome) => outcome === 'CANCELLED')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'ORDER_NOT_CANCELLABLE')).toHaveLength(4);
    expect((await history(id)).map((step) => step.to_status)).toEqual(['PENDING', 'CANCELLED']);
    expect((await h.outbox(id)).filter((event) => event.type === 'orders.order-cancelled.v1')).toHaveLength(1);
  });
});

describe('fulfillOrder', () => {
  it('lets an administrator mark a PAID order FULFILLED', async () => {
    const id = await givenOrderOfA(OrderStatus.PAID);
    const response = await h.query(FULFILL_ORDER, { id }, h.tokens.admin);
    expect(response.data!['fulfillOrder']).toMatchObject({
      status: 'FULFILLED',
      statusHistory: [
        { from: null, status: 'PENDING' },
        { from: 'PENDING', status: 'AWAITING_PAYMENT' },
        { from: 'AWAITING_PAYMENT', status: 'PAID' },
        { from: 'PAID', status: 'FULFILLED', reason: 'handed to the carrier' },
      ],
    });
    // A step with no event of its own still announces the new status.
    expect((await h.outbox(id)).map((event) => [event.type, event.payload])).toEqual([
      ['orders.order-status-changed.v1', { orderId: id, customerId: CUSTOMER_A, status: 'FULFILLED', previousStatus: 'PAID' }],
    ]);
  });

  it('refuses to fulfil a PENDING order with ILLEGAL_ORDER_TRANSITION naming from and to, changing nothing', async () => {
    const id = await placedByA();
    const before = await h.tableCounts();
    const response = await h.query(FULFILL_ORDER, { id }, h.tokens.admin);
    expect(errorCodes(response)).toEqual(['ILLEGAL_ORDER_TRANSITION']);
    expect(response.errors?.[0]).toMatchObject({
      message: 'An order cannot go from PENDING to FULFILLED.',
      extensions: { from: 'PENDING', to: 'FULFILLED' },
    });
    expect(await statusOf(id)).toBe('PENDING');
    expect(await h.tableCounts()).toEqual(before);
  });

  it('refuses customers (FORBIDDEN, even their own order) and anonymous callers (UNAUTHENTICATED)', async () => {
    const id = await givenOrderOfA(OrderStatus.PAID);
    expect(errorCodes(await h.query(FULFILL_ORDER, { id }, h.tokens.a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(FULFILL_ORDER, { id }))).toEqual(['UNAUTHENTICATED']);
    expect(await statusOf(id)).toBe('PAID');
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    expect(errorCodes(await h.query(FULFILL_ORDER, { id: 'dead0000-0000-4000-8000-00000000dead' }, h.tokens.admin))).toEqual(['NOT_FOUND']);
  });
});

describe('a status change in the repository', () => {
  it('applies only while the order is still in the status it was read in (the UPDATE is conditional)', async () => {
    const id = await givenOrderOfA(OrderStatus.PAID);
    const repository = new OrderRepository(h.subgraph.orm.em.fork());
    const before = await h.tableCounts();
    // A stale reader still believes the order is PENDING: its cancellation must not apply.
    const applied = await repository.transition({
      orderId: id,
      from: OrderStatus.PENDING,
      to: OrderStatus.CANCELLED,
      at: new Date(),
      reason: 'stale',
      actor: 'system:spec',
    });
    expect(applied).toBe(false);
    expect(await statusOf(id)).toBe('PAID');
    expect(await h.tableCounts()).toEqual(before);
  });
});

describe('a status change that loses a race', () => {
  /** A request that read the order (its loader holds the row) before another process moved the order on. */
  async function staleService(id: string): Promise<OrderService> {
    const em = h.subgraph.orm.em.fork() as EntityManager;
    const loaders = createOrderLoaders(em);
    loaders.orderById.prime(id, await em.findOneOrFail(Order, id));
    return new OrderService(em, { userId: CUSTOMER_A, roles: [Role.CUSTOMER] }, loaders, () => new Date());
  }

  it('is judged again from the status the order has now, and applies when it still may', async () => {
    const id = await placedByA();
    const service = await staleService(id);
    // Meanwhile the order moved on to AWAITING_PAYMENT (as the payment saga will do).
    await h.sql(`update orders."order" set status = 'AWAITING_PAYMENT', updated_at = now() where id = ?`, [id]);

    const counter = countRequestStatements(h.subgraph.orm);
    let cancelled: Order;
    try {
      cancelled = await service.cancel(id);
    } finally {
      counter.stop();
    }
    expect(cancelled.status).toBe(OrderStatus.CANCELLED);
    // Two conditional UPDATEs: the first, from the stale PENDING, matched nothing; the second applied.
    expect(counter.statements.filter((statement) => statement.startsWith('update'))).toHaveLength(2);
    expect((await history(id)).at(-1)).toMatchObject({ from_status: 'AWAITING_PAYMENT', to_status: 'CANCELLED' });
  });

  it('is refused with the rule of the status the order has now', async () => {
    const id = await placedByA();
    const service = await staleService(id);
    await h.sql(`update orders."order" set status = 'PAID', updated_at = now() where id = ?`, [id]);

    const counter = countRequestStatements(h.subgraph.orm);
    try {
      await expect(service.cancel(id)).rejects.toMatchObject({ extensions: { code: 'ORDER_NOT_CANCELLABLE', status: 'PAID' } });
    } finally {
      counter.stop();
    }
    // One UPDATE, from the stale PENDING, which matched nothing; then the fresh PAID row refused the step.
    expect(counter.statements.filter((statement) => statement.startsWith('update'))).toHaveLength(1);
    expect(await statusOf(id)).toBe('PAID');
    expect((await history(id)).map((step) => step.to_status)).toEqual(['PENDING']);
  });
});
