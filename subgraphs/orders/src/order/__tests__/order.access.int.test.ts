import { entitiesQuery, errorCodes, errorCodesByPath, malformedRepresentations, type GraphQLResponse } from '@techally/testing';
import { A_IN_US, B_IN_DE, CABLE, CUSTOMER_A, CUSTOMER_B } from '../../__tests__/fixtures';
import { ORDER, PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';

/** What payments asks for, with the customer's forwarded token. */
const ORDER_ENTITIES = `query OrderEntities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { id status total { amount currency } customer { id } } }
}`;

const USER_ORDERS = `query UserOrders($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id orders { edges { node { id } } totalCount } } }
}`;

const UNKNOWN_ORDER = 'dead0000-0000-4000-8000-00000000dead';

let h: OrdersHarness;
let orderOfA: string;
let orderOfB: string;

beforeAll(async () => {
  h = await startOrdersHarness();
  const place = async (token: string, addressId: string) => {
    const input = { items: [{ productId: CABLE.id, quantity: 1 }], shippingAddressId: addressId, idempotencyKey: newIdempotencyKey() };
    return (await h.query(PLACE_ORDER, { input }, token)).data!['placeOrder'].id as string;
  };
  orderOfA = await place(h.tokens.a, A_IN_US.id);
  orderOfB = await place(h.tokens.b, B_IN_DE.id);
});
afterAll(() => h?.stop());

/** The response with the order id blanked, to compare "someone else's" with "does not exist". */
function withoutId(response: GraphQLResponse, id: string): unknown {
  return JSON.parse(JSON.stringify(response).split(id).join('<id>'));
}

describe('order(id)', () => {
  it('shows an order to its customer', async () => {
    const response = await h.query(ORDER, { id: orderOfA }, h.tokens.a);
    expect(response.data?.['order']).toMatchObject({ id: orderOfA, customer: { id: CUSTOMER_A } });
  });

  it('shows any order to an administrator', async () => {
    const response = await h.query(ORDER, { id: orderOfB }, h.tokens.admin);
    expect(response.data?.['order']).toMatchObject({ id: orderOfB, customer: { id: CUSTOMER_B } });
  });

  it('answers another customer exactly as for an order that does not exist: NOT_FOUND, no data', async () => {
    const foreign = await h.query(ORDER, { id: orderOfA }, h.tokens.b);
    const unknown = await h.query(ORDER, { id: UNKNOWN_ORDER }, h.tokens.b);
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0]?.message).toBe(`Order ${orderOfA} was not found.`);
    expect(foreign.data).toEqual({ order: null });
    expect(withoutId(foreign, orderOfA)).toEqual(withoutId(unknown, UNKNOWN_ORDER));
  });

  it('answers NOT_FOUND for an id that is not a UUID', async () => {
    expect(errorCodes(await h.query(ORDER, { id: 'TA-100001' }, h.tokens.a))).toEqual(['NOT_FOUND']);
  });

  it('refuses anonymous callers with UNAUTHENTICATED, and forged tokens too', async () => {
    expect(errorCodes(await h.query(ORDER, { id: orderOfA }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.query(ORDER, { id: orderOfA }, h.tokens.forged))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Order references (_entities), which anyone can call directly', () => {
  const representations = () => [
    { __typename: 'Order', id: orderOfA },
    { __typename: 'Order', id: orderOfB },
    { __typename: 'Order', id: UNKNOWN_ORDER },
  ];
  const answer = (id: string, customerId: string) => ({ id, status: 'PENDING', total: { amount: expect.any(Number), currency: 'USD' }, customer: { id: customerId } });

  it('resolve for the order’s customer only, null for the rest of the batch', async () => {
    const response = await h.query(ORDER_ENTITIES, { representations: representations() }, h.tokens.a);
    expect(response).toEqual({ data: { _entities: [answer(orderOfA, CUSTOMER_A), null, null] } });
  });

  it('resolve every order for an administrator', async () => {
    const response = await h.query(ORDER_ENTITIES, { representations: representations() }, h.tokens.admin);
    expect(response).toEqual({ data: { _entities: [answer(orderOfA, CUSTOMER_A), answer(orderOfB, CUSTOMER_B), null] } });
  });

  it('resolve nothing for an anonymous caller', async () => {
    const response = await h.query(ORDER_ENTITIES, { representations: representations() });
    expect(response).toEqual({ data: { _entities: [null, null, null] } });
  });

  it('refuse a forged token with UNAUTHENTICATED', async () => {
    expect(errorCodes(await h.query(ORDER_ENTITIES, { representations: representations() }, h.tokens.forged))).toEqual(['UNAUTHENTICATED']);
  });

  // Issue #9: these were INTERNAL_SERVER_ERROR or a silent null; a caller sending them made a mistake.
  it('answer BAD_USER_INPUT for an unknown __typename and a malformed Order, User or Product id, resolving the rest', async () => {
    const response = await h.query(entitiesQuery('... on Order { id } ... on User { id } ... on Product { id }'), {
      representations: [
        ...malformedRepresentations('Order'),
        { __typename: 'User', id: 'customer-a' },
        { __typename: 'Product', id: 'sony' },
        { __typename: 'Order', id: orderOfA },
      ],
    }, h.tokens.a);
    expect(errorCodesByPath(response)).toEqual({
      '_entities.0': 'BAD_USER_INPUT',
      '_entities.1': 'BAD_USER_INPUT',
      '_entities.2': 'BAD_USER_INPUT',
      '_entities.3': 'BAD_USER_INPUT',
    });
    expect(response.data).toEqual({ _entities: [null, null, null, null, { id: orderOfA }] });
  });
});

describe('User.orders', () => {
  const ofA = { representations: [{ __typename: 'User', id: CUSTOMER_A }] };

  it('lists a customer’s own orders to them', async () => {
    const response = await h.query(USER_ORDERS, ofA, h.tokens.a);
    expect(response).toEqual({ data: { _entities: [{ id: CUSTOMER_A, orders: { edges: [{ node: { id: orderOfA } }], totalCount: 1 } }] } });
  });

  it('lists them to an administrator', async () => {
    const response = await h.query(USER_ORDERS, ofA, h.tokens.admin);
    expect(response.data?.['_entities'][0].orders.edges).toEqual([{ node: { id: orderOfA } }]);
  });

  it('refuses another customer with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async () => {
    const foreign = await h.query(USER_ORDERS, ofA, h.tokens.b);
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect(foreign.errors?.[0]?.message).toBe('Only the customer themself or an administrator can see their orders.');
    expect(errorCodes(await h.query(USER_ORDERS, ofA))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers an administrator with an empty list for a user without orders', async () => {
    const response = await h.query(USER_ORDERS, { representations: [{ __typename: 'User', id: 'feed0000-0000-4000-8000-00000000feed' }] }, h.tokens.admin);
    expect(response.data?.['_entities'][0].orders).toEqual({ edges: [], totalCount: 0 });
  });
});
