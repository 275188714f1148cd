import { openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createSubscriptionPubSub,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import type { ProductsConfig } from './config';
import { createContextFactory } from './context';
import { createProductsOrm } from './database';
import { ProductFeed } from './live/product-feed';
import { buildProductsSchema } from './schema';
import { seedCatalog } from './seed/seed';

/** The running products subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ProductsSubgraph extends SubgraphApp {
  readonly name: 'products';
}

export type ProductsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the event bus, the subscription pub/sub and the request
 * context wired into the platform's subgraph assembly, with the outbox relay (which publishes the catalogue's
 * events after their commit, and feeds `productChanged` from them) as a background worker: started by `listen`,
 * stopped before the pool closes, the bus and the pub/sub closed last. Opens the database pool, the pub/sub (and
 * the bus unless one is injected); does not migrate, seed or listen.
 */
export async function createProductsSubgraph(
  config: ProductsConfig,
  options: ProductsSubgraphOptions = {},
): Promise<ProductsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'products', level: config.logLevel });
  const orm = await createProductsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close: closeBus } = openEventBus(config.events, options.bus, { logger });
  // Redis Pub/Sub with REDIS_URL (every products process hears every change, whichever relay published it),
  // in memory without (the embedded start: this process's relay and subscribers only).
  const pubSub = createSubscriptionPubSub({
    redisUrl: config.events.redisUrl,
    keyPrefix: `${config.events.keyPrefix}:subscriptions`,
    logger,
  });
  const productFeed = new ProductFeed(pubSub);
  return assembleSubgraph({
    name: 'products',
    config,
    orm,
    logger,
    options,
    buildSchema: () => buildProductsSchema({ pubSub }),
    createContext: (verifier) => createContextFactory({ orm, verifier, productFeed }),
    seed: (seedOptions) => seedCatalog(orm, logger, seedOptions),
    workers: [outboxRelayWorker({ orm, bus, logger, config: config.events, onPublished: productFeed.onPublished })],
    // After the server drained (its subscriptions ended) and the relay stopped publishing.
    closeables: [closeBus, () => pubSub.close()],
  });
}
