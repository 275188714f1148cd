import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { API_KEY_HEADER } from '../edge/partner-caller';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';

const PARTNER_SDL = readFileSync(resolve(__dirname, '../../../schema/partner.graphql'), 'utf8');
const PRODUCT_ID = '0b7c54ad-3c4f-4b8e-9d55-6f1e2a7d9c01';
const CATEGORY_ID = '5d1f0c2e-8a7b-4c3d-9e6f-0a1b2c3d4e5f';
const MANIFEST = JSON.parse(readFileSync(resolve(__dirname, '../../../clients/persisted-documents.json'), 'utf8')) as Record<string, string>;
/** The manifest id of the operation named `name`. */
const idOf = (name: string) => Object.entries(MANIFEST).find(([, document]) => new RegExp(`query ${name}\\b`).test(document))?.[0];

/** What the stand-in subgraphs answer: a one-product page, then that product's stock and rating by entity fetch. */
function answer(subgraph: string, body: string): unknown {
  const { query } = JSON.parse(body) as { query: string };
  if (subgraph === 'products' && query.includes('categories')) {
    return { data: { categories: [{ id: CATEGORY_ID, name: 'Lighting', slug: 'lighting', productCount: 1, parent: null }] } };
  }
  if (subgraph === 'products' && query.includes('products')) {
    return { data: { products: { edges: [{ node: { __typename: 'Product', id: PRODUCT_ID, name: 'Desk lamp' } }] } } };
  }
  if (subgraph === 'inventory' && query.includes('_entities')) return { data: { _entities: [{ __typename: 'Product', inStock: true }] } };
  if (subgraph === 'reviews' && query.includes('_entities')) {
    return { data: { _entities: [{ __typename: 'Product', rating: { average: 4.5, count: 2 } }] } };
  }
  return { data: null };
}

describe('the partner contract at the gateway', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ answer });
  });
  afterAll(() => edge?.stop());

  async function post<Data>(query: string | { documentId: string | undefined }, headers: Record<string, string> = {}) {
    const body = typeof query === 'string' ? { query } : query;
    const response = await fetch(edge.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { data?: Data; errors?: unknown[] } };
  }
  const asPartner = () => ({ [API_KEY_HEADER]: edge.partnerApiKey });

  it("shows a partner's introspection exactly the committed contract (schema/partner.graphql), nothing untagged", async () => {
    edge.resetCounts();
    const { body } = await post<IntrospectionQuery>(getIntrospectionQuery(), asPartner());
    expect(body.errors).toBeUndefined();
    const seen = lexicographicSortSchema(buildClientSchema(body.data as IntrospectionQuery));
    expect(printSchema(seen)).toBe(printSchema(lexicographicSortSchema(buildSchema(PARTNER_SDL))));
    const names = (body.data as IntrospectionQuery).__schema.types.map((type) => type.name);
    for (const hidden of ['User', 'Order', 'Payment', 'Review', 'Mutation', 'Subscription', 'ProductInventory']) {
      expect(names).not.toContain(hidden);
    }
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('answers __type for a type outside the contract as for a type that does not exist', async () => {
    const { body } = await post<{ user: unknown; product: { fields: Array<{ name: string }> } }>(
      '{ user: __type(name: "User") { name } product: __type(name: "Product") { fields { name } } }',
      asPartner(),
    );
    expect(body.data?.user).toBeNull();
    expect(body.data?.product.fields.map((field) => field.name)).not.toContain('reviews');
    expect(body.data?.product.fields.map((field) => field.name)).not.toContain('createdAt');
  });

  it('still shows a first-party caller the whole graph', async () => {
    const { body } = await post<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(body.data as IntrospectionQuery);
    expect(schema.getType('User')).toBeDefined();
    expect(schema.getMutationType()?.getFields()['placeOrder']).toBeDefined();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(expect.arrayContaining(['me', 'orders', 'products']));
  });

  it("runs a partner's tagged query through the real query planner: one fetch per subgraph, entities joined", async () => {
    edge.resetCounts();
    const { status, body } = await post<unknown>('{ products(first: 1) { edges { node { id name inStock rating { average count } } } } }', asPartner());
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { products: { edges: [{ node: { id: PRODUCT_ID, name: 'Desk lamp', inStock: true, rating: { average: 4.5, count: 2 } } }] } },
    });
    expect(edge.requestsTo('products')).toHaveLength(1);
    expect(edge.requestsTo('inventory')).toHaveLength(1);
    expect(edge.requestsTo('reviews')).toHaveLength(1);
    expect(edge.subgraphRequests()).toBe(3);
  });

  it('serves a partner the partner catalogue by persisted-document id', async () => {
    edge.resetCounts();
    const { body } = await post({ documentId: idOf('PartnerCategories') }, asPartner());
    expect(body).toEqual({ data: { categories: [{ id: CATEGORY_ID, name: 'Lighting', slug: 'lighting', productCount: 1, parent: null }] } });
    expect(edge.subgraphRequests()).toBe(1);
  });

  it('refuses a partner a first-party persisted document that reaches outside the contract', async () => {
    edge.resetCounts();
    const { status, body } = await post({ documentId: idOf('ProductPage') }, asPartner());
    expect(status).toBe(400);
    const errors = body.errors as Array<{ message: string; extensions: { code: string } }>;
    expect(errors.map((error) => error.extensions.code)).toEqual(errors.map(() => 'GRAPHQL_VALIDATION_FAILED'));
    expect(errors.map((error) => error.message)).toContain('Cannot query field "reviews" on type "Product".');
    expect(edge.subgraphRequests()).toBe(0);
  });
});
