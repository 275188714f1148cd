import { errorCodes, postGraphQL, bearer } from '@techally/testing';
import { A_IN_GB, A_IN_JP, A_IN_US, ARCHIVED_PHONE, B_IN_DE, CABLE, CUSTOMER_A, EURO_MUG, HEADPHONES, KETTLEBELL, UNKNOWN_PRODUCT } from '../../__tests__/fixtures';
import { PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';

let h: OrdersHarness;

beforeAll(async () => {
  h = await startOrdersHarness();
});
afterAll(() => h?.stop());

interface Line {
  productId: string;
  quantity: number;
}

function input(items: Line[], shippingAddressId = A_IN_US.id, idempotencyKey = newIdempotencyKey()) {
  return { items, shippingAddressId, idempotencyKey };
}

function place(items: Line[], token: string | undefined = h.tokens.a, shippingAddressId = A_IN_US.id) {
  return h.query(PLACE_ORDER, { input: input(items, shippingAddressId) }, token);
}

/** Calls made to each stand-in since `mark()`. */
function serviceCalls() {
  const users = h.users.calls.length;
  const products = h.products.calls.length;
  return () => ({ users: h.users.calls.length - users, products: h.products.calls.length - products });
}

/** Sends `variables`, expects one error with `code` (and `field`), and proves nothing was written or asked. */
async function expectRefused(
  variables: Record<string, unknown>,
  expected: { code: string; field?: string; message?: string | RegExp },
  options: { token?: string; servicesAsked?: boolean } = {},
): Promise<void> {
  const before = await h.tableCounts();
  const calls = serviceCalls();
  const response = await h.query(PLACE_ORDER, variables, 'token' in options ? options.token : h.tokens.a);
  expect(errorCodes(response)).toEqual([expected.code]);
  if (expected.field) expect(response.errors?.[0]?.extensions?.['field']).toBe(expected.field);
  if (expected.message) expect(response.errors?.[0]?.message).toMatch(expected.message);
  expect(response.data ?? null).toBeNull();
  expect(await h.tableCounts()).toEqual(before);
  if (!options.servicesAsked) expect(calls()).toEqual({ users: 0, products: 0 });
}

describe('placeOrder, the happy path', () => {
  it('places a PENDING order priced by the server: lines, subtotal, shipping, tax and total', async () => {
    // 2 × $19.99 + 1 × $35.00 = $74.98 of goods; 8.4 kg → $4.99 + 8 × $1.00 = $12.99 shipping;
    // 8% US tax on $87.97 = $7.04; total $95.01.
    const response = await place([
      { productId: CABLE.id, quantity: 2 },
      { productId: KETTLEBELL.id, quantity: 1 },
    ]);
    expect(response.errors).toBeUndefined();
    const order = response.data!['placeOrder'];
    expect(order).toMatchObject({
      number: expect.stringMatching(/^TA-\d{6}$/),
      status: 'PENDING',
      customer: { id: CUSTOMER_A },
      items: [
        {
          sku: CABLE.sku,
          name: CABLE.name,
          quantity: 2,
          unitPrice: { amount: 1_999, currency: 'USD', formatted: '$19.99' },
          lineTotal: { amount: 3_998, currency: 'USD' },
          product: { id: CABLE.id, sku: CABLE.sku },
        },
        {
          sku: KETTLEBELL.sku,
          name: KETTLEBELL.name,
          quantity: 1,
          unitPrice: { amount: 3_500, currency: 'USD', formatted: '$35.00' },
          lineTotal: { amount: 3_500, currency: 'USD' },
          product: { id: KETTLEBELL.id, sku: KETTLEBELL.sku },
        },
      ],
      subtotal: { amount: 7_498, currency: 'USD' },
      shipping: { amount: 1_299, currency: 'USD' },
      tax: { amount: 704, currency: 'USD' },
      total: { amount: 9_501, currency: 'USD', formatted: '$95.01' },
      shippingAddress: {
        fullName: A_IN_US.fullName,
        line1: A_IN_US.line1,
        line2: A_IN_US.line2,
        city: A_IN_US.city,
        region: A_IN_US.region,
        postalCode: A_IN_US.postalCode,
        country: 'US',
        phone: A_IN_US.phone,
      },
      statusHistory: [{ from: null, status: 'PENDING', reason: 'placed', at: order.placedAt }],
    });
    expect(order.updatedAt).toBe(order.placedAt);
  });

  it('stores exactly what it answered', async () => {
    const order = (await place([{ productId: HEADPHONES.id, quantity: 1 }])).data!['placeOrder'];
    const [row] = await h.sql(
      `select number, customer_id, status, currency, subtotal, shipping, tax, total, shipping_country, idempotency_key, request_hash
       from orders."order" where id = ?`,
      [order.id],
    );
    expect(row).toMatchObject({
      number: order.number,
      customer_id: CUSTOMER_A,
      status: 'PENDING',
      currency: 'USD',
      subtotal: order.subtotal.amount,
      shipping: order.shipping.amount,
      tax: order.tax.amount,
      total: order.total.amount,
      shipping_country: 'US',
      request_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const items = await h.sql(`select position, product_id, sku, name, unit_price, quantity, line_total from orders.order_item where order_id = ?`, [order.id]);
    expect(items).toEqual([
      { position: 0, product_id: HEADPHONES.id, sku: HEADPHONES.sku, name: HEADPHONES.name, unit_price: 34_900, quantity: 1, line_total: 34_900 },
    ]);
    const changes = await h.sql(`select from_status, to_status, reason, actor from orders.order_status_change where order_id = ?`, [order.id]);
    expect(changes).toEqual([{ from_status: null, to_status: 'PENDING', reason: 'placed', actor: `customer:${CUSTOMER_A}` }]);
  });

  it('ships free from $100.00 of goods and charges 20% VAT to Great Britain, on the goods', async () => {
    const order = (await place([{ productId: HEADPHONES.id, quantity: 1 }], h.tokens.a, A_IN_GB.id)).data!['placeOrder'];
    expect(order).toMatchObject({
      subtotal: { amount: 34_900 },
      shipping: { amount: 0 },
      tax: { amount: 6_980 },
      total: { amount: 41_880 },
      shippingAddress: { country: 'GB', city: 'London' },
    });
  });

  it('collects no tax where the tax policy has no rate (Japan)', async () => {
    const order = (await place([{ productId: CABLE.id, quantity: 1 }], h.tokens.a, A_IN_JP.id)).data!['placeOrder'];
    expect(order).toMatchObject({ subtotal: { amount: 1_999 }, shipping: { amount: 499 }, tax: { amount: 0 }, total: { amount: 2_498 } });
  });

  it('numbers orders uniquely and in sequence', async () => {
    const first = (await place([{ productId: CABLE.id, quantity: 1 }])).data!['placeOrder'].number as string;
    const second = (await place([{ productId: CABLE.id, quantity: 1 }])).data!['placeOrder'].number as string;
    expect(Number(second.slice(3))).toBeGreaterThan(Number(first.slice(3)));
  });

  it('asks products once for every line (without the customer’s token) and users with it, forwarding the request id', async () => {
    const calls = serviceCalls();
    const response = await postGraphQL(
      h.url,
      PLACE_ORDER,
      { input: input([{ productId: CABLE.id, quantity: 1 }, { productId: HEADPHONES.id, quantity: 1 }, { productId: KETTLEBELL.id, quantity: 3 }]) },
      { ...bearer(h.tokens.a), 'x-request-id': 'checkout-spec-1' },
    );
    expect(response.errors).toBeUndefined();
    expect(calls()).toEqual({ users: 1, products: 1 });
    expect(h.products.calls.at(-1)).toEqual({ authorization: undefined, requestId: 'checkout-spec-1' });
    expect(h.users.calls.at(-1)).toEqual({ authorization: `Bearer ${h.tokens.a}`, requestId: 'checkout-spec-1' });
  });

  it('has no way for a client to send a price', async () => {
    await expectRefused(
      { input: { ...input([{ productId: CABLE.id, quantity: 1 }]), items: [{ productId: CABLE.id, quantity: 1, unitPrice: 1 }] } },
      { code: 'BAD_USER_INPUT', message: /unitPrice/ },
    );
  });
});

describe('placeOrder refuses, writing nothing', () => {
  it('an anonymous caller (UNAUTHENTICATED), before asking any service', async () => {
    await expectRefused({ input: input([{ productId: CABLE.id, quantity: 1 }]) }, { code: 'UNAUTHENTICATED' }, { token: undefined });
  });

  it('a token this graph did not sign (UNAUTHENTICATED)', async () => {
    await expectRefused({ input: input([{ productId: CABLE.id, quantity: 1 }]) }, { code: 'UNAUTHENTICATED' }, { token: h.tokens.forged });
  });

  it('an empty cart, and more than 50 lines (items)', async () => {
    await expectRefused({ input: input([]) }, { code: 'BAD_USER_INPUT', field: 'items', message: 'An order needs at least one item.' });
    const many = Array.from({ length: 51 }, (_, index) => ({ productId: `20000000-0000-4000-8000-${String(index).padStart(12, '0')}`, quantity: 1 }));
    await expectRefused({ input: input(many) }, { code: 'BAD_USER_INPUT', field: 'items', message: 'An order has at most 50 lines, got 51.' });
  });

  it.each([0, -3, 100, 5_000_000])('quantity %p (items[1].quantity)', async (quantity) => {
    await expectRefused(
      { input: input([{ productId: CABLE.id, quantity: 1 }, { productId: HEADPHONES.id, quantity }]) },
      { code: 'BAD_USER_INPUT', field: 'items[1].quantity', message: `items[1].quantity must be a whole number from 1 to 99, got ${quantity}.` },
    );
  });

  it('a quantity beyond GraphQL’s Int, or not an integer, before any resolver runs', async () => {
    await expectRefused({ input: input([{ productId: CABLE.id, quantity: 2 ** 40 }]) }, { code: 'BAD_USER_INPUT' });
    await expectRefused({ input: input([{ productId: CABLE.id, quantity: 1.5 }]) }, { code: 'BAD_USER_INPUT' });
  });

  it('the same product on two lines (items[1].productId)', async () => {
    await expectRefused(
      { input: input([{ productId: CABLE.id, quantity: 1 }, { productId: CABLE.id, quantity: 2 }]) },
      { code: 'BAD_USER_INPUT', field: 'items[1].productId' },
    );
  });

  it.each(['short', 'has spaces in it', 'x'.repeat(101)])('idempotency key %p (idempotencyKey)', async (idempotencyKey) => {
    await expectRefused(
      { input: { ...input([{ productId: CABLE.id, quantity: 1 }]), idempotencyKey } },
      { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    );
  });

  it('a product the catalog does not know, naming it (items[1].productId)', async () => {
    await expectRefused(
      { input: input([{ productId: CABLE.id, quantity: 1 }, { productId: UNKNOWN_PRODUCT, quantity: 1 }]) },
      { code: 'BAD_USER_INPUT', field: 'items[1].productId', message: `Product ${UNKNOWN_PRODUCT} does not exist.` },
      { servicesAsked: true },
    );
  });

  it('an archived product (PRODUCT_UNAVAILABLE naming it)', async () => {
    await expectRefused(
      { input: input([{ productId: ARCHIVED_PHONE.id, quantity: 1 }]) },
      { code: 'PRODUCT_UNAVAILABLE', field: 'items[0].productId', message: `"${ARCHIVED_PHONE.name}" (${ARCHIVED_PHONE.id}) is no longer sold.` },
      { servicesAsked: true },
    );
  });

  it('a product priced outside the shop currency (PRODUCT_UNAVAILABLE)', async () => {
    await expectRefused(
      { input: input([{ productId: EURO_MUG.id, quantity: 1 }]) },
      { code: 'PRODUCT_UNAVAILABLE', field: 'items[0].productId', message: /priced in EUR/ },
      { servicesAsked: true },
    );
  });

  it('an address that is someone else’s, unknown, or not an id (shippingAddressId)', async () => {
    const lines = [{ productId: CABLE.id, quantity: 1 }];
    for (const addressId of [B_IN_DE.id, 'a0000000-0000-4000-8000-0000000000ff']) {
      await expectRefused(
        { input: input(lines, addressId) },
        { code: 'BAD_USER_INPUT', field: 'shippingAddressId', message: `shippingAddressId "${addressId}" is not one of your addresses.` },
        { servicesAsked: true },
      );
    }
    await expectRefused({ input: input(lines, 'home') }, { code: 'BAD_USER_INPUT', field: 'shippingAddressId' });
  });
});

describe('placeOrder when another subgraph is down', () => {
  it.each([
    ['products', 'SUBGRAPH_PRODUCTS_URL'],
    ['users', 'SUBGRAPH_USERS_URL'],
  ])('answers SERVICE_UNAVAILABLE naming %s, and writes nothing', async (service, variable) => {
    // Nothing listens on port 1: the connection is refused at once.
    const variant = await h.startVariant({ [variable]: 'http://127.0.0.1:1/graphql' });
    try {
      const before = await h.tableCounts();
      const response = await postGraphQL(variant.url, PLACE_ORDER, { input: input([{ productId: CABLE.id, quantity: 1 }]) }, bearer(h.tokens.a));
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.errors?.[0]?.message).toBe(`The ${service} service is unavailable right now; try again shortly.`);
      expect(await h.tableCounts()).toEqual(before);
    } finally {
      await variant.stop();
    }
  });
});
