import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { bearer, eventually, metricValue } from '@techally/testing';
import { checkoutDriverFor } from './support/checkout-driver';
import { accessTokenOf, readThroughGateway, type CachedRead } from './support/response-cache-probe';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph';

/*
 * Issue #10, item 4: a signed-in customer's data is never served to anyone else from the cache, with the cache
 * on and warm, even when another caller sends a byte-identical request; and an answer mixing public and private
 * parts is never kept as public.
 */

const [ADA, GRACE] = DEMO_CUSTOMERS;

const MY_ORDERS = 'query MyOrders { me { email orders(first: 10) { edges { node { id status } } } } }';
const ORDER_PAGE = 'query OrderPage($id: ID!) { order(id: $id) { id status total { formatted } items { quantity product { name } } } }';
const MIXED = 'query Mixed { products(first: 2) { edges { node { id name inStock } } } me { email } }';

// The answers' shapes, as far as these assertions read them.
type Answer = Record<string, { email?: string; id?: string; orders?: { edges: Array<{ node: { id: string } }> } } | null>;

let supergraph: TestSupergraph;
let ada: Record<string, string>;
let grace: Record<string, string>;
let adasOrderId: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph({ env: { RESPONSE_CACHE: 'on' } });
  ada = bearer(await accessTokenOf(supergraph.gatewayUrl, ADA!.email, ADA!.password));
  grace = bearer(await accessTokenOf(supergraph.gatewayUrl, GRACE!.email, GRACE!.password));
  const driver = await checkoutDriverFor(supergraph, ADA);
  const product = await driver.stockedProduct(5);
  adasOrderId = (await driver.place([{ productId: product.id, quantity: 1 }])).id;
  await driver.waitForPayable(adasOrderId); // the saga's stock events are behind us
}, 180_000);

afterAll(async () => {
  await supergraph?.stop();
});

const hits = () => metricValue(supergraph.gatewayMetricsUrl, 'response_cache_lookups_total', 'result="hit"');

/** Ada asks twice (the second would be a hit if anything were kept), then the others send the same bytes. */
async function adaThenOthers(query: string, variables: Record<string, unknown> = {}) {
  const read = (headers: Record<string, string> = {}) => readThroughGateway<Answer>(supergraph.gatewayUrl, query, variables, headers);
  const adaFirst = await read(ada);
  const adaAgain = await read(ada);
  const graceReads: CachedRead<Answer> = await read(grace);
  const anonymous = await read();
  return { adaFirst, adaAgain, grace: graceReads, anonymous };
}

describe("a customer's data with the cache on", () => {
  it("answers each customer's `me { orders }` from the subgraphs, and never Ada's to Grace or to an anonymous caller", async () => {
    const hitsBefore = await hits();
    const { adaFirst, adaAgain, grace: graces, anonymous } = await adaThenOthers(MY_ORDERS);

    expect(adaFirst.body.data?.['me']?.email).toBe(ADA!.email);
    expect(adaFirst.body.data?.['me']?.orders?.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(adasOrderId);
    expect(adaAgain.body.data?.['me']?.email).toBe(ADA!.email);
    expect(graces.body.data?.['me']?.email).toBe(GRACE!.email);
    expect(graces.body.data?.['me']?.orders?.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(adasOrderId);
    expect(anonymous.body.data?.['me']).toBeNull();
    expect([adaAgain.hit, graces.hit, anonymous.hit]).toEqual([false, false, false]);
    expect(await hits()).toBe(hitsBefore);
  });

  it("never answers Ada's order page to Grace or to an anonymous caller", async () => {
    const { adaFirst, adaAgain, grace: graces, anonymous } = await adaThenOthers(ORDER_PAGE, { id: adasOrderId });

    expect(adaFirst.body.data?.['order']?.id).toBe(adasOrderId);
    expect(adaAgain.body.data?.['order']?.id).toBe(adasOrderId);
    expect(graces.body.data?.['order'] ?? null).toBeNull();
    expect(graces.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(anonymous.body.data?.['order'] ?? null).toBeNull();
    expect([adaAgain.hit, graces.hit, anonymous.hit]).toEqual([false, false, false]);
  });

  it('never keeps an answer mixing the public catalog with private data as public', async () => {
    const skipsBefore = await metricValue(supergraph.gatewayMetricsUrl, 'response_cache_skips_total', 'reason="uncacheable"');
    const { adaFirst, adaAgain, grace: graces, anonymous } = await adaThenOthers(MIXED);

    expect(adaFirst.body.data?.['me']?.email).toBe(ADA!.email);
    expect(adaAgain.body.data?.['me']?.email).toBe(ADA!.email);
    expect(graces.body.data?.['me']?.email).toBe(GRACE!.email);
    expect(anonymous.body.data?.['me']).toBeNull();
    expect([adaAgain.hit, graces.hit, anonymous.hit]).toEqual([false, false, false]);
    // Each of the four was looked up, answered by the subgraphs, and refused by the policy (private parts).
    expect(await metricValue(supergraph.gatewayMetricsUrl, 'response_cache_skips_total', 'reason="uncacheable"')).toBe(skipsBefore + 4);
  });

  it('serves the public part alone from the cache, the same to everyone', async () => {
    const query = 'query PublicPart { products(first: 2) { edges { node { id name inStock } } } }';
    await eventually(async () => (await readThroughGateway(supergraph.gatewayUrl, query, {}, ada)).hit, 'the public part to be kept');
    const { adaFirst, grace: graces, anonymous } = await adaThenOthers(query);

    expect(graces.hit).toBe(true);
    expect(anonymous.hit).toBe(true);
    expect(graces.body).toEqual(adaFirst.body);
    expect(anonymous.body).toEqual(adaFirst.body);
  });
});
