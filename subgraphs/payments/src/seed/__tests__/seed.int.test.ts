import { demoSales } from '@techally/demo-data';
import { countStatements } from '@techally/testing';
import { CUSTOMER_A, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPaymentsHarness();
});
afterAll(() => h?.stop());

const ORDER_PAYMENTS = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { id payment { status attempts provider amount { amount currency } } } }
}`;

const orderPayments = (orderIds: string[], token: string) =>
  h.query<{ _entities: Array<{ id: string; payment: { status: string; attempts: number; amount: { amount: number } } | null }> }>(ORDER_PAYMENTS, {
    representations: orderIds.map((id) => ({ __typename: 'Order', id })),
  }, token);

describe('the demo payments seed', () => {
  it('records one SUCCEEDED payment of each past sale’s total, in two multi-row inserts', async () => {
    const counter = countStatements(h.subgraph.orm);
    try {
      await h.subgraph.seed();
      // One multi-row insert per table (the outbox relay's statements run beside it).
      expect(counter.statements.filter((sql) => /^insert into "payments"\."payment(_attempt)?" /.test(sql))).toHaveLength(2);
    } finally {
      counter.stop();
    }
    const sales = demoSales(new Date());
    const response = await orderPayments(
      sales.map((sale) => sale.orderId),
      h.tokens.admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual(
      sales.map((sale) => ({ id: sale.orderId, payment: { status: 'SUCCEEDED', attempts: 1, provider: 'simulated', amount: { amount: sale.total, currency: 'USD' } } })),
    );
  });

  it('shows a customer the payments of her own past orders, as for any paid order', async () => {
    const adas = demoSales(new Date()).filter((sale) => sale.customer.id === CUSTOMER_A);
    expect(adas.length).toBeGreaterThan(0);
    const response = await orderPayments(
      adas.map((sale) => sale.orderId),
      h.tokens.a,
    );
    expect(response.data!._entities.map((order) => order.payment?.status)).toEqual(adas.map(() => 'SUCCEEDED'));
  });

  it('adds nothing when seeded again', async () => {
    const count = async () => (await h.subgraph.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from payments.payment'))[0]!.n;
    const before = await count();
    await h.subgraph.seed();
    expect(await count()).toBe(before);
  });
});
