import type { GraphQLHttpServer } from '@techally/platform';
import { metricValue, postGraphQL } from '@techally/testing';
import type { Gateway } from '../app';
import { startGatewayFor, startSubgraph } from './support/single-subgraph';

// Issue #9, item 14: /metrics was served on the public port, and every client-chosen operation name became a
// label value of its own.
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { greeting: String! }`;

let subgraph: GraphQLHttpServer;
let gateway: Gateway;
let gatewayUrl: string;

beforeAll(async () => {
  const greetings = await startSubgraph('greetings', SDL, { Query: { greeting: () => 'hello' } });
  subgraph = greetings.server;
  ({ gateway, url: gatewayUrl } = await startGatewayFor('greetings', SDL, greetings.url));
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
});

describe('the gateway’s metrics', () => {
  it('are not served on the public port, but on a port of their own', async () => {
    await postGraphQL(gatewayUrl, '{ greeting }');
    expect((await fetch(gatewayUrl.replace('/graphql', '/metrics'))).status).toBe(404);
    expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(gateway.metricsUrl!).port).not.toBe(new URL(gatewayUrl).port);
    expect(await (await fetch(gateway.metricsUrl!)).text()).toMatch(/graphql_operations_total\{[^}]*service="gateway"/);
  });

  it('label an operation by its name only when the persisted-documents manifest knows it, any other as "other"', async () => {
    await postGraphQL(gatewayUrl, 'query ProductPage { greeting }'); // a name the web client's manifest has
    const otherBefore = await metricValue(gateway.metricsUrl!, 'graphql_operations_total', 'operation="other"');
    for (let index = 0; index < 5; index++) await postGraphQL(gatewayUrl, `query Invented${index}x { greeting }`);

    const text = await (await fetch(gateway.metricsUrl!)).text();
    expect(text).not.toMatch(/Invented\dx/);
    expect(await metricValue(gateway.metricsUrl!, 'graphql_operations_total', 'operation="other"')).toBe(otherBefore + 5);
    expect(await metricValue(gateway.metricsUrl!, 'graphql_operations_total', 'operation="ProductPage"')).toBe(1);
  });
});

describe('a subgraph’s metrics', () => {
  it('are not served on its public port either', async () => {
    const url = subgraph.httpServer.address() as { port: number };
    expect((await fetch(`http://127.0.0.1:${url.port}/metrics`)).status).toBe(404);
    expect(await (await fetch(subgraph.metricsUrl!)).text()).toContain('graphql_operations_total');
  });
});
