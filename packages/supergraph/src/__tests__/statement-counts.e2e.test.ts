import { countStatements, postGraphQL, type StatementCounter } from '@techally/testing';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph';

// One request must cost each subgraph a bounded number of SQL statements whatever the page size: every
// reference and list field goes through a DataLoader (README.md, Design decisions).
const LISTING = `query ($first: Int!) {
  products(first: $first) {
    edges { node { name price { formatted } inventory { available } inStock rating { average count }
      reviews(first: 3) { totalCount edges { node { rating author { name } } } } } }
  }
}`;

/** The subgraphs that resolve the listing's fields: products, and the entities it reaches. */
const LISTING_PATH = ['products', 'inventory', 'reviews', 'users'] as const;

let supergraph: TestSupergraph;
beforeAll(async () => {
  // Relays that poll rarely: the counters must see the requests' statements, not the outbox relays'.
  // The same for the orders subgraph's sweeps (payment expiry, PENDING deadline): not on the listing's path.
  supergraph = await startTestSupergraph({
    env: { OUTBOX_POLL_INTERVAL_MS: '60000', OUTBOX_LISTEN: 'false', ORDER_EXPIRY_SWEEP_INTERVAL_MS: '3600000' },
  });
}, 180_000);
afterAll(() => supergraph?.stop());

async function statementsPerSubgraph(first: number): Promise<Record<string, number>> {
  const counters: Record<string, StatementCounter> = {};
  for (const [name, app] of Object.entries(supergraph.apps)) counters[name] = countStatements(app.orm);
  try {
    const response = await postGraphQL<{ products: { edges: unknown[] } }>(supergraph.gatewayUrl, LISTING, { first });
    expect(response.errors).toBeUndefined();
    expect(response.data?.products.edges).toHaveLength(first);
    return Object.fromEntries(Object.entries(counters).map(([name, counter]) => [name, counter.count]));
  } finally {
    for (const counter of Object.values(counters)) counter.stop();
  }
}

describe('the product listing with inventory, rating and reviews', () => {
  it('issues as many SQL statements per subgraph for 50 products as for 5', async () => {
    await statementsPerSubgraph(5); // warm-up: metadata and prepared lookups are not part of the bound
    // The subgraphs the listing asks. The others are only event consumers here (search, notifications, analytics
    // learning the seeded shop from the bus, each at its own pace): what they run while a request is in flight is
    // not the request's, so they are left out of the bound rather than made to wait.
    const onPath = (counts: Record<string, number>) => Object.fromEntries(LISTING_PATH.map((name) => [name, counts[name]]));
    const forFive = onPath(await statementsPerSubgraph(5));
    const forFifty = onPath(await statementsPerSubgraph(50));
    expect(forFifty).toEqual(forFive);
    // Every subgraph on the path was asked something.
    for (const name of LISTING_PATH) expect(forFive[name]).toBeGreaterThan(0);
  });
});
