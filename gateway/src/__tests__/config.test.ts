import { ConfigError } from '@techally/platform';
import { loadGatewayConfig } from '../config';

describe('gateway configuration', () => {
  it('has documented defaults: port 4000, explorer and introspection on outside production', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ port: 4000, introspection: true, explorer: true, subgraphUrls: {} });
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
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
