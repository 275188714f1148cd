import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';

// The harness of the bad-input suites must itself count: a query that needs a subgraph is seen by it,
// one the gateway answers alone is not (otherwise "0 subgraph requests" would prove nothing).
describe('the edge gateway harness', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway();
  });
  afterAll(() => edge?.stop());

  async function post(query: string): Promise<number> {
    const response = await fetch(edge.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    await response.text();
    return response.status;
  }

  it('counts a request that reaches the products subgraph', async () => {
    edge.resetCounts();
    await post('{ products(first: 1) { edges { node { id name } } } }');
    expect(edge.requestsTo('products')).toHaveLength(1);
    expect(edge.subgraphRequests()).toBe(1);
  });

  it('counts nothing for a request the gateway answers alone', async () => {
    edge.resetCounts();
    expect(await post('{ __typename }')).toBe(200);
    expect(edge.subgraphRequests()).toBe(0);
  });
});
