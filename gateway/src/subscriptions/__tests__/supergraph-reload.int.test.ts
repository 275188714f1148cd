import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@techally/platform';
import { createTestSigningKey, eventually, metricValue, subscribe, wsClient } from '@techally/testing';
import { createGateway, type Gateway } from '../../app';
import { loadGatewayConfig } from '../../config';
import { composeSupergraph, localKeySet } from './support/federation';
import {
  AUDIENCE,
  CATALOG_SDL,
  CATALOG_V2_SDL,
  ISSUER,
  startCatalogSubgraph,
  startStockSubgraph,
  stockChanged,
  STOCK_SDL,
  type CatalogSubgraph,
  type StockSubgraph,
} from './support/test-subgraphs';

let stock: StockSubgraph;
let catalog: CatalogSubgraph;
let gateway: Gateway;
let gatewayUrl: string;
let supergraphPath: string;

const upstreams = () => metricValue(stock.metricsUrl, 'graphql_subscriptions_active');

beforeAll(async () => {
  const key = await createTestSigningKey();
  const keys = localKeySet(key.publicJwk);
  stock = await startStockSubgraph(keys);
  catalog = await startCatalogSubgraph(keys, CATALOG_V2_SDL); // already serves what the second supergraph adds
  supergraphPath = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'supergraph.graphql');
  writeFileSync(
    supergraphPath,
    await composeSupergraph([
      { name: 'stock', url: stock.url, typeDefs: STOCK_SDL },
      { name: 'catalog', url: catalog.url, typeDefs: CATALOG_SDL },
    ]),
  );
  const config = loadGatewayConfig({ SUPERGRAPH_PATH: supergraphPath, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, LOG_LEVEL: 'silent' });
  gateway = await createGateway(config, { logger: createLogger({ name: 'gateway', level: 'silent' }), accessTokenKeys: keys });
  gatewayUrl = await gateway.listen(0);
});

afterAll(async () => {
  await gateway?.stop();
  await stock?.close();
  await catalog?.close();
});

describe('a supergraph reload', () => {
  it('ends open subscriptions with SUPERGRAPH_RELOADED, releases their upstreams, and new ones use the new graph', async () => {
    const client = wsClient(gatewayUrl);
    const received = subscribe(client, 'subscription { stockChanged(productIds: ["p1"]) { available product { name } } }');
    await eventually(async () => (await upstreams()) === 1, 'the upstream subscription');

    const next = await composeSupergraph([
      { name: 'stock', url: stock.url, typeDefs: STOCK_SDL },
      { name: 'catalog', url: catalog.url, typeDefs: CATALOG_V2_SDL },
    ]);
    writeFileSync(`${supergraphPath}.tmp`, next);
    renameSync(`${supergraphPath}.tmp`, supergraphPath);

    expect(await received.ended).toEqual({ completed: true });
    expect(received.results).toEqual([
      { errors: [{ message: 'The graph was updated; subscribe again.', extensions: { code: 'SUPERGRAPH_RELOADED' } }] },
    ]);
    await eventually(async () => (await upstreams()) === 0, 'the upstream released');

    const again = subscribe(client, 'subscription { stockChanged(productIds: ["p1"]) { available product { name colour } } }');
    await eventually(async () => (await upstreams()) === 1, 'the new upstream subscription');
    await stockChanged.publish(stock.pubSub, { productId: 'p1', available: 2 }, 'p1');
    await eventually(() => again.results.length === 1, 'an event on the new graph');
    expect(again.results[0]).toEqual({ data: { stockChanged: { available: 2, product: { name: 'Product p1', colour: 'teal' } } } });
    again.dispose();
    await client.dispose();
  });
});
