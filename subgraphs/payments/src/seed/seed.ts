import { demoSales, seedUuid } from '@techally/demo-data';
import type { Logger, SubgraphOrm } from '@techally/platform';
import { PaymentAttempt } from '../payment/payment-attempt.entity';
import { Payment, paymentIdempotencyKey } from '../payment/payment.entity';
import { AttemptOutcome, PaymentStatus } from '../payment/payment-status';

/** Any constant works; it only has to be the same for every process that may seed this database. */
const SEED_LOCK_KEY = 0x7061_796d; // "paym"

/**
 * The payments of the demo shop's past sales (`demoSales` of @techally/demo-data, PAID in the orders seed): one
 * SUCCEEDED payment of the sale's total per order, with its one successful attempt (the test card 4242), so
 * `Order.payment` of a paid demo order answers as for any paid order. Does nothing when any payment exists. One
 * transaction under an advisory lock, two multi-row inserts; no event (the orders seed tells the read models).
 *
 * The intents were the simulated provider's, made before this process started: like any intent after a restart of
 * the simulated provider (which keeps them in memory), they cannot be refunded through it.
 */
export async function seedDemoPayments(orm: SubgraphOrm, logger?: Logger): Promise<void> {
  const seeded = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
    if ((await em.count(Payment)) > 0) return null;
    const sales = demoSales(new Date());
    const payments = sales.map((sale) => ({
      id: seedUuid(`demo-payment:${sale.orderId}`),
      orderId: sale.orderId,
      customerId: sale.customer.id,
      amount: sale.total,
      currency: 'USD',
      status: PaymentStatus.SUCCEEDED,
      provider: 'simulated',
      providerReference: `pi_sim_demo_${sale.key.replace(/-/g, '_')}`,
      attempts: 1,
      failureCode: null,
      idempotencyKey: paymentIdempotencyKey(sale.orderId),
      createdAt: new Date(sale.placedAt.getTime() + 1_000),
      updatedAt: sale.paidAt,
    }));
    await em.insertMany(Payment, payments);
    await em.insertMany(
      PaymentAttempt,
      sales.map((sale, index) => ({
        id: seedUuid(`demo-payment:${sale.orderId}:attempt:1`),
        payment: payments[index]!.id,
        number: 1,
        outcome: AttemptOutcome.SUCCEEDED,
        failureCode: null,
        cardLast4: '4242',
        cardBrand: 'visa',
        at: new Date(sale.paidAt.getTime() - 5_000),
      })),
    );
    return { payments: payments.length };
  });
  if (seeded) logger?.info(seeded, 'seeded the demo payments');
}
