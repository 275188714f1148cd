import { errorCodes } from '@techally/testing';
import { startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { TEST_CARDS } from '../../provider/simulated.provider';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPaymentsHarness();
});
afterAll(() => h?.stop());

const REFUND = `mutation Refund($id: ID!) { refundPayment(id: $id) { id status amount { amount } } }`;

/** A fresh order of customer A, paid with `number`; the payment's id. */
async function paidWith(number: string): Promise<string> {
  const order = await h.awaitingPayment();
  const response = await h.confirm(order.id, number);
  return response.data!.confirmPayment.id;
}

async function eventTypesOf(paymentId: string): Promise<string[]> {
  const { payments } = await h.rows();
  return (await h.eventsOf(payments.find((payment) => payment.id === paymentId)!.orderId)).map((event) => event.type);
}

async function providerIntentOf(paymentId: string) {
  const { payments } = await h.rows();
  return h.provider.inspect(payments.find((payment) => payment.id === paymentId)!.providerReference!);
}

describe('refundPayment', () => {
  it('refunds a SUCCEEDED payment in full, through the provider, marks it REFUNDED and writes payments.payment-refunded.v1', async () => {
    const id = await paidWith(TEST_CARDS.SUCCEEDS);
    const response = await h.query(REFUND, { id }, h.tokens.admin);
    expect(response).toEqual({ data: { refundPayment: { id, status: 'REFUNDED', amount: { amount: 12_345 } } } });
    expect(await providerIntentOf(id)).toMatchObject({ charges: 1, refunded: 12_345 });
    expect(await eventTypesOf(id)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
    // What went back and why (issue #14): the customer's refund notice and the sales figures need both.
    const { payments } = await h.rows();
    const orderId = payments.find((payment) => payment.id === id)!.orderId;
    expect((await h.eventsOf(orderId)).at(-1)!.payload).toEqual({
      orderId,
      paymentId: id,
      amount: { amount: 12_345, currency: 'USD' },
      reason: 'REQUESTED_BY_ADMIN',
    });
  });

  it('is for admins only: the paying customer → FORBIDDEN, anonymous → UNAUTHENTICATED; nothing changes', async () => {
    const id = await paidWith(TEST_CARDS.SUCCEEDS);
    expect(errorCodes(await h.query(REFUND, { id }, h.tokens.a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(REFUND, { id }))).toEqual(['UNAUTHENTICATED']);
    const { payments } = await h.rows();
    expect(payments.find((payment) => payment.id === id)?.status).toBe('SUCCEEDED');
    expect((await providerIntentOf(id)).refunded).toBe(0);
    expect(await eventTypesOf(id)).toEqual(['payments.payment-succeeded.v1']);
  });

  it('refuses a payment that is not SUCCEEDED: FAILED, or already REFUNDED → PAYMENT_NOT_ALLOWED, refunding nothing twice', async () => {
    const failed = await paidWith(TEST_CARDS.DECLINED);
    const response = await h.query(REFUND, { id: failed }, h.tokens.admin);
    expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ id: failed, paymentStatus: 'FAILED' });

    const refunded = await paidWith(TEST_CARDS.SUCCEEDS);
    await h.query(REFUND, { id: refunded }, h.tokens.admin);
    const again = await h.query(REFUND, { id: refunded }, h.tokens.admin);
    expect(errorCodes(again)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(again.errors?.[0]?.message).toBe(`Payment ${refunded} is REFUNDED; only a SUCCEEDED payment can be refunded.`);
    expect((await providerIntentOf(refunded)).refunded).toBe(12_345);
    expect(await eventTypesOf(refunded)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(errorCodes(await h.query(REFUND, { id }, h.tokens.admin))).toEqual(['NOT_FOUND']);
    }
  });

  it('makes a refunded order unpayable: confirming it again → PAYMENT_NOT_ALLOWED', async () => {
    const order = await h.awaitingPayment();
    const paid = await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    await h.query(REFUND, { id: paid.data!.confirmPayment.id }, h.tokens.admin);
    const again = await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    expect(errorCodes(again)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(again.errors?.[0]?.extensions).toMatchObject({ paymentStatus: 'REFUNDED' });
  });
});
