import { DEMO_CUSTOMERS, generateCatalog } from '@techally/demo-data';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { countRequestStatements } from '../../__tests__/request-statements';
import { demoOrders, demoUuid } from '../demo-orders';

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
      await h.subgraph.seed();
      // begin, advisory lock, emptiness check, four multi-row inserts (the outbox's included), commit
      expect(counter.count).toBeLessThanOrEqual(8);
    } finally {
      counter.stop();
    }
    const pending = demoOrders().filter((order) => order.status === 'PENDING');
    expect(await h.tableCounts()).toEqual({
      orders: demoOrders().length,
      items: demoOrders().reduce((sum, order) => sum + order.lines.length, 0),
      changes: demoOrders().reduce((sum, order) => sum + (order.cancelledAt ? 2 : 1), 0),
      // Each PENDING order announces itself as checkout does, the CANCELLED ones (historic, final) nothing.
      events: pending.length * 2,
    });
  });

  it('hands every PENDING demo order to the checkout saga as placeOrder would, so it becomes payable (issue #9, item 7)', async () => {
    for (const order of demoOrders()) {
      const events = await h.outbox(order.id);
      if (order.status !== 'PENDING') {
        expect(events).toEqual([]);
        continue;
      }
      expect(events.map((event) => event.type)).toEqual(['orders.order-placed.v1', 'orders.order-status-changed.v1']);
      const [row] = await h.sql<{ number: string }>(`select number from orders."order" where id = ?`, [order.id]);
      expect(events[0]!.payload).toEqual({
        orderId: order.id,
        orderNumber: row!.number,
        customerId: order.customerId,
        items: order.lines.map((line) => ({
          productId: line.product.id,
          quantity: line.quantity,
          name: line.product.name,
          sku: line.product.sku,
          unitPrice: { amount: line.product.priceAmount, currency: 'USD' },
        })),
        total: { amount: order.total, currency: 'USD' },
      });
      expect(events[1]!.payload).toMatchObject({ orderId: order.id, status: 'PENDING', previousStatus: null });
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
        expect(['PENDING', 'CANCELLED']).toContain(node.status);
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
});
