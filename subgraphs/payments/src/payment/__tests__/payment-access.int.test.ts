import { countStatements, errorCodes, errorCodesByPath, malformedRepresentations } from '@techally/testing';
import { CUSTOMER_B, startPaymentsHarness, type PaymentsHarness } from '../../__tests__/payments.harness';
import { TEST_CARDS } from '../../provider/simulated.provider';

let h: PaymentsHarness;
/** Customer A's paid order and its payment. */
let orderId: string;
let paymentId: string;

beforeAll(async () => {
  // The statement counts below see every statement of the subgraph's pool: keep its background workers (the
  // outbox relay, woken by each payment's events, and the refund sweep) quiet meanwhile.
  h = await startPaymentsHarness({ env: { OUTBOX_LISTEN: 'false', OUTBOX_POLL_INTERVAL_MS: '60000', REFUND_SWEEP_INTERVAL_MS: '600000' } });
  const order = await h.awaitingPayment();
  orderId = order.id;
  const response = await h.confirm(orderId, TEST_CARDS.SUCCEEDS);
  paymentId = response.data!.confirmPayment.id;
});
afterAll(() => h?.stop());

const PAYMENT = `query Payment($id: ID!) { payment(id: $id) { id status amount { amount } order { id } } }`;

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Payment { id status amount { amount currency } }
    ... on Order { id payment { id status order { id } } }
  }
}`;

describe('payment(id)', () => {
  it('shows a payment to its order’s customer and to an admin', async () => {
    for (const token of [h.tokens.a, h.tokens.admin]) {
      const response = await h.query(PAYMENT, { id: paymentId }, token);
      expect(response).toEqual({ data: { payment: { id: paymentId, status: 'SUCCEEDED', amount: { amount: 12_345 }, order: { id: orderId } } } });
    }
  });

  it('answers NOT_FOUND to another customer, exactly as for an unknown or malformed id', async () => {
    for (const id of [paymentId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await h.query(PAYMENT, { id }, h.tokens.b);
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.errors?.[0]?.message).toBe(`Payment ${id} was not found.`);
    }
  });

  it('answers UNAUTHENTICATED when anonymous', async () => {
    expect(errorCodes(await h.query(PAYMENT, { id: paymentId }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Order.payment and Payment through _entities (as the gateway, or a client calling the subgraph directly)', () => {
  const representations = () => [
    { __typename: 'Payment', id: paymentId },
    { __typename: 'Order', id: orderId },
  ];

  it('resolves both for the customer and for an admin', async () => {
    for (const token of [h.tokens.a, h.tokens.admin]) {
      const response = await h.query(ENTITIES, { representations: representations() }, token);
      expect(response).toEqual({
        data: {
          _entities: [
            { id: paymentId, status: 'SUCCEEDED', amount: { amount: 12_345, currency: 'USD' } },
            { id: orderId, payment: { id: paymentId, status: 'SUCCEEDED', order: { id: orderId } } },
          ],
        },
      });
    }
  });

  it('answers null to another customer: no Payment, and an Order without its payment', async () => {
    const response = await h.query(ENTITIES, { representations: representations() }, h.tokens.b);
    expect(response).toEqual({ data: { _entities: [null, { id: orderId, payment: null }] } });
  });

  it('answers null for an order that has no payment yet', async () => {
    const unpaid = h.order({ customerId: CUSTOMER_B });
    const response = await h.query(ENTITIES, { representations: [{ __typename: 'Order', id: unpaid.id }] }, h.tokens.b);
    expect(response).toEqual({ data: { _entities: [{ id: unpaid.id, payment: null }] } });
  });

  it('answers UNAUTHENTICATED when anonymous, for both', async () => {
    const response = await h.query(ENTITIES, { representations: representations() });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(response.data).toEqual({ _entities: [null, { id: orderId, payment: null }] });
  });

  it('does not hide the customer id from the subgraph, but the field is @inaccessible to clients of the graph', async () => {
    const response = await h.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { customerId } } }`, {
      r: [{ __typename: 'Payment', id: paymentId }],
    }, h.tokens.admin);
    expect(response.data).toEqual({ _entities: [{ customerId: expect.any(String) }] });
  });

  // Issue #9: these were INTERNAL_SERVER_ERROR; a caller sending them made a mistake.
  it('answers BAD_USER_INPUT for an unknown __typename and a malformed Payment or Order id, resolving the rest', async () => {
    const response = await h.query(ENTITIES, {
      representations: [...malformedRepresentations('Payment'), { __typename: 'Order', id: 'order-1' }, { __typename: 'Payment', id: paymentId }],
    }, h.tokens.a);
    expect(errorCodesByPath(response)).toEqual({ '_entities.0': 'BAD_USER_INPUT', '_entities.1': 'BAD_USER_INPUT', '_entities.2': 'BAD_USER_INPUT' });
    expect(response.data).toEqual({ _entities: [null, null, null, { id: paymentId, status: 'SUCCEEDED', amount: { amount: 12_345, currency: 'USD' } }] });
  });
});

describe('cost', () => {
  async function statementsForOrders(count: number): Promise<number> {
    const orderIds: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const order = await h.awaitingPayment();
      orderIds.push(order.id);
      await h.confirm(order.id, TEST_CARDS.SUCCEEDS);
    }
    const counter = countStatements(h.subgraph.orm);
    try {
      const response = await h.query<{ _entities: Array<{ payment: { id: string } | null }> }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id payment { id status amount { formatted } order { id } } } } }`,
        { r: orderIds.map((id) => ({ __typename: 'Order', id })) },
        h.tokens.admin,
      );
      expect(response.data?._entities.filter((order) => order.payment !== null)).toHaveLength(count);
      return counter.count;
    } finally {
      counter.stop();
    }
  }

  it('costs one statement for Order.payment whether the gateway asks for 2 orders or 20', async () => {
    const forTwo = await statementsForOrders(2);
    const forTwenty = await statementsForOrders(20);
    expect(forTwo).toBe(1);
    expect(forTwenty).toBe(forTwo);
  });

  it('costs one statement for a batch of Payment references', async () => {
    const { payments } = await h.rows();
    const counter = countStatements(h.subgraph.orm);
    try {
      const response = await h.query<{ _entities: unknown[] }>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id order { id } } } }`,
        { r: payments.map((payment) => ({ __typename: 'Payment', id: payment.id })) },
        h.tokens.admin,
      );
      expect(response.data?._entities).toHaveLength(payments.length);
      expect(payments.length).toBeGreaterThan(20);
      expect(counter.count).toBe(1);
    } finally {
      counter.stop();
    }
  });
});
