import { SimulatedPaymentProvider, TEST_CARDS } from '../simulated.provider';
import { describeProviderContract, failureCode } from './provider-contract';

const NOW = new Date('2026-06-15T12:00:00Z');
const card = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: '123' });

let provider = new SimulatedPaymentProvider(() => NOW);

describeProviderContract('simulated provider', () => ({
  provider,
  charges: (reference) => provider.inspect(reference).charges,
  refunded: (reference) => provider.inspect(reference).refunded,
}));

describe('SimulatedPaymentProvider: its own books', () => {
  beforeEach(() => {
    provider = new SimulatedPaymentProvider(() => NOW);
  });

  async function intent(amount = 5_000) {
    return provider.createIntent({ amount, currency: 'USD', idempotencyKey: `order:${amount}`, metadata: { orderId: `${amount}` } });
  }

  it('counts every confirmation that reached the bank, declined or not, and only those', async () => {
    const { reference } = await intent();
    expect(await failureCode(provider.confirm(reference, card('4242424242424241')))).toBe('BAD_USER_INPUT');
    await provider.confirm(reference, card(TEST_CARDS.INSUFFICIENT_FUNDS));
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    expect(provider.inspect(reference)).toMatchObject({ status: 'succeeded', confirmations: 2, charges: 1 });
  });

  it('checks card expiry against its clock', async () => {
    const { reference } = await intent();
    expect(await failureCode(provider.confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), expYear: 2026, expMonth: 5 }))).toBe('BAD_USER_INPUT');
    expect(await provider.confirm(reference, { ...card(TEST_CARDS.SUCCEEDS), expYear: 2026, expMonth: 6 })).toEqual({ status: 'succeeded' });
  });

  it('keeps intents in memory only: another instance knows none of them', async () => {
    const { reference } = await intent();
    expect(await failureCode(new SimulatedPaymentProvider(() => NOW).confirm(reference, card(TEST_CARDS.SUCCEEDS)))).toBe('resource_missing');
  });

  it('answers a replayed create with the intent as it is now', async () => {
    const { reference } = await intent();
    await provider.confirm(reference, card(TEST_CARDS.SUCCEEDS));
    expect((await intent()).status).toBe('succeeded');
  });
});
