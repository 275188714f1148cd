import { consumerWorker, openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  createSubscriptionPubSub,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import type { InventoryConfig } from './config';
import { createContextFactory } from './context';
import { createInventoryOrm } from './database';
import { StockFeed } from './live/stock-feed';
import { createOrderEventConsumers } from './order-events';
import { createProductCatalog } from './product/product-catalog';
import { ReservationService } from './reservation/reservation.service';
import { buildInventorySchema } from './schema';
import { seedInventory } from './seed/seed';

/** The running inventory subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface InventorySubgraph extends SubgraphApp {
  readonly name: 'inventory';
}

export type InventorySubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the products client, the event bus, the subscription pub/sub and
 * the request context wired into the platform's subgraph assembly, with the outbox relay (which feeds
 * `stockChanged` from every committed stock-changed event) and the consumers of the orders subgraph's events as
 * background workers (started by `listen`, stopped before the pool closes). Opens the database pool and the
 * pub/sub; does not migrate, seed or listen.
 */
export async function createInventorySubgraph(
  config: InventoryConfig,
  options: InventorySubgraphOptions = {},
): Promise<InventorySubgraph> {
  const logger = options.logger ?? createLogger({ name: 'inventory', level: config.logLevel });
  const orm = await createInventoryOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const catalog = createProductCatalog(
    createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
  );
  const { bus, close: closeBus } = openEventBus(config.events, options.bus, { logger });
  const reservations = new ReservationService({ ttlSeconds: config.reservationTtlSeconds });
  const consumers = createOrderEventConsumers({ orm, reservations, logger });
  // Redis Pub/Sub with REDIS_URL (every inventory process hears every change, whichever relay published it),
  // in memory without (the embedded start: this process's relay and subscribers only).
  const pubSub = createSubscriptionPubSub({
    redisUrl: config.events.redisUrl,
    keyPrefix: `${config.events.keyPrefix}:subscriptions`,
    logger,
  });
  const stockFeed = new StockFeed(pubSub);
  return assembleSubgraph({
    name: 'inventory',
    config,
    orm,
    logger,
    options,
    buildSchema: () => buildInventorySchema({ pubSub }),
    createContext: (verifier) => createContextFactory({ orm, verifier, catalog, stockFeed }),
    seed: (seedOptions) => seedInventory(orm, logger, seedOptions),
    workers: [
      outboxRelayWorker({
        orm,
        bus,
        logger,
        config: config.events,
        onPublished: stockFeed.onPublished,
      }),
      ...consumers.map((consumer) => consumerWorker(bus, consumer, 'inventory')),
    ],
    // After the server drained (its subscriptions ended) and the relay stopped publishing.
    closeables: [closeBus, () => pubSub.close()],
  });
}
