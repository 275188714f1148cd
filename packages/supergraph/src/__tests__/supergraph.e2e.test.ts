import type { AnyEventEnvelope } from '@techally/events';
import {
  ArchiveProductDocument,
  CreateProductDocument,
  createGraphQLClient,
  GraphQLRequestError,
  LogInDocument,
  MeDocument,
  ProductListingDocument,
  ProductPageDocument,
  SignUpDocument,
} from '@techally/web-client';
import { bearer, countStatements, errorCodes, postGraphQL } from '@techally/testing';
import { partnerSchema, startPartnerSubgraph } from './support/partner-subgraph';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

let supergraph: TestSupergraph;
let partner: Awaited<ReturnType<typeof startPartnerSubgraph>>;
let featuredSkus: string[] = [];

beforeAll(async () => {
  partner = await startPartnerSubgraph(() => featuredSkus);
  supergraph = await startTestSupergraph({
    extraSubgraphs: [
      {
        name: 'partner',
        url: partner.url,
        defaultPort: 0,
        portVariable: 'PARTNER_PORT',
        buildSchema: async () => partnerSchema(),
        create: () => Promise.reject(new Error('started by the test')),
      },
    ],
  });
}, 120_000);

afterAll(async () => {
  await supergraph?.stop();
  await partner?.server.stop();
});

const anonymous = () => createGraphQLClient({ url: supergraph.gatewayUrl });
const signedIn = (token: string) => createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => token });

async function adminToken(): Promise<string> {
  const session = await anonymous().request(LogInDocument, TEST_ADMIN);
  return session.logIn.accessToken;
}

describe('the supergraph through the gateway, with the generated client', () => {
  it('lists seeded products with their formatted price', async () => {
    const listing = await anonymous().request(ProductListingDocument, { first: 5 });
    expect(listing.products.edges).toHaveLength(5);
    for (const { node } of listing.products.edges) {
      expect(node.name).not.toBe('');
      expect(node.price.formatted).toMatch(/^\$\d/);
    }
    expect(listing.products.totalCount).toBeGreaterThanOrEqual(200);
  });

  it('serves a product page by slug', async () => {
    const listing = await anonymous().request(ProductListingDocument, { first: 1 });
    const slug = listing.products.edges[0]!.node.slug;
    const page = await anonymous().request(ProductPageDocument, { slug });
    expect(page.product).toMatchObject({ slug, category: { path: expect.any(Array) } });
  });

  it('signs up, logs in and reads me', async () => {
    const email = `e2e-${Date.now()}@example.com`;
    const password = 'a sufficiently long passphrase';
    const signUp = await anonymous().request(SignUpDocument, { input: { email, password, name: 'E2E Shopper' } });
    expect(signUp.signUp.user.email).toBe(email);
    const logIn = await anonymous().request(LogInDocument, { email, password });
    const me = await signedIn(logIn.logIn.accessToken).request(MeDocument);
    expect(me.me).toMatchObject({ email, name: 'E2E Shopper', roles: ['CUSTOMER'] });
  });

  it('resolves Product through its second key (sku) for another subgraph', async () => {
    const listing = await anonymous().request(ProductListingDocument, { first: 3 });
    featuredSkus = listing.products.edges.map(({ node }) => node.sku);
    const response = await postGraphQL<{ partnerListings: Array<{ product: { sku: string; name: string } }> }>(
      supergraph.gatewayUrl,
      '{ partnerListings { headline product { sku name price { formatted } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.partnerListings.map((listing) => listing.product.sku)).toEqual(featuredSkus);
    expect(response.data?.partnerListings.map((listing) => listing.product.name)).toEqual(
      listing.products.edges.map(({ node }) => node.name),
    );
  });

  it('costs the products subgraph the same number of SQL statements for 50 products as for 5', async () => {
    // The listing reads outside transactions; the products outbox relay polls (every 100 ms here) inside its own.
    // Listings no other test here reads (sort): the gateway's response cache would answer a repeated one without
    // asking the subgraph, and this counts what the subgraph does for a computed answer.
    const counter = countStatements(supergraph.apps['products']!.orm, { outsideTransactionsOnly: true });
    try {
      await anonymous().request(ProductListingDocument, { first: 5, sort: 'PRICE_DESC' });
      const forFive = counter.count;
      expect(forFive).toBeGreaterThan(0);
      counter.reset();
      await anonymous().request(ProductListingDocument, { first: 50, sort: 'PRICE_DESC' });
      expect(counter.count).toBe(forFive);
    } finally {
      counter.stop();
    }
  });

  it('publishes an admin’s catalogue changes on the process’s shared bus, once each (the products outbox relay runs here)', async () => {
    const received: AnyEventEnvelope[] = [];
    const subscription = await supergraph.bus.subscribe({
      group: 'e2e.catalogue-events',
      consumer: 'e2e.catalogue-events-1',
      types: ['products.product-created.v1', 'products.product-archived.v1'],
      handler: async (event) => void received.push(event as AnyEventEnvelope),
    });
    try {
      const admin = signedIn(await adminToken());
      const categories = await postGraphQL<{ categories: Array<{ id: string }> }>(supergraph.gatewayUrl, '{ categories { id } }');
      const categoryId = categories.data!.categories[0]!.id;
      const created = await admin.request(CreateProductDocument, {
        input: { sku: 'E2E-EVENTS', name: 'Evented', description: 'Tells the cache.', price: { amount: 100, currency: 'USD' }, categoryId, weight: 1 },
      });
      const productId = created.createProduct.id;
      await admin.request(ArchiveProductDocument, { id: productId });
      // One stream per domain, in commit order: once the archive arrived, the creation has, and no duplicate is pending.
      const deadline = Date.now() + 20_000;
      while (!received.some((event) => event.type === 'products.product-archived.v1' && event.aggregateId === productId)) {
        if (Date.now() > deadline) throw new Error('timed out waiting for products.product-archived.v1');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(received.filter((event) => event.aggregateId === productId).map(({ type, payload }) => ({ type, payload }))).toEqual([
        { type: 'products.product-created.v1', payload: { productId, sku: 'E2E-EVENTS', categoryId } },
        { type: 'products.product-archived.v1', payload: { productId, sku: 'E2E-EVENTS', categoryId } },
      ]);
    } finally {
      await subscription.stop();
    }
  });

  describe('refuses bad requests with stable codes', () => {
    it('refuses a malformed token at the gateway with UNAUTHENTICATED', async () => {
      const response = await postGraphQL(supergraph.gatewayUrl, '{ me { id } }', {}, bearer('not-a-jwt'));
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses an admin mutation from a customer with FORBIDDEN and writes nothing', async () => {
      const email = `customer-${Date.now()}@example.com`;
      const session = await anonymous().request(SignUpDocument, {
        input: { email, password: 'another long passphrase', name: 'Customer' },
      });
      const attempt = signedIn(session.signUp.accessToken).request(CreateProductDocument, {
        input: { sku: 'E2E-FORBIDDEN', name: 'Nope', description: 'x', price: { amount: 100, currency: 'USD' }, categoryId: '00000000-0000-4000-8000-000000000000', weight: 1 },
      });
      await expect(attempt).rejects.toMatchObject({ codes: ['FORBIDDEN'] });
      const search = await postGraphQL<{ products: { totalCount: number } }>(
        supergraph.gatewayUrl,
        '{ products(first: 1, filter: { search: "Nope" }) { totalCount } }',
      );
      expect(search.data?.products.totalCount).toBe(0);
    });

    it('refuses first: 1000 and a negative price with BAD_USER_INPUT', async () => {
      await expect(anonymous().request(ProductListingDocument, { first: 1000 })).rejects.toMatchObject({
        codes: ['BAD_USER_INPUT'],
      });
      const token = await adminToken();
      const categories = await postGraphQL<{ categories: Array<{ id: string }> }>(supergraph.gatewayUrl, '{ categories { id } }');
      const attempt = signedIn(token).request(CreateProductDocument, {
        input: { sku: 'E2E-NEGATIVE', name: 'Negative', description: 'x', price: { amount: -1, currency: 'USD' }, categoryId: categories.data!.categories[0]!.id, weight: 1 },
      });
      await expect(attempt).rejects.toBeInstanceOf(GraphQLRequestError);
      await expect(attempt).rejects.toMatchObject({ codes: ['BAD_USER_INPUT'] });
    });

    it('answers an unknown product with null', async () => {
      const page = await anonymous().request(ProductPageDocument, { slug: 'no-such-product' });
      expect(page.product).toBeNull();
    });
  });
});
