import { errorCodes } from '@techally/testing';
import { card, CONFIRM, CUSTOMER_A, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { TEST_CARDS } from '../../provider/simulated.provider';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPaymentsHarness();
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

const confirm = (orderId: string, number: string, token = h.tokens.a) =>
  h.query<Confirmed>(CONFIRM, { input: { orderId, card: card(number) } }, token);

describe('confirmPayment: paying an order', () => {
  it('charges the order’s total with a good card and answers SUCCEEDED', async () => {
    const order = h.order({ total: { amount: 4_999, currency: 'USD' } });
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
  });

  it('takes the amount from the order (the client cannot send one) and creates the intent under the order’s key', async () => {
    const order = h.order({ total: { amount: 31_337, currency: 'USD' } });
    await confirm(order.id, TEST_CARDS.SUCCEEDS);
    const { payments } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    expect(payment).toMatchObject({ amount: 31_337, currency: 'USD', customerId: CUSTOMER_A, idempotencyKey: `order:${order.id}` });
    expect(h.provider.inspect(payment.providerReference!)).toMatchObject({ amount: 31_337, currency: 'USD', orderId: order.id, charges: 1 });

    const withAmount = await h.query(
      `mutation { confirmPayment(input: { orderId: "${order.id}", amount: 1, card: { number: "4242424242424242", expMonth: 1, expYear: 2099, cvc: "123" } }) { id } }`,
      {},
      h.tokens.a,
    );
    expect(errorCodes(withAmount)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('asks the orders subgraph as the caller (their forwarded Authorization)', async () => {
    const order = h.order();
    const before = h.orders.authorizations.length;
    await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(h.orders.authorizations.slice(before)).toEqual([`Bearer ${h.tokens.a}`]);
  });

  it('lets an admin pay a customer’s order; the payment stays the customer’s', async () => {
    const order = h.order();
    const response = await confirm(order.id, TEST_CARDS.SUCCEEDS, h.tokens.admin);
    expect(response.data?.confirmPayment.status).toBe('SUCCEEDED');
    const { payments } = await h.rows();
    expect(payments.find((row) => row.orderId === order.id)?.customerId).toBe(CUSTOMER_A);
  });

  it('keeps the card’s last four digits and brand, never the number', async () => {
    const order = h.order();
    await confirm(order.id, '5555 5555 5555 4444');
    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    const attempt = attempts.find((row) => row.payment.id === payment.id)!;
    expect(attempt).toMatchObject({ cardLast4: '4444', cardBrand: 'mastercard', outcome: 'SUCCEEDED', number: 1 });
    expect(JSON.stringify([payments, attempts])).not.toContain('5555555555554444');
  });
});

describe('confirmPayment: declines and retries', () => {
  it('answers a decline with a FAILED payment and the decline code, not an error', async () => {
    const order = h.order();
    for (const [number, code] of [
      [TEST_CARDS.DECLINED, 'card_declined'],
      [TEST_CARDS.INSUFFICIENT_FUNDS, 'insufficient_funds'],
      [TEST_CARDS.EXPIRED, 'expired_card'],
    ] as const) {
      const response = await confirm(order.id, number);
      expect(response.errors).toBeUndefined();
      expect(response.data?.confirmPayment).toMatchObject({ status: 'FAILED', failureCode: code });
    }
  });

  it('makes a retry after a decline a new attempt on the same payment, which can succeed', async () => {
    const order = h.order();
    const declined = await confirm(order.id, TEST_CARDS.DECLINED);
    const retried = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(declined.data?.confirmPayment).toMatchObject({ status: 'FAILED', attempts: 1, failureCode: 'card_declined' });
    expect(retried.data?.confirmPayment).toMatchObject({ status: 'SUCCEEDED', attempts: 2, failureCode: null });
    expect(retried.data?.confirmPayment.id).toBe(declined.data?.confirmPayment.id);

    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    expect(attempts.filter((row) => row.payment.id === payment.id).map((row) => [row.number, row.outcome, row.failureCode])).toEqual([
      [1, 'DECLINED', 'card_declined'],
      [2, 'SUCCEEDED', null],
    ]);
    expect(h.provider.inspect(payment.providerReference!)).toMatchObject({ charges: 1, confirmations: 2 });
  });

  it('refuses to pay an order whose payment already SUCCEEDED: PAYMENT_NOT_ALLOWED, no second charge', async () => {
    const order = h.order();
    await confirm(order.id, TEST_CARDS.SUCCEEDS);
    const again = await confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(again)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(again.errors?.[0]?.message).toBe(`Order ${order.id} has already been paid.`);
    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    expect(attempts.filter((row) => row.payment.id === payment.id)).toHaveLength(1);
    expect(h.provider.inspect(payment.providerReference!).charges).toBe(1);
  });
});

describe('confirmPayment: refusals, with nothing written', () => {
  async function expectNothingWrittenFor(orderId: string) {
    const { payments } = await h.rows();
    expect(payments.filter((row) => row.orderId === orderId)).toEqual([]);
  }

  it('is for signed-in callers: anonymous → UNAUTHENTICATED, a foreign token → UNAUTHENTICATED', async () => {
    const order = h.order();
    expect(errorCodes(await h.query(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await confirm(order.id, TEST_CARDS.SUCCEEDS, h.tokens.foreign))).toEqual(['UNAUTHENTICATED']);
    await expectNothingWrittenFor(order.id);
  });

  it('answers NOT_FOUND for someone else’s order, exactly as for an unknown or malformed id', async () => {
    const order = h.order({ customerId: CUSTOMER_A });
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const orderId of [order.id, unknown, 'not-a-uuid']) {
      const response = await confirm(orderId, TEST_CARDS.SUCCEEDS, h.tokens.b);
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors?.[0]?.message).toBe(`Order ${orderId} was not found.`);
    }
    await expectNothingWrittenFor(order.id);
  });

  it('pays only a PENDING or AWAITING_PAYMENT order: CANCELLED, PAID, FULFILLED, REFUNDED → PAYMENT_NOT_ALLOWED', async () => {
    const awaiting = h.order({ status: 'AWAITING_PAYMENT' });
    expect((await confirm(awaiting.id, TEST_CARDS.SUCCEEDS)).data?.confirmPayment.status).toBe('SUCCEEDED');
    for (const status of ['CANCELLED', 'PAID', 'FULFILLED', 'REFUNDED']) {
      const order = h.order({ status });
      const response = await confirm(order.id, TEST_CARDS.SUCCEEDS);
      expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
      expect(response.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, orderStatus: status });
      await expectNothingWrittenFor(order.id);
    }
  });

  it('refuses an order total no provider can charge (nothing, or a currency the shop does not trade in): PAYMENT_NOT_ALLOWED', async () => {
    for (const total of [{ amount: 0, currency: 'USD' }, { amount: 500, currency: 'JPY' }]) {
      const order = h.order({ total });
      const response = await confirm(order.id, TEST_CARDS.SUCCEEDS);
      expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
      expect(response.errors?.[0]?.extensions).toMatchObject({ orderId: order.id, ...total });
      await expectNothingWrittenFor(order.id);
    }
  });

  it('checks the card before anything else: each malformed field is BAD_USER_INPUT naming it', async () => {
    const order = h.order();
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
    await expectNothingWrittenFor(order.id);
  });
});

describe('confirmPayment when the orders subgraph is down', () => {
  let down: PaymentsHarness;

  beforeAll(async () => {
    // Port 1 refuses connections: the orders subgraph "is down".
    down = await startPaymentsHarness({ ordersUrl: 'http://127.0.0.1:1/graphql' });
  });
  afterAll(() => down?.stop());

  it('answers SERVICE_UNAVAILABLE naming the orders service and writes nothing', async () => {
    const order = down.order();
    const response = await down.query(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }, down.tokens.a);
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(response.errors?.[0]?.message).toBe('The orders service is unavailable right now; try again shortly.');
    expect(await down.rows()).toEqual({ payments: [], attempts: [] });
  });
});
