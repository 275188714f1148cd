import { errorCodes } from '@techally/testing';
import { startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { RecordingProvider } from '../../__tests__/recording.provider';
import { TEST_CARDS } from '../../provider/simulated.provider';
import { PaymentAttempt } from '../payment-attempt.entity';
import { Payment } from '../payment.entity';
import { ABANDONED_ATTEMPT_AFTER_MS } from '../payment.repository';
import { AttemptOutcome } from '../payment-status';

const provider = new RecordingProvider();
let h: PaymentsHarness<RecordingProvider>;

beforeAll(async () => {
  h = await startPaymentsHarness({ provider });
});
afterAll(() => h?.stop());

const confirm = (orderId: string, number: string = TEST_CARDS.SUCCEEDS) => h.confirm(orderId, number);

/** Writes a PROCESSING attempt that started `ageMs` ago, as a confirmation still at (or lost at) the provider. */
async function attemptInFlight(orderId: string, ageMs: number): Promise<void> {
  const em = h.subgraph.orm.em.fork();
  const payment = await em.findOneOrFail(Payment, { orderId });
  payment.attempts += 1;
  em.create(PaymentAttempt, {
    payment,
    number: payment.attempts,
    outcome: AttemptOutcome.PROCESSING,
    cardLast4: '4242',
    cardBrand: 'visa',
    at: new Date(Date.now() - ageMs),
  });
  await em.flush();
}

describe('a confirmation in flight', () => {
  it('keeps a second one from reaching the provider: PAYMENT_NOT_ALLOWED while it is PROCESSING', async () => {
    const order = await h.awaitingPayment();
    await attemptInFlight(order.id, 1_000);
    const response = await confirm(order.id);
    expect(errorCodes(response)).toEqual(['PAYMENT_NOT_ALLOWED']);
    expect(response.errors?.[0]?.message).toBe(`A payment attempt for order ${order.id} is already in progress; wait for its outcome.`);
  });

  it('is taken as abandoned once older than the limit: the next confirmation proceeds and marks it so', async () => {
    const order = await h.awaitingPayment();
    await attemptInFlight(order.id, ABANDONED_ATTEMPT_AFTER_MS + 1_000);
    const response = await confirm(order.id);
    expect(response.data?.confirmPayment).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    const ofPayment = attempts.filter((row) => row.payment.id === payment.id).sort((x, y) => x.number - y.number);
    expect(ofPayment.map((row) => [row.number, row.outcome, row.failureCode])).toEqual([
      [1, 'ERROR', 'abandoned'],
      [2, 'SUCCEEDED', null],
    ]);
  });
});

describe('when the provider fails', () => {
  afterEach(() => {
    provider.down = false;
  });

  it('answers SERVICE_UNAVAILABLE without the provider’s words, records the attempt as ERROR, writes no event, and a retry can succeed', async () => {
    const order = await h.awaitingPayment();
    provider.down = true;
    const failed = await confirm(order.id);
    expect(errorCodes(failed)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(failed.errors?.[0]?.message).toBe('The payment provider is unavailable right now; nothing was charged. Try again shortly.');

    const { payments, attempts } = await h.rows();
    const payment = payments.find((row) => row.orderId === order.id)!;
    expect(payment).toMatchObject({ status: 'PENDING', attempts: 1, failureCode: null });
    expect(attempts.filter((row) => row.payment.id === payment.id).map((row) => [row.outcome, row.failureCode])).toEqual([
      ['ERROR', 'api_connection_error'],
    ]);
    expect(await h.eventsOf(order.id)).toEqual([]);

    provider.down = false;
    expect((await confirm(order.id)).data?.confirmPayment).toMatchObject({ id: payment.id, status: 'SUCCEEDED', attempts: 2 });
    expect((await h.eventsOf(order.id)).map((event) => event.type)).toEqual(['payments.payment-succeeded.v1']);
  });
});
