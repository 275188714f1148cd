import { subscribe, wsClient } from '@techally/testing';
import { API_KEY_HEADER } from '../edge/partner-caller';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';
import { startGatewayFor, startSubgraph } from './support/single-subgraph';

// Issue 11: a partner (a request with an API key) sees only the partner contract — what it may not see is
// invisible in validation errors too: the error names what the partner asked for and nothing more, never
// suggests a name outside the contract (never any name, in fact), and nothing reaches a subgraph.
interface Case {
  readonly name: string;
  readonly query: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const CASES: ReadonlyArray<Case> = [
  {
    name: 'an untagged field of a contract type',
    query: '{ products(first: 1) { edges { node { id createdAt } } } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Cannot query field "createdAt" on type "Product".',
  },
  {
    name: 'an untagged root field (personal data)',
    query: '{ me { email } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Cannot query field "me" on type "Query".',
  },
  {
    name: 'a misspelt contract field, which is not corrected ("Did you mean" would map the graph)',
    query: '{ produts(first: 1) { totalCount } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Cannot query field "produts" on type "Query".',
  },
  {
    name: 'a type outside the contract, in an inline fragment',
    query: '{ categories { id ... on User { email } } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Unknown type "User".',
  },
  {
    name: 'an untagged argument',
    query: '{ product(id: "7e0c1c36-55e3-4a53-9a4f-1b6f0d8a0a01") { reviews(first: 1) { totalCount } } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Cannot query field "reviews" on type "Product".',
  },
  {
    name: 'a mutation (no mutation is in the contract)',
    query: 'mutation { logIn(input: { email: "a@b.c", password: "x" }) { accessToken } }',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: 'Schema is not configured to execute mutation operation.',
  },
];

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, query: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

describe('bad input at the edge: the partner contract', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway();
  });
  afterAll(() => edge?.stop());

  it.each(CASES)('refuses $name, naming only what was asked', async ({ query, status, code, message }) => {
    edge.resetCounts();
    const answer = await post(edge.url, query, { [API_KEY_HEADER]: edge.partnerApiKey });
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.map((error) => [error.extensions?.['code'], error.message])).toEqual([[code, message]]);
    expect(answer.text).not.toMatch(/Did you mean|stacktrace|\s+at \S+ \(|https?:\/\//);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('leaves the rest of the graph to a first-party caller, with suggestions in development', async () => {
    edge.resetCounts();
    const answer = await post(edge.url, '{ produts(first: 1) { totalCount } }', {});
    expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "produts" on type "Query". Did you mean "products" or "product"?');
    expect(edge.subgraphRequests()).toBe(0);
  });

  it("ends a partner's subscription over WebSocket with FORBIDDEN before it is parsed (the contract has no subscriptions)", async () => {
    edge.resetCounts();
    const client = wsClient(edge.url, { [API_KEY_HEADER]: edge.partnerApiKey });
    const refused = subscribe(client, 'subscription { stockChanged(productIds: ["x"]) { available } }');
    expect(await refused.ended).toEqual({ error: [expect.objectContaining({ message: 'The partner contract has no subscriptions.', extensions: { code: 'FORBIDDEN' } })] });
    await client.dispose();
    expect(edge.subgraphRequests()).toBe(0);
  });
});

describe('bad input at the edge: the partner contract in production', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    // The persisted-document rules (their own suite) refuse a partner's full text in production before anything
    // else: off here, so that what is tested is the contract and INTROSPECTION.
    edge = await startEdgeGateway({ env: { NODE_ENV: 'production', PERSISTED_DOCUMENTS: 'off' } });
  });
  afterAll(() => edge?.stop());

  it.each([
    ['a partner', true],
    ['a first-party caller', false],
  ])('refuses introspection from %s (INTROSPECTION is off in production)', async (_who, partner) => {
    edge.resetCounts();
    const answer = await post(edge.url, '{ __schema { types { name } } }', partner ? { [API_KEY_HEADER]: edge.partnerApiKey } : {});
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    expect(answer.text).not.toMatch(/stacktrace|\s+at \S+ \(|https?:\/\//);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('suggests no field name to anyone', async () => {
    edge.resetCounts();
    const answer = await post(edge.url, '{ produts(first: 1) { totalCount } }', {});
    expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "produts" on type "Query".');
    expect(edge.subgraphRequests()).toBe(0);
  });
});

describe('bad input at the edge: a partner, on a graph that tags nothing for partners', () => {
  const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { greeting: String }`;
  let stop: () => Promise<void>;
  let url: string;
  let upstreamCalls = 0;
  beforeAll(async () => {
    const subgraph = await startSubgraph('greetings', SDL, { Query: { greeting: () => (upstreamCalls += 1, 'hello') } });
    const gateway = await startGatewayFor('greetings', SDL, subgraph.url);
    url = gateway.url;
    stop = async () => {
      await gateway.gateway.stop();
      await subgraph.server.stop();
    };
  });
  afterAll(() => stop?.());

  it('is refused with 403 FORBIDDEN before anything is parsed, while a first-party caller is served', async () => {
    const asPartner = await post(url, '{ greeting }', { [API_KEY_HEADER]: 'any' });
    expect(asPartner.status).toBe(403);
    expect(asPartner.body).toEqual({ errors: [{ message: 'This graph serves no partner contract.', extensions: { code: 'FORBIDDEN' } }] });
    expect(upstreamCalls).toBe(0);
    expect((await post(url, '{ greeting }', {})).body).toEqual({ data: { greeting: 'hello' } });
  });
});
