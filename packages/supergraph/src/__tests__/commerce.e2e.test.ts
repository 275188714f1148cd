import { DEMO_CUSTOMERS } from '@techally/demo-data';
import {
  ConfirmPaymentDocument,
  createGraphQLClient,
  LogInDocument,
  MeDocument,
  OrderPageDocument,
  PlaceOrderDocument,
  ProductListingDocument,
  ProductPageDocument,
  StockOverviewDocument,
  type GraphQLClient,
} from '@techally/web-client';
import { CheckoutDriver } from './support/checkout-driver';
import { OrderStatusEvents } from './support/order-status-events';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// The product page and the order page through the gateway: each crosses four subgraphs, on seeded data.
let supergraph: TestSupergraph;
let anonymous: GraphQLClient;
let customer: GraphQLClient;
let admin: GraphQLClient;
const ada = DEMO_CUSTOMERS[0]!;
const CARD = { expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' };

async function signedIn(email: string, password: string): Promise<GraphQLClient> {
  const session = await anonymous.request(LogInDocument, { email, password });
  return createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => session.logIn.accessToken });
}

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  anonymous = createGraphQLClient({ url: supergraph.gatewayUrl });
  customer = await signedIn(ada.email, ada.password);
  admin = await signedIn(TEST_ADMIN.email, TEST_ADMIN.password);
}, 180_000);

afterAll(() => supergraph?.stop());

/** Seeded products that are in stock, most reviewed first. */
async function inStockProducts(count: number) {
  const listing = await anonymous.request(ProductListingDocument, { first: 100 });
  return listing.products.edges
    .map(({ node }) => node)
    .filter((node) => node.inStock)
    .sort((a, b) => b.rating.count - a.rating.count)
    .slice(0, count);
}

describe('the product page (products, inventory, reviews, users)', () => {
  it('shows price, stock, rating and reviews with their authors', async () => {
    const [reviewed] = await inStockProducts(1);
    const page = await anonymous.request(ProductPageDocument, { slug: reviewed!.slug, reviewsFirst: 100 });
    const product = page.product!;
    expect(product.price.formatted).toMatch(/^\$/);
    expect(product.shippingEstimate.formatted).toMatch(/^\$/);
    expect(product.inStock).toBe(true);
    expect(product.rating.count).toBeGreaterThan(0);
    expect(product.reviews.totalCount).toBe(product.rating.count);
    const ratings = product.reviews.edges.map(({ node }) => node.rating);
    expect(product.rating.average).toBeCloseTo(ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length, 1);
    const demoNames = DEMO_CUSTOMERS.map((demo) => demo.name);
    for (const { node } of product.reviews.edges) expect(demoNames).toContain(node.author.name);

    const stock = await admin.request(StockOverviewDocument, { slug: reviewed!.slug });
    const perWarehouse = stock.product!.inventory.warehouses!;
    expect(product.inventory.available).toBe(perWarehouse.reduce((sum, row) => sum + row.onHand - row.reserved, 0));
  });

  it('keeps per-warehouse stock from customers', async () => {
    const [product] = await inStockProducts(1);
    await expect(customer.request(StockOverviewDocument, { slug: product!.slug })).rejects.toMatchObject({ codes: ['FORBIDDEN'] });
  });
});

describe('the order page (orders, products, users, payments)', () => {
  it('places an order priced by the server, pays it and shows it across subgraphs', async () => {
    const products = await inStockProducts(2);
    const me = await customer.request(MeDocument);
    const address = me.me!.addresses[0]!;
    const placed = await customer.request(PlaceOrderDocument, {
      input: {
        items: products.map((product, index) => ({ productId: product.id, quantity: index + 1 })),
        shippingAddressId: address.id,
        idempotencyKey: `e2e-order-${Date.now()}`,
      },
    });
    const order = placed.placeOrder;
    const subtotal = products.reduce((sum, product, index) => sum + product.price.amount * (index + 1), 0);
    expect(order.subtotal.amount).toBe(subtotal);
    expect(order.total.amount).toBe(subtotal + order.shipping.amount + order.tax.amount);

    const driver = new CheckoutDriver(customer, admin, await OrderStatusEvents.follow(supergraph.bus));
    await driver.waitForPayable(order.id);
    const payment = await customer.request(ConfirmPaymentDocument, {
      input: { orderId: order.id, card: { number: '4242424242424242', ...CARD } },
    });
    expect(payment.confirmPayment).toMatchObject({ status: 'SUCCEEDED', amount: { amount: order.total.amount } });
    await driver.waitFor(order.id, ['PAID']);

    const page = (await customer.request(OrderPageDocument, { id: order.id })).order!;
    expect(page.customer).toMatchObject({ id: ada.id, name: ada.name, email: ada.email });
    expect(page.items.map((item) => item.product.name)).toEqual(products.map((product) => product.name));
    expect(page.items.map((item) => item.product.sku)).toEqual(products.map((product) => product.sku));
    expect(page.shippingAddress).toMatchObject({ city: address.city, country: address.country });
    expect(page.payment).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    expect(page.statusHistory[0]).toMatchObject({ from: null, status: 'PENDING' });
  });

  it('records a declined card on the payment and cancels the order (a decline ends the checkout)', async () => {
    const [product] = await inStockProducts(1);
    const driver = new CheckoutDriver(customer, admin, await OrderStatusEvents.follow(supergraph.bus));
    const placed = await driver.place([{ productId: product!.id, quantity: 1 }], `e2e-decline-${Date.now()}`);
    await driver.waitForPayable(placed.id);
    const declined = await customer.request(ConfirmPaymentDocument, {
      input: { orderId: placed.id, card: { number: '4000000000000002', ...CARD } },
    });
    expect(declined.confirmPayment).toMatchObject({ status: 'FAILED', failureCode: 'card_declined' });
    expect(await driver.waitFor(placed.id, ['CANCELLED'])).toMatchObject({ cancellationReason: 'PAYMENT_FAILED' });
    const retry = customer.request(ConfirmPaymentDocument, {
      input: { orderId: placed.id, card: { number: '4242424242424242', ...CARD } },
    });
    await expect(retry).rejects.toMatchObject({ codes: ['PAYMENT_NOT_ALLOWED'] });
  });
});
