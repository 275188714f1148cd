import { createEvent } from '@techally/events';
import { eventually, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { RecordingProvider } from '../../__tests__/recording.provider';
import { TEST_CARDS } from '../../provider/simulated.provider';

const provider = new RecordingProvider();
let h: PaymentsHarness<RecordingProvider>;

beforeAll(async () => {
  h = await startPaymentsHarness({ provider });
});
afterAll(() => h?.stop());
afterEach(() => {
  provider.down = false;
});

describe('orders.payment-requested.v1', () => {
  it('opens one PENDING payment for the event’s amount and customer, and one intent under the order’s key', async () => {
    const order = h.order({ customerId: '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002', total: { amount: 4_999, currency: 'EUR' } });
    await h.deliver(h.paymentRequested(order));

    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({
      status: 'PENDING',
      amount: 4_999,
      currency: 'EUR',
      customerId: order.customerId,
      provider: 'simulated',
      idempotencyKey: `order:${order.id}`,
      attempts: 0,
    });
    expect(provider.intentsFor(order.id)).toEqual([payment!.providerReference]);
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ amount: 4_999, currency: 'EUR', orderId: order.id, status: 'requires_payment_method' });
    expect(await h.eventsOf(order.id)).toEqual([]);
  });

  it('arrives through the bus: the subgraph’s own consumer opens the payment', async () => {
    const order = h.order();
    await h.bus.publish(h.paymentRequested(order));
    const payment = await eventually('the payment and its intent', async () => {
      const found = await h.paymentOf(order.id);
      return found?.providerReference ? found : undefined;
    });
    expect(payment.status).toBe('PENDING');
  });

  it('delivered twice, one payment and one intent', async () => {
    const order = h.order();
    const event = h.paymentRequested(order);
    await h.deliver(event);
    await h.deliver(event);
    const { payments } = await h.rows();
    expect(payments.filter((row) => row.orderId === order.id)).toHaveLength(1);
    expect(provider.intentsFor(order.id)).toHaveLength(1);
  });

  it('delivered concurrently (the same event, and two requests for one order), one payment and one intent', async () => {
    const order = h.order();
    const event = h.paymentRequested(order);
    await Promise.all([h.deliver(event), h.deliver(event), h.deliver(h.paymentRequested(order))]);
    const { payments } = await h.rows();
    const rows = payments.filter((row) => row.orderId === order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.providerReference).toEqual(expect.stringMatching(/^pi_sim_/));
    expect(provider.intentsFor(order.id)).toEqual([rows[0]!.providerReference]);
  });

  it('when the provider is down: the delivery fails (to be redelivered) with the payment open, and the redelivery creates the intent', async () => {
    const order = h.order();
    const event = h.paymentRequested(order);
    provider.down = true;
    await expect(h.deliver(event)).rejects.toThrow('could not reach the provider');
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'PENDING', providerReference: null });

    provider.down = false;
    await h.deliver(event);
    const payment = await h.paymentOf(order.id);
    expect(payment!.providerReference).toEqual(expect.stringMatching(/^pi_sim_/));
    expect(provider.intentsFor(order.id)).toEqual([payment!.providerReference]);
  });

  it('opens nothing for an order already known to be cancelled (the cancellation overtook the request)', async () => {
    const order = h.order();
    await h.deliver(h.orderCancelled(order.id, 'CUSTOMER_REQUESTED'));
    await h.deliver(h.paymentRequested(order));
    expect(await h.paymentOf(order.id)).toBeUndefined();
    expect(provider.intentsFor(order.id)).toEqual([]);
    expect((await h.rows()).cancelled.find((row) => row.orderId === order.id)).toMatchObject({ reason: 'CUSTOMER_REQUESTED' });
  });

  it('opens nothing for an amount no provider can charge (a currency the shop does not trade in)', async () => {
    const order = h.order({ total: { amount: 500, currency: 'JPY' } });
    await h.deliver(h.paymentRequested(order));
    expect(await h.paymentOf(order.id)).toBeUndefined();
    expect(provider.intentsFor(order.id)).toEqual([]);
  });
});

describe('orders.order-cancelled.v1', () => {
  it('cancels a PENDING payment and its intent, writing no event (the order is already cancelled)', async () => {
    const order = await h.awaitingPayment();
    await h.deliver(h.orderCancelled(order.id, 'RESERVATION_EXPIRED'));
    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({ status: 'CANCELLED', failureCode: null });
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ status: 'canceled', charges: 0 });
    expect(await h.eventsOf(order.id)).toEqual([]);
    expect(errorCodeOf(await h.confirm(order.id, TEST_CARDS.SUCCEEDS))).toBe('PAYMENT_NOT_ALLOWED');
    expect(provider.inspect(payment!.providerReference!).confirmations).toBe(0);
  });

  it('refunds a SUCCEEDED payment once, with one payments.payment-refunded.v1, however often the event is delivered', async () => {
    const order = await h.awaitingPayment();
    expect((await h.confirm(order.id, TEST_CARDS.SUCCEEDS)).data?.confirmPayment.status).toBe('SUCCEEDED');
    const cancelled = h.orderCancelled(order.id, 'ADMIN_REQUESTED');
    await h.deliver(cancelled);
    await h.deliver(cancelled);
    await Promise.all([h.deliver(cancelled), h.deliver(h.orderCancelled(order.id, 'ADMIN_REQUESTED'))]);

    const payment = await h.paymentOf(order.id);
    expect(payment!.status).toBe('REFUNDED');
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ charges: 1, refunded: 12_345 });
    expect(await h.eventsOf(order.id)).toEqual([
      { type: 'payments.payment-succeeded.v1', payload: { orderId: order.id, paymentId: payment!.id, amount: { amount: 12_345, currency: 'USD' } } },
      {
        type: 'payments.payment-refunded.v1',
        // Collected for an order an admin cancelled: the refund carries the amount and why (issue #14).
        payload: { orderId: order.id, paymentId: payment!.id, amount: { amount: 12_345, currency: 'USD' }, reason: 'ORDER_CANCELLED' },
      },
    ]);
  });

  it('keeps a declined payment FAILED (final, as the schema says) when its order is cancelled: only its intent is cancelled, no event', async () => {
    const order = await h.awaitingPayment();
    expect((await h.confirm(order.id, TEST_CARDS.DECLINED)).data?.confirmPayment.status).toBe('FAILED');
    await h.deliver(h.orderCancelled(order.id, 'PAYMENT_FAILED'));
    await h.deliver(h.orderCancelled(order.id, 'PAYMENT_FAILED'));
    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({ status: 'FAILED', failureCode: 'card_declined' });
    expect(provider.inspect(payment!.providerReference!).status).toBe('canceled');
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-failed.v1']);
  });

  it('before the payment exists: remembers the cancellation, and the late payment request then opens nothing', async () => {
    const order = h.order();
    await h.deliver(h.orderCancelled(order.id, 'OUT_OF_STOCK'));
    expect(await h.paymentOf(order.id)).toBeUndefined();
    await h.deliver(h.paymentRequested(order));
    expect(await h.paymentOf(order.id)).toBeUndefined();
    expect(provider.intentsFor(order.id)).toEqual([]);
    const answer = await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodeOf(answer)).toBe('PAYMENT_NOT_ALLOWED');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, orderStatus: 'CANCELLED' });
  });

  it('cancelled before its intent could be opened (provider down): the redelivered request opens none', async () => {
    const order = h.order();
    const request = h.paymentRequested(order);
    provider.down = true;
    await expect(h.deliver(request)).rejects.toThrow();
    provider.down = false;
    // The payment is open without an intent; the cancellation finds nothing to cancel at the provider yet.
    await h.deliver(h.orderCancelled(order.id));
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'CANCELLED', providerReference: null });
    // The redelivered request finds it cancelled and opens no intent.
    await h.deliver(request);
    expect(provider.intentsFor(order.id)).toEqual([]);
  });

  it('cancelled while the intent is being opened: the intent is cancelled as soon as it is stored', async () => {
    const order = h.order();
    const hold = provider.holdAfter('createIntent');
    const requesting = h.deliver(h.paymentRequested(order));
    await hold.reached;
    // The intent exists at the provider; the payment does not know it yet, so there is nothing to cancel there.
    await h.deliver(h.orderCancelled(order.id));
    expect(await h.paymentOf(order.id)).toMatchObject({ status: 'CANCELLED', providerReference: null });
    hold.release();
    await requesting;
    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({ status: 'CANCELLED', providerReference: provider.intentsFor(order.id)[0] });
    expect(provider.inspect(payment!.providerReference!).status).toBe('canceled');
  });

  it('when the provider is down: the delivery fails and the redelivery finishes the compensation', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    const cancelled = h.orderCancelled(order.id);
    provider.down = true;
    await expect(h.deliver(cancelled)).rejects.toThrow('could not reach the provider');
    expect((await h.paymentOf(order.id))!.status).toBe('SUCCEEDED');
    provider.down = false;
    await h.deliver(cancelled);
    expect((await h.paymentOf(order.id))!.status).toBe('REFUNDED');
    expect((await h.eventsOf(order.id)).filter((event) => event.type === 'payments.payment-refunded.v1')).toHaveLength(1);
  });

  it('arrives through the bus, and a refund owed is written to the outbox for the relay', async () => {
    const order = await h.awaitingPayment();
    await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    await h.bus.publish(createEvent('orders.order-cancelled.v1', order.id, { orderId: order.id, reason: 'ADMIN_REQUESTED' }));
    await eventually('the refund', async () => (await h.paymentOf(order.id))?.status === 'REFUNDED');
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });
});

function errorCodeOf(response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}
