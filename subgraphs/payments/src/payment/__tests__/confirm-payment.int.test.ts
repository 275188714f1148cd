import type { EntityManager } from '@mikro-orm/postgresql';
import { errorCodes } from '@techally/testing';
import { card, CONFIRM, CUSTOMER_A, CUSTOMER_B, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { RecordingProvider } from '../../__tests__/recording.provider';
import { rememberCancelledOrder } from '../../order-events/cancelled-orders';
import { TEST_CARDS } from '../../provider/simulated.provider';

const provider = new RecordingProvider();
let h: PaymentsHarness<RecordingProvider>;

beforeAll(async () => {
  h = await startPaymentsHarness({ provider });
});
afterAll(() => h?.stop());

type Confirmed = {
  confirmPayment: {
    id: string;
    status: string;
    attempts: number;
    failureCode: string | null;
    provider: string;
    amount: { amount: number; currency: string; formatted: string };
    order: { id: string };
  };
};

const confirm = (orderId: string, number: string, token = h.tokens.a) => h.confirm<Confirmed>(orderId, number, token);

describe('confirmPayment: paying an order that awaits payment', () => {
  it('charges the payment with a good card: SUCCEEDED, and payments.payment-succeeded.v1 written with it', async () => {
    const order = await h.awaitingPayment({ total: { amount: 4_999, currency: 'USD' } });
    const response = await confirm(order.id, '4242 4242 4242 4242');
    expect(response.errors).toBeUndefined();
    expect(response.data?.confirmPayment).toEqual({
      id: expect.any(String),
      status: 'SUCCEEDED',
      attempts: 1,
      failureCode: null,
      provider: 'simulated',
      amount: { amount: 4_999, currency: 'USD', formatted: '$49.99' },
      order: { id: order.id },
    });
    const paymentId = response.data!.confirmPayment.id;
    expect(await h.eventsOf(order.id)).toEqual([
      { type: 'payments.payment-succeeded.v1', payload: { orderId: order.id, paymentId, amount: { amount: 4_999, currency: 'USD' } } },
    ]);
    const payment = await h.paymentOf(order.id);
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ amount: 4_999, orderId: order.id, charges: 1 });
  });

  it('charges the amount of the payment request (the client cannot send one)', async () => {
    const order = await h.awaitingPayment({ total: { amount: 31_337, currency: 'USD' } });
    await confirm(order.id, TEST_CARDS.SUCCEEDS);
    const payment = await h.paymentOf(order.id);
    expect(payment).toMatchObject({ amount: 31_337, currency: 'USD', customerId: CUSTOMER_A, idempotencyKey: `order:${order.id}` });

    const withAmount = await h.query(
      `mutation { confirmPayment(input: { orderId: "${order.id}", amount: 1, card: { number: "4242424242424242", expMonth: 1, expYear: 2099, cvc: "123" } }) { id } }`,
      {},
      h.tokens.a,
    );
    expect(errorCodes(withAmount)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('lets an admin pay a customer’s order; the payment stays the customer’s', async () => {
    const order = await h.awaitingPayment();
    const response = await confirm(order.id, TEST_CARDS.SUCCEEDS, h.tokens.admin);
    expect(response.data?.confirmPayment.status).toBe('SUCCEEDED');
    expect((await h.paymentOf(order.id))?.customerId).toBe(CUSTOMER_A);
  });

  it('keeps the card’s last four digits and brand, never the number', async () => {
    const order = await h.awaitingPayment();
    await confirm(order.id, '5555 5555 5555 4444');
    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    const attempt = attempts.find((row) => row.payment.id === payment.id)!;
    expect(attempt).toMatchObject({ cardLast4: '4444', cardBrand: 'mastercard', outcome: 'SUCCEEDED', number: 1 });
    expect(JSON.stringify([payments, attempts])).not.toContain('5555555555554444');
  });

  it('opens the intent itself when the payment request could not (the provider was down then)', async () => {
    const order = h.order();
    provider.down = true;
    await expect(h.deliver(h.paymentRequested(order))).rejects.toThrow();
    provider.down = false;
    expect((await h.paymentOf(order.id))?.providerReference).toBeNull();
    expect((await confirm(order.id, TEST_CARDS.SUCCEEDS)).data?.confirmPayment.status).toBe('SUCCEEDED');
    expect(provider.intentsFor(order.id)).toHaveLength(1);
  });
});

describe('confirmPayment: a decline is final', () => {
  it('answers FAILED with the decline code, not an error, and writes payments.payment-failed.v1', async () => {
    for (const [number, code] of [
      [TEST_CARDS.DECLINED, 'card_declined'],
      [TEST_CARDS.INSUFFICIENT_FUNDS, 'insufficient_funds'],
      [TEST_CARDS.EXPIRED, 'expired_card'],
    ] as const) {
      const order = await h.awaitingPayment();
      const response = await confirm(order.id, number);
      expect(response.errors).toBeUndefined();
      expect(response.data?.confirmPayment).toMatchObject({ status: 'FAILED', failureCode: code, attempts: 1 });
      expect(await h.eventsOf(order.id)).toEqual([
        { type: 'payments.payment-failed.v1', payload: { orderId: order.id, paymentId: response.data!.confirmPayment.id, failureCode: code } },
      ]);
    }
  });

  it('refuses another card afterwards: PAYMENT_NOT_ALLOWED, nothing reaches the provider, no second event', async () => {
    const order = await h.awaitingPayment();
    await confirm(order.id, TEST_CARDS.DECLINED);
    const confirmations = provider.count('confirm');
    const retried = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(retried)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(retried.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, paymentStatus: 'FAILED' });
    expect(provider.count('confirm')).toBe(confirmations);
    const payment = await h.paymentOf(order.id);
    expect(provider.inspect(payment!.providerReference!).charges).toBe(0);
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-failed.v1']);
  });

  it('refuses to pay an order whose payment already SUCCEEDED: PAYMENT_NOT_ALLOWED, no second charge', async () => {
    const order = await h.awaitingPayment();
    await confirm(order.id, TEST_CARDS.SUCCEEDS);
    const again = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(again)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(again.errors?.[0]?.message).toBe(`Order ${order.id} has already been paid.`);
    const payment = await h.paymentOf(order.id);
    expect(provider.inspect(payment!.providerReference!).charges).toBe(1);
    expect(await h.eventsOf(order.id)).toHaveLength(1);
  });
});

describe('confirmPayment: when there is nothing to pay', () => {
  it('before the order awaits payment: a retryable PAYMENT_NOT_ALLOWED, nothing written', async () => {
    const order = h.order();
    const response = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
    // True of every order checkout or the demo seed placed (issue #9, item 7), and the same for an id payments
    // has never heard of, which it cannot tell apart (and must not, for someone else's order).
    expect(response.errors?.[0]?.message).toBe(
      `No payment is open for order ${order.id} yet: an order can be paid once it awaits payment, which it reaches ` +
        'moments after it is placed, when its stock is reserved. Check its status, then try again.',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, retryable: true });
    expect(await h.paymentOf(order.id)).toBeUndefined();

    // Once the payment request arrives, the same call succeeds.
    await h.deliver(h.paymentRequested(order));
    expect((await confirm(order.id, TEST_CARDS.SUCCEEDS)).data?.confirmPayment.status).toBe('SUCCEEDED');
  });

  it('for a cancelled order whose payment is not cancelled yet: PAYMENT_NOT_ALLOWED, nothing charged', async () => {
    const order = await h.awaitingPayment();
    // The cancellation is remembered; its compensation has not run yet.
    const em = h.subgraph.orm.em.fork() as EntityManager;
    await em.transactional((tx) => rememberCancelledOrder(tx, order.id, 'CUSTOMER_REQUESTED', new Date()));
    const confirmations = provider.count('confirm');
    const response = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, orderStatus: 'CANCELLED' });
    expect(provider.count('confirm')).toBe(confirmations);
  });
});

describe('confirmPayment: a success for an order cancelled meanwhile', () => {
  it('is refunded at once: the answer is REFUNDED, with payment-succeeded then payment-refunded', async () => {
    const order = await h.awaitingPayment();
    const hold = provider.holdAfter('confirm');
    const confirming = confirm(order.id, TEST_CARDS.SUCCEEDS);
    await hold.reached;
    // The card is charged; the order is cancelled before payments records it (its intent cannot be cancelled any more).
    await h.deliver(h.orderCancelled(order.id, 'RESERVATION_EXPIRED'));
    expect((await h.paymentOf(order.id))?.status).toBe('CANCELLED');
    hold.release();
    const response = await confirming;

    expect(response.data?.confirmPayment).toMatchObject({ status: 'REFUNDED' });
    const payment = await h.paymentOf(order.id);
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ charges: 1, refunded: 12_345 });
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
    // Paid after the reservation expired: the refund says so, with what went back (issue #14).
    expect((await h.eventsOf(order.id)).at(-1)!.payload).toEqual({
      orderId: order.id,
      paymentId: payment!.id,
      amount: { amount: 12_345, currency: 'USD' },
      reason: 'PAID_AFTER_EXPIRY',
    });
  });
});

describe('confirmPayment: a success whose refund fails at once', () => {
  afterEach(() => {
    provider.down = false;
  });

  it('still answers SUCCEEDED (the card was charged), and the refund sweep gives the money back later', async () => {
    const order = await h.awaitingPayment();
    const hold = provider.holdAfter('confirm');
    const confirming = confirm(order.id, TEST_CARDS.SUCCEEDS);
    await hold.reached;
    await h.deliver(h.orderCancelled(order.id, 'RESERVATION_EXPIRED'));
    provider.down = true;
    hold.release();
    expect((await confirming).data?.confirmPayment.status).toBe('SUCCEEDED');

    provider.down = false;
    expect(await h.subgraph.sweepRefunds()).toBe(1);
    expect(await h.subgraph.sweepRefunds()).toBe(0);
    const payment = await h.paymentOf(order.id);
    expect(payment!.status).toBe('REFUNDED');
    expect(provider.inspect(payment!.providerReference!)).toMatchObject({ charges: 1, refunded: 12_345 });
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });
});

describe('confirmPayment: refusals, with nothing written', () => {
  async function expectUntouched(orderId: string) {
    const payment = await h.paymentOf(orderId);
    expect(payment).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(await h.eventsOf(orderId)).toEqual([]);
  }

  it('is for signed-in callers: anonymous → UNAUTHENTICATED, a foreign token → UNAUTHENTICATED', async () => {
    const order = await h.awaitingPayment();
    expect(errorCodes(await h.query(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await confirm(order.id, TEST_CARDS.SUCCEEDS, h.tokens.foreign))).toEqual(['UNAUTHENTICATED']);
    await expectUntouched(order.id);
  });

  it('answers NOT_FOUND to a stranger, exactly as for a malformed id', async () => {
    const order = await h.awaitingPayment({ customerId: CUSTOMER_A });
    for (const orderId of [order.id, 'not-a-uuid']) {
      const response = await confirm(orderId, TEST_CARDS.SUCCEEDS, h.tokens.b);
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors?.[0]?.message).toBe(`Order ${orderId} was not found.`);
    }
    await expectUntouched(order.id);
    // Customer B's own order is theirs to pay.
    const own = await h.awaitingPayment({ customerId: CUSTOMER_B });
    expect((await confirm(own.id, TEST_CARDS.SUCCEEDS, h.tokens.b)).data?.confirmPayment.status).toBe('SUCCEEDED');
  });

  it('checks the card before anything else: each malformed field is BAD_USER_INPUT naming it', async () => {
    const order = await h.awaitingPayment();
    const year = new Date().getUTCFullYear();
    for (const [bad, field] of [
      [{ number: '4242 4242 4242 4241' }, 'card.number'],
      [{ number: '4242' }, 'card.number'],
      [{ expMonth: 13 }, 'card.expMonth'],
      [{ expYear: year - 1 }, 'card.expYear'],
      [{ cvc: '12' }, 'card.cvc'],
    ] as const) {
      const response = await h.query(CONFIRM, { input: { orderId: order.id, card: { ...card(TEST_CARDS.SUCCEEDS), ...bad } } }, h.tokens.a);
      expect({ bad, codes: errorCodes(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({
        bad,
        codes: ['BAD_USER_INPUT'],
        field,
      });
      expect(JSON.stringify(response)).not.toContain('4242424242424241');
    }
    await expectUntouched(order.id);
  });
});
