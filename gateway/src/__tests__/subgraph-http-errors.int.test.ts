import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, type GraphQLHttpServer } from '@techally/platform';
import { postGraphQL } from '@techally/testing';
import type { Gateway } from '../app';
import { startGatewayFor, startSubgraph } from './support/single-subgraph';

// Issue #9, item 6: a subgraph's HTTP error reached clients as "401: Unauthorized" with extensions.response
// holding the subgraph's internal URL, status and raw body.
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { orders: [String!] greeting: String }`;

/** What the tiny upstream answers next. */
let answer: { status: number; contentType: string; body: string } = { status: 200, contentType: 'application/json', body: '{}' };
const INTERNAL_BODY = 'upstream proxy error: backend http://10.20.30.40:8080/internal refused (trace 7f3a)';

let upstream: Server;
let upstreamUrl: string;
let realSubgraph: GraphQLHttpServer;
let realSubgraphUrl: string;
let gatewayUrl: string;
const gateways: Gateway[] = [];

async function gatewayFor(url: string): Promise<string> {
  const started = await startGatewayFor('orders', SDL, url);
  gateways.push(started.gateway);
  return started.url;
}

beforeAll(async () => {
  upstream = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status, { 'content-type': answer.contentType });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
  gatewayUrl = await gatewayFor(upstreamUrl);

  // A real subgraph whose `orders` requires a viewer: Apollo Server answers its UNAUTHENTICATED with HTTP 401.
  ({ server: realSubgraph, url: realSubgraphUrl } = await startSubgraph('orders', SDL, {
    Query: {
      orders: () => {
        throw DomainError.unauthenticated();
      },
    },
  }));
});

afterAll(async () => {
  for (const started of gateways) await started.stop();
  await realSubgraph?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** Nothing of the upstream's insides reaches the client. */
function expectNoInternals(response: unknown, ...secrets: string[]): void {
  const text = JSON.stringify(response);
  for (const secret of [upstreamUrl, realSubgraphUrl, '127.0.0.1', '10.20.30.40', '"response"', 'statusText', ...secrets]) {
    expect(text).not.toContain(secret);
  }
}

describe('a subgraph answering an HTTP error', () => {
  it('reaches the client as the subgraph’s own GraphQL error: an anonymous `orders` is UNAUTHENTICATED, signed-in wording and all', async () => {
    const clientUrl = await gatewayFor(realSubgraphUrl);
    const response = await postGraphQL(clientUrl, '{ orders }');
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'You must be signed in to do this.', path: ['orders'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
    expectNoInternals(response);
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'You must be signed in to do this.'],
    [403, 'FORBIDDEN', 'You are not allowed to do this.'],
    [429, 'SERVICE_UNAVAILABLE', 'Too many requests; slow down.'],
    [502, 'SERVICE_UNAVAILABLE', 'The payments service is unavailable right now; try again shortly.'],
  ])('%i with a GraphQL body: its errors are served as they are (%s)', async (status, code, message) => {
    answer = {
      status,
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({ errors: [{ message, path: ['orders'], extensions: { code } }], data: null }),
    };
    const response = await postGraphQL(gatewayUrl, '{ orders }');
    expect(response.errors).toEqual([expect.objectContaining({ message, path: ['orders'], extensions: expect.objectContaining({ code }) })]);
    expectNoInternals(response);
  });

  it('500 with a GraphQL body: its internal error stays masked', async () => {
    answer = {
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ errors: [{ message: 'relation "orders" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null }),
    };
    const response = await postGraphQL(gatewayUrl, '{ orders }');
    expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual(['INTERNAL_SERVER_ERROR']);
    expectNoInternals(response, 'relation');
  });

  it.each([
    [401, 'INTERNAL_SERVER_ERROR'],
    [403, 'INTERNAL_SERVER_ERROR'],
    [429, 'SERVICE_UNAVAILABLE'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [502, 'SERVICE_UNAVAILABLE'],
  ])('%i with a body that is not GraphQL: a fixed %s, with neither the URL nor the body', async (status, code) => {
    answer = { status, contentType: 'text/plain', body: INTERNAL_BODY };
    const response = await postGraphQL(gatewayUrl, '{ orders }');
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(response.errors?.[0]?.message).not.toMatch(/^\d{3}:/);
    expectNoInternals(response, 'upstream proxy', 'trace 7f3a');
  });

  it('the same with a JSON body that is not a GraphQL response', async () => {
    answer = { status: 502, contentType: 'application/json', body: JSON.stringify({ error: INTERNAL_BODY }) };
    const response = await postGraphQL(gatewayUrl, '{ orders }');
    expect(response.errors?.map((error) => error.extensions?.['code'])).toEqual(['SERVICE_UNAVAILABLE']);
    expectNoInternals(response, 'upstream proxy');
  });
});
