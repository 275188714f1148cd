import { errorCodes } from '@techally/testing';
import { startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { TEST_CARDS } from '../../provider/simulated.provider';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPaymentsHarness();
});
afterAll(() => h?.stop());

// Against the embedded PGlite (one session) these requests queue on the one connection; against a real
// server (DATABASE_URL) they race for the payment row's lock.
describe('concurrent confirmations of one order', () => {
  it('end with exactly one successful charge and one payment-succeeded event; the others are PAYMENT_NOT_ALLOWED', async () => {
    for (const racers of [2, 6]) {
      const order = await h.awaitingPayment();
      const responses = await Promise.all(Array.from({ length: racers }, () => h.confirm(order.id, TEST_CARDS.SUCCEEDS)));
      const succeeded = responses.filter((response) => response.data?.confirmPayment?.status === 'SUCCEEDED');
      const refused = responses.filter((response) => errorCodes(response).join() === 'PAYMENT_NOT_ALLOWED');
      expect({ racers, succeeded: succeeded.length, refused: refused.length }).toEqual({ racers, succeeded: 1, refused: racers - 1 });

      const { payments, attempts } = await h.rows();
      const rows = payments.filter((payment) => payment.orderId === order.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
      expect(attempts.filter((attempt) => attempt.payment.id === rows[0]!.id).map((attempt) => attempt.outcome)).toEqual(['SUCCEEDED']);
      expect(h.provider.inspect(rows[0]!.providerReference!)).toMatchObject({ charges: 1, confirmations: 1 });
      expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1']);
    }
  });

  it('of declined cards end with one decline and one payment-failed event', async () => {
    const order = await h.awaitingPayment();
    const responses = await Promise.all([0, 1, 2].map(() => h.confirm(order.id, TEST_CARDS.DECLINED)));
    expect(responses.map((response) => response.data?.confirmPayment?.status ?? errorCodes(response).join()).sort()).toEqual([
      'FAILED',
      'PAYMENT_NOT_ALLOWED',
      'PAYMENT_NOT_ALLOWED',
    ]);
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-failed.v1']);
  });

  it('refund a payment once when two admins refund it at the same moment', async () => {
    const order = await h.awaitingPayment();
    const paid = await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    const id = paid.data!.confirmPayment.id;
    const responses = await Promise.all(
      [0, 1].map(() => h.query<{ refundPayment: { status: string } }>(`mutation ($id: ID!) { refundPayment(id: $id) { status } }`, { id }, h.tokens.admin)),
    );
    expect(responses.map((response) => response.data?.refundPayment?.status ?? errorCodes(response).join()).sort()).toEqual([
      'PAYMENT_NOT_ALLOWED',
      'REFUNDED',
    ]);
    const payment = await h.paymentOf(order.id);
    expect(h.provider.inspect(payment!.providerReference!).refunded).toBe(12_345);
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1', 'payments.payment-refunded.v1']);
  });
});
