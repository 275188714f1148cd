import { errorCodes, type GraphQLResponse } from '@techally/testing';
import { CUSTOMER_A, CUSTOMER_B } from '../../__tests__/fixtures';
import { givenOrders, type GivenOrder } from '../../__tests__/order-factory';
import { startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';
import { countRequestStatements } from '../../__tests__/request-statements';
import { OrderStatus } from '../order-status';

const LIST = `query Orders($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id status placedAt customer { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

/** Everything below an order that is a list or a reference: what must not cost a statement per order. */
const DEEP_ORDER = `id number status customer { id } total { amount formatted }
  items { sku quantity unitPrice { amount currency } lineTotal { amount } product { id sku } }
  statusHistory { from status reason at }`;

const OTHER_CUSTOMERS = Array.from({ length: 10 }, (_, index) => `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
const BASE = Date.UTC(2025, 2, 1, 9, 0, 0);
const minutes = (count: number) => new Date(BASE + count * 60_000);

interface Connection {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  totalCount: number;
}

interface Given {
  id: string;
  customerId: string;
  status: OrderStatus;
  placedAt: Date;
}

let h: OrdersHarness;
let given: Given[];

beforeAll(async () => {
  h = await startOrdersHarness();
  const statuses = [OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.FULFILLED];
  const orders: GivenOrder[] = [
    ...Array.from({ length: 7 }, (_, index) => ({ customerId: CUSTOMER_A, status: statuses[index % 4]!, placedAt: minutes(index * 10) })),
    ...Array.from({ length: 5 }, (_, index) => ({ customerId: CUSTOMER_B, status: statuses[index % 2]!, placedAt: minutes(index * 10 + 5) })),
    // Two customers' orders placed in the same millisecond: the id breaks the tie.
    ...OTHER_CUSTOMERS.flatMap((customerId, index) => [
      { customerId, status: OrderStatus.PENDING, placedAt: minutes(100 + index) },
      { customerId, status: OrderStatus.PAID, placedAt: minutes(200) },
    ]),
  ];
  const ids = await givenOrders(h.subgraph.orm, orders);
  given = orders.map((order, index) => ({ id: ids[index]!, customerId: order.customerId, status: order.status!, placedAt: order.placedAt! }));
});
afterAll(() => h?.stop());

/** Newest first, then by id descending: the listing's order. */
function newestFirst(orders: Given[]): string[] {
  return [...orders]
    .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((order) => order.id);
}

/** Follows endCursor to the end; returns the ids in order, the totals seen and the number of pages. */
async function walk(variables: Record<string, unknown>, token = h.tokens.admin) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 1; pages < 50; pages += 1) {
    const response: GraphQLResponse<{ orders: Connection }> = await h.query(LIST, { ...variables, after }, token);
    expect(response.errors).toBeUndefined();
    const connection = response.data!.orders;
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    ids.push(...connection.edges.map((edge) => edge.node.id));
    totals.add(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { ids, totals: [...totals], pages };
    after = connection.pageInfo.endCursor;
  }
  throw new Error('the listing never ended');
}

describe('orders (administrators)', () => {
  it('lists every order newest first, a keyset page at a time, each exactly once', async () => {
    const { ids, totals, pages } = await walk({ first: 3 });
    expect(ids).toEqual(newestFirst(given));
    expect(totals).toEqual([given.length]);
    expect(pages).toBe(Math.ceil(given.length / 3));
  });

  it('narrows by status, by customer, and by both', async () => {
    const paid = await walk({ first: 5, filter: { status: 'PAID' } });
    expect(paid.ids).toEqual(newestFirst(given.filter((order) => order.status === OrderStatus.PAID)));
    const ofB = await walk({ first: 2, filter: { customerId: CUSTOMER_B } });
    expect(ofB.ids).toEqual(newestFirst(given.filter((order) => order.customerId === CUSTOMER_B)));
    const pendingOfA = await walk({ filter: { customerId: CUSTOMER_A, status: 'PENDING' } });
    expect(pendingOfA.ids).toEqual(newestFirst(given.filter((order) => order.customerId === CUSTOMER_A && order.status === OrderStatus.PENDING)));
    expect(pendingOfA.totals).toEqual([2]);
  });

  it('refuses a page size outside 1..100, a cursor it did not issue and a customer id that is not one (BAD_USER_INPUT)', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') }, 'after'],
      [{ filter: { customerId: 'ada' } }, 'filter.customerId'],
    ] as const) {
      const response = await h.query(LIST, variables, h.tokens.admin);
      expect({ variables, codes: errorCodes(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({
        variables,
        codes: ['BAD_USER_INPUT'],
        field,
      });
    }
  });

  it('is for administrators only: FORBIDDEN for a customer, UNAUTHENTICATED for an anonymous caller', async () => {
    expect(errorCodes(await h.query(LIST, {}, h.tokens.a))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(LIST, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('User.orders', () => {
  const USER_ORDERS = `query UserOrders($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on User { id orders(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }
    }
  }`;

  it('pages through one customer’s orders, newest first', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<{ _entities: Array<{ orders: Connection }> }> = await h.query(
        USER_ORDERS,
        { representations: [{ __typename: 'User', id: CUSTOMER_A }], first: 2, after },
        h.tokens.a,
      );
      const orders = response.data!._entities[0]!.orders;
      expect(orders.totalCount).toBe(7);
      ids.push(...orders.edges.map((edge) => edge.node.id));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(ids).toEqual(newestFirst(given.filter((order) => order.customerId === CUSTOMER_A)));
  });

  it('gives each user of a batch their own orders, even with different pages asked for the same user', async () => {
    const response = await h.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id first: orders(first: 1) { edges { node { id } } } all: orders(first: 100) { edges { node { id } } } } } }`,
      { r: [{ __typename: 'User', id: CUSTOMER_A }, { __typename: 'User', id: CUSTOMER_B }] },
      h.tokens.admin,
    );
    const [a, b] = response.data!['_entities'];
    const idsOf = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);
    expect(idsOf(a.all)).toEqual(newestFirst(given.filter((order) => order.customerId === CUSTOMER_A)));
    expect(idsOf(a.first)).toEqual(idsOf(a.all).slice(0, 1));
    expect(idsOf(b.all)).toEqual(newestFirst(given.filter((order) => order.customerId === CUSTOMER_B)));
  });
});

describe('the cost of a request', () => {
  /** Statements an operation costs (run once to warm up nothing: each request has its own loaders). */
  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ count: number; errors: unknown }> {
    const counter = countRequestStatements(h.subgraph.orm);
    try {
      const response = await h.query(query, variables, h.tokens.admin);
      return { count: counter.count, errors: response.errors };
    } finally {
      counter.stop();
    }
  }

  it('lists 20 orders with their items, history and money in as many statements as 2 (3: page, items, history)', async () => {
    const query = `query($first: Int) { orders(first: $first) { edges { node { ${DEEP_ORDER} } } } }`;
    const few = await statementsFor(query, { first: 2 });
    const many = await statementsFor(query, { first: 20 });
    expect({ few, many }).toEqual({ few: { count: 3, errors: undefined }, many: { count: 3, errors: undefined } });
  });

  it('resolves 20 order references with items and history in as many statements as 2 (3)', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { ${DEEP_ORDER} } } }`;
    const refs = given.map((order) => ({ __typename: 'Order', id: order.id }));
    const few = await statementsFor(query, { r: refs.slice(0, 2) });
    const many = await statementsFor(query, { r: refs.slice(0, 20) });
    expect({ few, many }).toEqual({ few: { count: 3, errors: undefined }, many: { count: 3, errors: undefined } });
  });

  it('answers User.orders for 10 users, with items, history and totals, in as many statements as for 2 (4)', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders { edges { node { ${DEEP_ORDER} } } totalCount } } } }`;
    const users = [CUSTOMER_A, CUSTOMER_B, ...OTHER_CUSTOMERS].map((id) => ({ __typename: 'User', id }));
    const few = await statementsFor(query, { r: users.slice(0, 2) });
    const many = await statementsFor(query, { r: users.slice(0, 10) });
    expect({ few, many }).toEqual({ few: { count: 4, errors: undefined }, many: { count: 4, errors: undefined } });
  });
});
