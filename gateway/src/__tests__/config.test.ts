import { ConfigError } from '@techally/platform';
import { loadGatewayConfig } from '../config';

describe('gateway configuration', () => {
  it('has documented defaults: port 4000, explorer and introspection on outside production', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ port: 4000, introspection: true, explorer: true, subgraphUrls: {} });
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
  });

  it('bounds subscription queues by default: 100 results per client, 1,000 events waiting per shared execution', () => {
    expect(loadGatewayConfig({}).subscriptions).toEqual({ queueLimit: 100, backlogLimit: 1_000 });
    expect(loadGatewayConfig({ GATEWAY_SUBSCRIPTION_QUEUE_LIMIT: '10' }).subscriptions.queueLimit).toBe(10);
  });

  it('refuses a subscription limit that is not a positive integer, naming the variable', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SUBSCRIPTION_QUEUE_LIMIT: '0' })).toThrow(/GATEWAY_SUBSCRIPTION_QUEUE_LIMIT/);
    expect(() => loadGatewayConfig({ GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT: '2.5' })).toThrow(/GATEWAY_SUBSCRIPTION_BACKLOG_LIMIT/);
  });

  it('pools, merges and shares subgraph requests by default: 64 connections per subgraph, a 2 ms wait to merge', () => {
    expect(loadGatewayConfig({})).toMatchObject({ subgraphConnections: 64, mergeFetches: true, mergeWaitMs: 2, deduplicateFetches: true });
    expect(loadGatewayConfig({ GATEWAY_MERGE_FETCHES: 'false', GATEWAY_MERGE_WAIT_MS: '0', GATEWAY_DEDUPLICATE_FETCHES: 'false' })).toMatchObject({
      mergeFetches: false,
      mergeWaitMs: 0,
      deduplicateFetches: false,
    });
  });

  it('refuses a pool size below 1 and a negative or fractional merge wait, naming the variable', () => {
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPH_CONNECTIONS: '0' })).toThrow(/GATEWAY_SUBGRAPH_CONNECTIONS/);
    expect(() => loadGatewayConfig({ GATEWAY_MERGE_WAIT_MS: '-1' })).toThrow(/GATEWAY_MERGE_WAIT_MS/);
    expect(() => loadGatewayConfig({ GATEWAY_MERGE_WAIT_MS: '1.5' })).toThrow(/GATEWAY_MERGE_WAIT_MS/);
  });

  it('turns introspection and the explorer off in production', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, explorer: false });
  });

  it('reads subgraph URL overrides by subgraph name', () => {
    const config = loadGatewayConfig({ SUBGRAPH_USERS_URL: 'http://users:4001/graphql' });
    expect(config.subgraphUrls).toEqual({ users: 'http://users:4001/graphql' });
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadGatewayConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadGatewayConfig({ SUBGRAPH_PRODUCTS_URL: 'products:4002' })).toThrow(/SUBGRAPH_PRODUCTS_URL/);
  });
});
