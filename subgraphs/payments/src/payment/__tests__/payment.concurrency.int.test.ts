import { errorCodes } from '@techally/testing';
import { card, CONFIRM, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { TEST_CARDS } from '../../provider/simulated.provider';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPaymentsHarness();
});
afterAll(() => h?.stop());

type Confirmed = { confirmPayment: { id: string; status: string } };

// Against the embedded PGlite (one session) these requests queue on the one connection; against a real
// server (DATABASE_URL) they race for the unique order id and the payment row's lock.
describe('concurrent confirmations of one order', () => {
  it('end with one payment row and exactly one successful charge; the others are PAYMENT_NOT_ALLOWED', async () => {
    for (const racers of [2, 6]) {
      const order = h.order();
      const responses = await Promise.all(
        Array.from({ length: racers }, () =>
          h.query<Confirmed>(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }, h.tokens.a),
        ),
      );
      const succeeded = responses.filter((response) => response.data?.confirmPayment?.status === 'SUCCEEDED');
      const refused = responses.filter((response) => errorCodes(response).join() === 'PAYMENT_NOT_ALLOWED');
      expect({ racers, succeeded: succeeded.length, refused: refused.length }).toEqual({ racers, succeeded: 1, refused: racers - 1 });

      const { payments, attempts } = await h.rows();
      const rows = payments.filter((payment) => payment.orderId === order.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
      expect(attempts.filter((attempt) => attempt.payment.id === rows[0]!.id).map((attempt) => attempt.outcome)).toEqual(['SUCCEEDED']);
      expect(h.provider.inspect(rows[0]!.providerReference!)).toMatchObject({ charges: 1, confirmations: 1 });
    }
  });

  it('let two concurrent retries after a decline charge once', async () => {
    const order = h.order();
    await h.query(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.DECLINED) } }, h.tokens.a);
    const responses = await Promise.all(
      [0, 1].map(() => h.query<Confirmed>(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }, h.tokens.a)),
    );
    expect(responses.map((response) => response.data?.confirmPayment?.status ?? errorCodes(response).join()).sort()).toEqual([
      'PAYMENT_NOT_ALLOWED',
      'SUCCEEDED',
    ]);
    const { payments } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    expect(payment).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(h.provider.inspect(payment.providerReference!).charges).toBe(1);
  });

  it('refund a payment once when two admins refund it at the same moment', async () => {
    const order = h.order();
    const paid = await h.query<Confirmed>(CONFIRM, { input: { orderId: order.id, card: card(TEST_CARDS.SUCCEEDS) } }, h.tokens.a);
    const id = paid.data!.confirmPayment.id;
    const responses = await Promise.all(
      [0, 1].map(() => h.query<{ refundPayment: { status: string } }>(`mutation ($id: ID!) { refundPayment(id: $id) { status } }`, { id }, h.tokens.admin)),
    );
    expect(responses.map((response) => response.data?.refundPayment?.status ?? errorCodes(response).join()).sort()).toEqual([
      'PAYMENT_NOT_ALLOWED',
      'REFUNDED',
    ]);
    const { payments } = await h.rows();
    expect(h.provider.inspect(payments.find((row) => row.id === id)!.providerReference!).refunded).toBe(12_345);
  });
});
