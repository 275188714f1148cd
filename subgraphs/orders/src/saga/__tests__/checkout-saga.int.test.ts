import {
  createEvent,
  createInMemoryEventBus,
  type AnyEventEnvelope,
  type EnvelopeOf,
  type EventBus,
  type Subscription,
} from '@techally/events';
import { errorCodes } from '@techally/testing';
import { A_IN_US, CABLE, CUSTOMER_A, eventLine, HEADPHONES, KETTLEBELL } from '../../__tests__/fixtures';
import { CANCEL_ORDER, PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { waitFor } from './saga-spec-support';

/**
 * The whole orders side of the checkout saga through a real bus, with the other services played here, in the
 * spec, as the contract says they behave: "inventory" answers `order-placed` with `stock-reserved` or
 * `stock-reservation-failed`, "payments" answers `payment-requested` with `payment-succeeded` or
 * `payment-failed`. Each spec scripts their answers before it places its order.
 */

type OrderPlaced = EnvelopeOf<'orders.order-placed.v1'>;
type PaymentRequested = EnvelopeOf<'orders.payment-requested.v1'>;

const RESERVATION_MS = 15 * 60_000;
const OUTBOX_OF_CANCELLED_AFTER_RESERVATION = [
  'orders.order-placed.v1',
  'orders.order-status-changed.v1',
  'orders.order-status-changed.v1',
  'orders.payment-requested.v1',
  'orders.order-status-changed.v1',
  'orders.order-cancelled.v1',
];
const PAYMENT_ID = '9a000000-0000-4000-8000-000000000003';

let bus: EventBus;
let h: OrdersHarness;
const subscriptions: Subscription[] = [];
/** Every `orders.*` event the bus carried, in the order a consumer received them. */
const seen: AnyEventEnvelope[] = [];

const script = {
  inventory: (event: OrderPlaced): AnyEventEnvelope | null => reserve(event, RESERVATION_MS),
  payments: (event: PaymentRequested): AnyEventEnvelope | null => pay(event),
};

function reserve(event: OrderPlaced, ttlMs: number): AnyEventEnvelope {
  const { orderId } = event.payload;
  return createEvent('inventory.stock-reserved.v1', orderId, { orderId, reservationExpiresAt: new Date(Date.now() + ttlMs).toISOString() }, event.metadata);
}

function pay(event: PaymentRequested, amount = event.payload.amount): AnyEventEnvelope {
  const { orderId } = event.payload;
  return createEvent('payments.payment-succeeded.v1', orderId, { orderId, paymentId: PAYMENT_ID, amount }, event.metadata);
}

beforeAll(async () => {
  bus = createInMemoryEventBus();
  // The sweeper runs every 100 ms here, so an expired reservation is noticed during a spec.
  h = await startOrdersHarness({ bus, env: { ORDER_EXPIRY_SWEEP_INTERVAL_MS: '100', OUTBOX_POLL_INTERVAL_MS: '50' } });
  subscriptions.push(
    await bus.subscribe({
      group: 'spec.inventory',
      consumer: 'spec',
      types: ['orders.order-placed.v1'],
      handler: async (event) => {
        const answer = script.inventory(event);
        if (answer) await bus.publish(answer);
      },
    }),
    await bus.subscribe({
      group: 'spec.payments',
      consumer: 'spec',
      types: ['orders.payment-requested.v1'],
      handler: async (event) => {
        const answer = script.payments(event);
        if (answer) await bus.publish(answer);
      },
    }),
    await bus.subscribe({
      group: 'spec.observer',
      consumer: 'spec',
      types: ['orders.order-placed.v1', 'orders.order-status-changed.v1', 'orders.payment-requested.v1', 'orders.order-paid.v1', 'orders.order-cancelled.v1'],
      handler: async (event) => {
        seen.push(event);
      },
    }),
  );
});

afterAll(async () => {
  await h?.stop();
  for (const subscription of subscriptions) await subscription.stop();
  await bus?.close();
});

beforeEach(() => {
  script.inventory = (event) => reserve(event, RESERVATION_MS);
  script.payments = (event) => pay(event);
});

const ORDER_STATE = `query Order($id: ID!) { order(id: $id) {
  id number status cancellationReason paymentDueAt total { amount currency } statusHistory { from status reason } } }`;

async function placeOrder(items = [{ productId: CABLE.id, quantity: 2 }, { productId: HEADPHONES.id, quantity: 1 }]): Promise<string> {
  const response = await h.query(PLACE_ORDER, { input: { items, shippingAddressId: A_IN_US.id, idempotencyKey: newIdempotencyKey() } }, h.tokens.a);
  expect(response.errors).toBeUndefined();
  return response.data!['placeOrder'].id as string;
}

async function orderState(id: string) {
  const response = await h.query(ORDER_STATE, { id }, h.tokens.a);
  expect(response.errors).toBeUndefined();
  return response.data!['order'];
}

/** The statuses the bus announced for an order, as [previous, new] pairs, in order. */
function announcedStatuses(orderId: string): Array<[string | null, string]> {
  return seen
    .filter((event): event is EnvelopeOf<'orders.order-status-changed.v1'> => event.type === 'orders.order-status-changed.v1' && event.aggregateId === orderId)
    .map((event) => [event.payload.previousStatus, event.payload.status]);
}

function announced(orderId: string, type: AnyEventEnvelope['type']): AnyEventEnvelope[] {
  return seen.filter((event) => event.type === type && event.aggregateId === orderId);
}

function untilAnnounced(orderId: string, status: string) {
  return waitFor(`order ${orderId} announced ${status}`, async () => announcedStatuses(orderId).some(([, to]) => to === status));
}

describe('the checkout saga, orders’ side, over the bus', () => {
  it('takes a paid order PENDING → AWAITING_PAYMENT → PAID and announces every step', async () => {
    const id = await placeOrder();
    await untilAnnounced(id, 'PAID');

    expect(announcedStatuses(id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'AWAITING_PAYMENT'],
      ['AWAITING_PAYMENT', 'PAID'],
    ]);
    const order = await orderState(id);
    expect(order).toMatchObject({
      status: 'PAID',
      cancellationReason: null,
      statusHistory: [
        { from: null, status: 'PENDING', reason: 'placed' },
        { from: 'PENDING', status: 'AWAITING_PAYMENT', reason: 'stock reserved' },
        { from: 'AWAITING_PAYMENT', status: 'PAID', reason: 'payment succeeded' },
      ],
    });
    const [requested] = announced(id, 'orders.payment-requested.v1') as PaymentRequested[];
    expect(requested!.payload).toEqual({ orderId: id, customerId: CUSTOMER_A, amount: order.total, payBy: order.paymentDueAt });
    expect(announced(id, 'orders.order-paid.v1').map((event) => event.payload)).toEqual([
      {
        orderId: id,
        orderNumber: order.number,
        customerId: CUSTOMER_A,
        items: [eventLine(CABLE, 2), eventLine(HEADPHONES, 1)],
        total: order.total,
      },
    ]);
  });

  it('cancels with OUT_OF_STOCK when inventory cannot reserve, and tells the others', async () => {
    script.inventory = (event) =>
      createEvent('inventory.stock-reservation-failed.v1', event.payload.orderId, {
        orderId: event.payload.orderId,
        reason: 'OUT_OF_STOCK',
        productIds: [KETTLEBELL.id],
      });
    const id = await placeOrder([{ productId: KETTLEBELL.id, quantity: 3 }]);
    await untilAnnounced(id, 'CANCELLED');

    expect(announcedStatuses(id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'CANCELLED'],
    ]);
    expect(announced(id, 'orders.order-cancelled.v1').map((event) => event.payload)).toEqual([{ orderId: id, reason: 'OUT_OF_STOCK' }]);
    expect(announced(id, 'orders.payment-requested.v1')).toEqual([]);
    expect(await orderState(id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'OUT_OF_STOCK', paymentDueAt: null });
  });

  it('cancels with PAYMENT_FAILED when the card is declined', async () => {
    script.payments = (event) =>
      createEvent('payments.payment-failed.v1', event.payload.orderId, {
        orderId: event.payload.orderId,
        paymentId: PAYMENT_ID,
        failureCode: 'card_declined',
      });
    const id = await placeOrder();
    await untilAnnounced(id, 'CANCELLED');

    expect(announcedStatuses(id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'AWAITING_PAYMENT'],
      ['AWAITING_PAYMENT', 'CANCELLED'],
    ]);
    expect(announced(id, 'orders.order-cancelled.v1').map((event) => event.payload)).toEqual([{ orderId: id, reason: 'PAYMENT_FAILED' }]);
    expect(await orderState(id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_FAILED' });
  });

  it('cancels with PAYMENT_AMOUNT_MISMATCH when the captured amount is not the total', async () => {
    script.payments = (event) => pay(event, { amount: event.payload.amount.amount - 1, currency: event.payload.amount.currency });
    const id = await placeOrder();
    await untilAnnounced(id, 'CANCELLED');
    expect(announced(id, 'orders.order-cancelled.v1').map((event) => event.payload)).toEqual([{ orderId: id, reason: 'PAYMENT_AMOUNT_MISMATCH' }]);
    expect(announced(id, 'orders.order-paid.v1')).toEqual([]);
  });

  it('cancels an unpaid order once its reservation expired (the sweeper), and a payment arriving after that changes nothing', async () => {
    let request: PaymentRequested | undefined;
    script.inventory = (event) => reserve(event, 300);
    script.payments = (event) => {
      request = event; // the customer never pays in time
      return null;
    };
    const id = await placeOrder();
    await untilAnnounced(id, 'CANCELLED');

    expect(announced(id, 'orders.order-cancelled.v1').map((event) => event.payload)).toEqual([{ orderId: id, reason: 'RESERVATION_EXPIRED' }]);
    expect(await orderState(id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'RESERVATION_EXPIRED' });

    // Too late: payments will refund it on order-cancelled; orders stays CANCELLED and announces nothing new.
    const late = pay(request!);
    await bus.publish(late);
    await waitFor('the late payment to be handled', async () => (await h.sql(`select 1 from orders.inbox where event_id = ?`, [late.id])).length === 1);
    expect(announcedStatuses(id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'AWAITING_PAYMENT'],
      ['AWAITING_PAYMENT', 'CANCELLED'],
    ]);
    expect(announced(id, 'orders.order-paid.v1')).toEqual([]);
    // The outbox is the truth (the bus may not have carried a late event yet): nothing was written for it.
    expect((await h.outbox(id)).map((event) => event.type)).toEqual(OUTBOX_OF_CANCELLED_AFTER_RESERVATION);
  });

  it('applies an event the bus delivers twice once', async () => {
    const published: AnyEventEnvelope[] = [];
    script.inventory = (event) => {
      const reserved = reserve(event, RESERVATION_MS);
      published.push(reserved);
      return reserved;
    };
    const id = await placeOrder();
    await untilAnnounced(id, 'PAID');
    await bus.publish(published[0]!); // as after a relay that died between publishing and marking the row
    await bus.publish(announced(id, 'orders.order-placed.v1')[0]!); // and inventory will answer it again, with a new event id
    await waitFor('the second reservation to be handled', async () => published.length === 2 && (await h.sql(`select 1 from orders.inbox where event_id = ?`, [published[1]!.id])).length === 1);

    expect(announcedStatuses(id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'AWAITING_PAYMENT'],
      ['AWAITING_PAYMENT', 'PAID'],
    ]);
    expect(announced(id, 'orders.payment-requested.v1')).toHaveLength(1);
    expect((await h.outbox(id)).map((event) => event.type)).toEqual([
      'orders.order-placed.v1',
      'orders.order-status-changed.v1',
      'orders.order-status-changed.v1',
      'orders.payment-requested.v1',
      'orders.order-status-changed.v1',
      'orders.order-paid.v1',
    ]);
  });

  it('announces a customer’s cancellation with CUSTOMER_REQUESTED, so inventory and payments compensate', async () => {
    script.payments = () => null; // the customer changes their mind before paying
    const id = await placeOrder();
    await untilAnnounced(id, 'AWAITING_PAYMENT');
    const response = await h.query(CANCEL_ORDER, { id }, h.tokens.a);
    expect(errorCodes(response)).toEqual([]);
    await untilAnnounced(id, 'CANCELLED');

    expect(announced(id, 'orders.order-cancelled.v1').map((event) => event.payload)).toEqual([{ orderId: id, reason: 'CUSTOMER_REQUESTED' }]);
    expect(announcedStatuses(id).at(-1)).toEqual(['AWAITING_PAYMENT', 'CANCELLED']);
  });
});
