import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import { Client } from '@elastic/elasticsearch';
import { ElasticsearchSearchBackend } from './backend/elasticsearch/elasticsearch-search-backend';
import { PostgresSearchBackend } from './backend/postgres/postgres-search-backend';
import type { SearchBackend } from './backend/search-backend';
import { catalogBootstrapWorker } from './catalog/catalog-bootstrap';
import { indexCatalogConsumer } from './catalog/catalog-events.consumer';
import { createCatalogSource } from './catalog/catalog-source';
import { IndexNotifications } from './catalog/index-notifications';
import type { SearchConfig } from './config';
import { createContextFactory } from './context';
import { createSearchOrm } from './database';
import { buildSearchSchema } from './schema';

/** The running search subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface SearchSubgraph extends SubgraphApp {
  readonly name: 'search';
  /** Every change the index applied, once committed (tests wait on it). */
  readonly indexed: IndexNotifications;
  readonly backend: SearchBackend;
}

export type SearchSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the clients of the subgraphs that own the catalogue,
 * the event bus, the backend and the request context wired into the platform's subgraph assembly. Opens the
 * pool (and the bus unless one is injected); does not migrate or listen. Once the server listens, the catalogue
 * consumer and the one-off bootstrap start.
 */
export async function createSearchSubgraph(config: SearchConfig, options: SearchSubgraphOptions = {}): Promise<SearchSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'search', level: config.logLevel });
  const orm = await createSearchOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const client = (name: string, url: string) => createServiceClient({ name, url, timeoutMs: config.serviceTimeoutMs, logger });
  const catalog = createCatalogSource({
    products: client('products', config.productsUrl),
    inventory: client('inventory', config.inventoryUrl),
    reviews: client('reviews', config.reviewsUrl),
  });
  const notifications = new IndexNotifications();
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });

  const elasticsearch = config.elasticsearch ? new Client({ node: config.elasticsearch.url }) : null;
  const backend: SearchBackend =
    elasticsearch && config.elasticsearch
      ? new ElasticsearchSearchBackend({ client: elasticsearch, alias: config.elasticsearch.index })
      : new PostgresSearchBackend(orm);
  const dependencies = { orm, backend, catalog, notifications };

  const app = await assembleSubgraph({
    name: 'search',
    config,
    orm,
    logger,
    options,
    buildSchema: buildSearchSchema,
    createContext: (verifier) => createContextFactory({ verifier, backend }),
    // A read model has no demo data of its own: the bootstrap (below) builds it from the seeded catalogue.
    seed: async () => undefined,
    workers: [
      {
        name: 'search.backend',
        async start() {
          await backend.prepare();
          logger.info({ backend: backend.name }, 'search backend ready');
          if (!(await backend.typoTolerance())) logger.warn('pg_trgm is not installed: search runs without typo correction');
        },
        async stop() {},
      },
      consumerWorker(bus, indexCatalogConsumer(dependencies), 'search'),
      catalogBootstrapWorker({ ...dependencies, logger, retryMs: config.bootstrapRetryMs }),
    ],
    closeables: [close, async () => void (await elasticsearch?.close())],
  });
  return Object.assign(app, { indexed: notifications, backend });
}
