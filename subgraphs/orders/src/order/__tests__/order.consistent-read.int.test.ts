import { createEvent } from '@techally/events';
import { bearer, postGraphQL } from '@techally/testing';
import { CUSTOMER_A } from '../../__tests__/fixtures';
import { CANCEL_ORDER } from '../../__tests__/operations';
import { givenOrders } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { followStockConsumer } from '../../saga/follow-stock.consumer';
import { deliver, sagaDependencies } from '../../saga/__tests__/saga-spec-support';
import { OrderStatus } from '../order-status';

// Issue #9: under load an order answered `status: PENDING` while its own `statusHistory` already ended in
// CANCELLED. Here many orders change status concurrently (a stock reservation racing the customer's
// cancellation) while a second orders process — its own pool, as every subgraph has in the embedded start —
// reads them over and over: every answer must agree with itself, and the rows must agree at the end.

const ORDERS = 12;
const ORDER_STATUS = `query Order($id: ID!) { order(id: $id) { status updatedAt statusHistory { from status at } } }`;

interface ReadOrder {
  readonly status: string;
  readonly updatedAt: string;
  readonly statusHistory: ReadonlyArray<{ readonly from: string | null; readonly status: string; readonly at: string }>;
}

let h: OrdersHarness;
let reader: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  h = await startOrdersHarness();
  reader = await h.startVariant({});
});
afterAll(async () => {
  await reader?.stop();
  await h?.stop();
});

/** What is wrong with one answer, or null when status, history and updatedAt tell one story. */
function contradiction(order: ReadOrder): string | null {
  const steps = order.statusHistory;
  const last = steps.at(-1);
  if (last?.status !== order.status) return `status ${order.status} but history ends in ${last?.status}`;
  if (last.at !== order.updatedAt) return `updatedAt ${order.updatedAt} but the last step is at ${last.at}`;
  const broken = steps.findIndex((step, index) => step.from !== (index === 0 ? null : steps[index - 1]?.status));
  return broken === -1 ? null : `history does not chain at step ${broken}: ${JSON.stringify(steps)}`;
}

it('answers every order { status statusHistory } from one state while reservations race cancellations', async () => {
  const ids = await givenOrders(
    h.subgraph.orm,
    Array.from({ length: ORDERS }, () => ({ customerId: CUSTOMER_A, status: OrderStatus.PENDING })),
  );
  const reservations = followStockConsumer(sagaDependencies(h));
  const expires = new Date(Date.now() + 15 * 60_000).toISOString();
  const problems: string[] = [];
  let writing = true;

  const readUntilWritten = async (id: string) => {
    let reads = 0;
    while (writing || reads < 2) {
      reads += 1;
      const response = await postGraphQL<{ order: ReadOrder }>(reader.url, ORDER_STATUS, { id }, bearer(h.tokens.a));
      if (response.errors) problems.push(`${id}: ${JSON.stringify(response.errors)}`);
      const order = response.data?.order;
      const wrong = order ? contradiction(order) : 'no order';
      if (wrong) problems.push(`${id}: ${wrong}`);
    }
  };
  const writes = Promise.all(
    ids.flatMap((id) => [
      deliver(reservations, createEvent('inventory.stock-reserved.v1', id, { orderId: id, reservationExpiresAt: expires })),
      h.query(CANCEL_ORDER, { id }, h.tokens.a).then((response) => {
        if (response.errors) problems.push(`${id}: cancel answered ${JSON.stringify(response.errors)}`);
      }),
    ]),
  ).finally(() => {
    writing = false;
  });
  await Promise.all([writes, ...ids.map(readUntilWritten)]);

  expect(problems).toEqual([]);
  // The cancellation always applies (from PENDING, or after the reservation from AWAITING_PAYMENT), and the
  // stored status and history agree: every step's UPDATE and history row committed together or not at all.
  const rows = await h.sql<{ status: string; last_step: string; steps: number; reserved: number }>(
    `select o.status,
            (select c.to_status from orders.order_status_change c where c.order_id = o.id order by c.at desc, c.id desc limit 1) as last_step,
            (select count(*)::int from orders.order_status_change c where c.order_id = o.id) as steps,
            (select count(*)::int from orders.order_status_change c where c.order_id = o.id and c.to_status = 'AWAITING_PAYMENT') as reserved
     from orders."order" o where o.id in (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  expect(rows).toHaveLength(ORDERS);
  for (const row of rows) {
    expect(row).toEqual({ status: 'CANCELLED', last_step: 'CANCELLED', steps: 2 + row.reserved, reserved: row.reserved });
  }
});
