import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, createSubgraphServer, type GraphQLHttpServer } from '@techally/platform';
import { metricValue, postGraphQL } from '@techally/testing';
import { parse } from 'graphql';
import { createGateway, type Gateway } from '../app';
import { loadGatewayConfig } from '../config';
import { composeSupergraph } from '../subscriptions/__tests__/support/federation';

// Issue #9, item 14: /metrics was served on the public port, and every client-chosen operation name became a
// label value of its own.
const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { greeting: String! }`;

let subgraph: GraphQLHttpServer;
let gateway: Gateway;
let gatewayUrl: string;

beforeAll(async () => {
  subgraph = await createSubgraphServer({
    name: 'greetings',
    schema: buildSubgraphSchema([{ typeDefs: parse(SDL), resolvers: { Query: { greeting: () => 'hello' } } }]),
    logger: createLogger({ name: 'greetings', level: 'silent' }),
    createContext: async (request) => ({ ...request }),
    isReady: async () => true,
    processMetrics: false,
  });
  const composed = await composeSupergraph([{ name: 'greetings', url: await subgraph.listen(0), typeDefs: parse(SDL) }]);
  gateway = await createGateway(loadGatewayConfig({ LOG_LEVEL: 'silent' }), {
    logger: createLogger({ name: 'gateway', level: 'silent' }),
    supergraphSdl: composed,
  });
  gatewayUrl = await gateway.listen(0);
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
