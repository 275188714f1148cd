import { DEMO_CUSTOMERS } from '@techally/demo-data';
import {
  createGraphQLClient,
  LogInDocument,
  OrderPageDocument,
  ProductListingDocument,
} from '@techally/web-client';
import { bearer, errorCodes, postGraphQL } from '@techally/testing';
import { CheckoutDriver } from './support/checkout-driver';
import { OrderStatusEvents } from './support/order-status-events';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Customer A's order must not reach customer B by any road: the gateway's root field, User.orders,
// Order.payment, or a direct `_entities` call to the orders or payments subgraph.
let supergraph: TestSupergraph;
const [alice, bob] = DEMO_CUSTOMERS;
const tokens: Record<'alice' | 'bob' | 'admin', string> = { alice: '', bob: '', admin: '' };
let orderId = '';

async function logIn(email: string, password: string): Promise<string> {
  const client = createGraphQLClient({ url: supergraph.gatewayUrl });
  return (await client.request(LogInDocument, { email, password })).logIn.accessToken;
}

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  tokens.alice = await logIn(alice!.email, alice!.password);
  tokens.bob = await logIn(bob!.email, bob!.password);
  tokens.admin = await logIn(TEST_ADMIN.email, TEST_ADMIN.password);
  const client = createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => tokens.alice });
  const listing = await client.request(ProductListingDocument, { first: 20 });
  const product = listing.products.edges.find(({ node }) => node.inStock)!.node;
  // The saga holds the stock before the order can be paid: pay once it is AWAITING_PAYMENT.
  const driver = new CheckoutDriver(client, client, await OrderStatusEvents.follow(supergraph.bus));
  orderId = (await driver.checkout([{ productId: product.id, quantity: 1 }])).id;
}, 180_000);

afterAll(() => supergraph?.stop());

const ORDER_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id total { amount } } } }';
const PAYMENT_OF_ORDER = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { payment { id status } } } }';
const ORDERS_OF_USER = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders(first: 5) { totalCount } } } }';

describe('who can see an order', () => {
  it('shows the order, its payment and the owner’s orders to the owner and to an admin', async () => {
    for (const who of ['alice', 'admin'] as const) {
      const client = createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => tokens[who] });
      const page = await client.request(OrderPageDocument, { id: orderId });
      expect(page.order).toMatchObject({ id: orderId, payment: { status: 'SUCCEEDED' } });
    }
  });

  it('answers NOT_FOUND to another customer through order(id), with no data', async () => {
    const response = await postGraphQL(supergraph.gatewayUrl, 'query($id: ID!) { order(id: $id) { id total { amount } } }', { id: orderId }, bearer(tokens.bob));
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.data?.['order'] ?? null).toBeNull();
  });

  it('refuses another customer’s User.orders', async () => {
    const response = await postGraphQL(supergraph.subgraphUrls['orders']!, ORDERS_OF_USER, { r: [{ __typename: 'User', id: alice!.id }] }, bearer(tokens.bob));
    expect(JSON.stringify(response.data ?? null)).not.toContain('totalCount":1');
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('returns nothing to another customer calling the orders subgraph’s _entities directly', async () => {
    const response = await postGraphQL(supergraph.subgraphUrls['orders']!, ORDER_ENTITY, { r: [{ __typename: 'Order', id: orderId }] }, bearer(tokens.bob));
    expect(response.data).toEqual({ _entities: [null] });
  });

  it('returns no payment to another customer calling the payments subgraph’s _entities directly', async () => {
    const response = await postGraphQL(supergraph.subgraphUrls['payments']!, PAYMENT_OF_ORDER, { r: [{ __typename: 'Order', id: orderId }] }, bearer(tokens.bob));
    expect(response.data).toEqual({ _entities: [{ payment: null }] });
    const owner = await postGraphQL(supergraph.subgraphUrls['payments']!, PAYMENT_OF_ORDER, { r: [{ __typename: 'Order', id: orderId }] }, bearer(tokens.alice));
    expect(owner.data).toEqual({ _entities: [{ payment: { id: expect.any(String), status: 'SUCCEEDED' } }] });
  });

  it('answers UNAUTHENTICATED to an anonymous caller', async () => {
    const response = await postGraphQL(supergraph.gatewayUrl, 'query($id: ID!) { order(id: $id) { id } }', { id: orderId });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

// Issue #14: notification preferences through the gateway (users answers `me`/`user`, notifications the field):
// one's own to read and change, nobody else's, an administrator's neither.
describe('whose notification preferences', () => {
  const MY_PREFERENCES = '{ me { id notificationPreferences { categories { category email emailLocked } smsNumber } } }';
  const UPDATE = 'mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { categories { category email } smsNumber } }';

  it('shows the owner theirs and lets them change them, the receipts\' email locked on', async () => {
    const read = await postGraphQL<{ me: { notificationPreferences: { categories: Array<{ category: string; email: boolean; emailLocked: boolean }> } } }>(
      supergraph.gatewayUrl,
      MY_PREFERENCES,
      {},
      bearer(tokens.alice),
    );
    expect(read.data?.me.notificationPreferences.categories).toContainEqual({ category: 'ORDER_UPDATES', email: true, emailLocked: true });
    const changed = await postGraphQL(supergraph.gatewayUrl, UPDATE, { input: { categories: [{ category: 'MARKETING', email: true }], smsNumber: '+1 415 555 0100' } }, bearer(tokens.alice));
    expect(changed.data?.['updateNotificationPreferences']).toMatchObject({ smsNumber: '+14155550100', categories: expect.arrayContaining([{ category: 'MARKETING', email: true }]) });
    const refused = await postGraphQL(supergraph.gatewayUrl, UPDATE, { input: { categories: [{ category: 'ORDER_UPDATES', email: false }] } }, bearer(tokens.alice));
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses them to an administrator asking for someone else\'s, and to an anonymous caller', async () => {
    const theirs = await postGraphQL(supergraph.gatewayUrl, 'query($id: ID!) { user(id: $id) { id notificationPreferences { smsNumber } } }', { id: alice!.id }, bearer(tokens.admin));
    expect(errorCodes(theirs)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await postGraphQL(supergraph.gatewayUrl, UPDATE, { input: { smsNumber: null } }))).toEqual(['UNAUTHENTICATED']);
  });
});
