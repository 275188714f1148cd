import { DEMO_CUSTOMERS, generateCatalog } from '@techally/demo-data';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { countRequestStatements } from '../../__tests__/request-statements';
import { demoOrders, demoUuid, type DemoOrder } from '../demo-orders';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

const ORDERS_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders { edges { node {
  id number status total { amount } items { sku name unitPrice { amount } quantity lineTotal { amount } product { id } }
  statusHistory { from status } shippingAddress { fullName country }
} } } } } }`;

interface DemoOrderNode {
  status: string;
  shippingAddress: { fullName: string; country: string };
  items: Array<{ sku: string; name: string; quantity: number; unitPrice: { amount: number }; lineTotal: { amount: number }; product: { id: string } }>;
  statusHistory: Array<{ from: string | null; status: string }>;
}

describe('the demo orders seed', () => {
  it('fills an empty orders schema in one transaction of a few statements', async () => {
    const counter = countRequestStatements(h.subgraph.orm);
    try {
      await h.subgraph.seed({ publishHistory: true });
      // begin, advisory lock, emptiness check, four multi-row inserts (the outbox's included), commit
      expect(counter.count).toBeLessThanOrEqual(8);
    } finally {
      counter.stop();
    }
    expect(await h.tableCounts()).toEqual(expectedCounts({ history: true }));
  });

  it('hands every PENDING demo order to the checkout saga as placeOrder would, so it becomes payable (issue #9, item 7)', async () => {
    for (const order of demoOrders()) {
      const events = await h.outbox(order.id);
      if (order.status !== 'PENDING') {
        if (order.status === 'CANCELLED') expect(events).toEqual([]);
        continue;
      }
      expect(events.map((event) => event.type)).toEqual(['orders.order-placed.v1', 'orders.order-status-changed.v1']);
      const [row] = await h.sql<{ number: string }>(`select number from orders."order" where id = ?`, [order.id]);
      expect(events[0]!.payload).toEqual(checkoutFacts(order, row!.number));
      expect(events[1]!.payload).toMatchObject({ orderId: order.id, status: 'PENDING', previousStatus: null });
    }
  });

  it('writes each past sale PAID (placed, stock reserved, paid) with its checkout’s order-placed and order-paid at their own times, none of them today', async () => {
    const sales = demoOrders().filter((order) => order.status === 'PAID');
    expect(sales.length).toBeGreaterThanOrEqual(20);
    const today = new Date().toISOString().slice(0, 10);
    for (const order of sales) {
      const [row] = await h.sql<{ number: string; status: string; payment_due_at: string }>(
        `select number, status, payment_due_at from orders."order" where id = ?`,
        [order.id],
      );
      expect({ status: row!.status, paymentDueAt: iso(row!.payment_due_at) }).toEqual({ status: 'PAID', paymentDueAt: iso(order.paymentDueAt!) });
      const changes = await h.sql<{ to_status: string; at: string }>(`select to_status, at from orders.order_status_change where order_id = ? order by at`, [order.id]);
      expect(changes.map((change) => change.to_status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'PAID']);
      expect(iso(changes[2]!.at)).toBe(iso(order.paidAt!));

      const events = await h.sql<{ type: string; occurred_at: string; payload: unknown }>(
        `select type, occurred_at, payload from orders.outbox where aggregate_id = ? order by position`,
        [order.id],
      );
      expect(events.map((event) => [event.type, iso(event.occurred_at)])).toEqual([
        ['orders.order-placed.v1', iso(order.placedAt)],
        ['orders.order-paid.v1', iso(order.paidAt!)],
      ]);
      expect(events.map((event) => event.payload)).toEqual([checkoutFacts(order, row!.number), checkoutFacts(order, row!.number)]);
      // "Today" on a fresh start is what happens after it (live-orders.e2e and the dashboard count today's sales).
      expect(order.paidAt!.toISOString().slice(0, 10) < today).toBe(true);
    }
  });

  it('is deterministic: stable ids, and numbers from TA-100001 in the order the orders were placed', async () => {
    // Pinned: other subgraphs' demo data (payments, reviews) may refer to these ids.
    expect(demoUuid('order:ada-1')).toBe('14bb3253-cf4d-5320-b482-5b62f66d1ac0');
    expect(demoOrders().map((order) => order.id)).toContain(demoUuid('order:ada-1'));
    const rows = await h.sql<{ id: string; number: string; placed_at: Date }>(`select id, number, placed_at from orders."order" order by number`);
    expect(rows.map(({ id, number }) => ({ id, number }))).toEqual(demoOrders().map((order, index) => ({ id: order.id, number: `TA-${100_001 + index}` })));
    const times = rows.map((row) => new Date(row.placed_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives every demo customer orders of active catalog products at catalog prices', async () => {
    const catalog = new Map(generateCatalog().products.map((product) => [product.id, product]));
    const response = await h.query(ORDERS_OF, { r: DEMO_CUSTOMERS.map((customer) => ({ __typename: 'User', id: customer.id })) }, h.tokens.admin);
    expect(response.errors).toBeUndefined();
    for (const [index, user] of (response.data!['_entities'] as Array<{ orders: { edges: Array<{ node: DemoOrderNode }> } }>).entries()) {
      const customer = DEMO_CUSTOMERS[index]!;
      expect(user.orders.edges.length).toBeGreaterThan(0);
      for (const { node } of user.orders.edges) {
        expect(['PENDING', 'CANCELLED', 'PAID']).toContain(node.status);
        expect(node.shippingAddress).toEqual({ fullName: customer.address.fullName, country: customer.address.country });
        for (const item of node.items) {
          const product = catalog.get(item.product.id)!;
          expect({ sku: item.sku, name: item.name, unitPrice: item.unitPrice.amount, status: product.status }).toEqual({
            sku: product.sku,
            name: product.name,
            unitPrice: product.priceAmount,
            status: 'ACTIVE',
          });
          expect(item.lineTotal.amount).toBe(item.unitPrice.amount * item.quantity);
        }
        expect(node.statusHistory[0]).toEqual({ from: null, status: 'PENDING' });
      }
    }
  });

  it('adds nothing when seeded again', async () => {
    const before = await h.tableCounts();
    await h.subgraph.seed();
    expect(await h.tableCounts()).toEqual(before);
  });

  it('writes no history without publishHistory (the tests’ supergraph): only the PENDING orders’ checkout events', async () => {
    await h.sql(`truncate orders."order", orders.order_item, orders.order_status_change, orders.outbox`);
    await h.subgraph.seed();
    expect(await h.tableCounts()).toEqual(expectedCounts({ history: false }));
  });
});

/** What order-placed and order-paid say of a demo order: its lines as bought, its total, its number. */
function checkoutFacts(order: DemoOrder, number: string) {
  return {
    orderId: order.id,
    orderNumber: number,
    customerId: order.customerId,
    items: order.lines.map((line) => ({
      productId: line.product.id,
      quantity: line.quantity,
      name: line.product.name,
      sku: line.product.sku,
      unitPrice: { amount: line.product.priceAmount, currency: 'USD' },
    })),
    total: { amount: order.total, currency: 'USD' },
  };
}

/** A timestamp as the driver or the data gives it, as one comparable string. */
function iso(at: Date | string): string {
  return new Date(at).toISOString();
}

/** What the seed writes: every demo order, its lines and status changes, and the events (below) in the outbox. */
function expectedCounts({ history }: { history: boolean }) {
  const orders = demoOrders();
  const count = (status: string) => orders.filter((order) => order.status === status).length;
  return {
    orders: orders.length,
    items: orders.reduce((sum, order) => sum + order.lines.length, 0),
    changes: count('PENDING') + count('CANCELLED') * 2 + count('PAID') * 3,
    // Each PENDING order announces itself as checkout does (placed, → PENDING), the CANCELLED ones (historic, final)
    // nothing, each sale its history (placed, paid) when asked.
    events: count('PENDING') * 2 + (history ? count('PAID') * 2 : 0),
  };
}
