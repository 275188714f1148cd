import { consumerWorker, openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  createSubscriptionPubSub,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import { AddressBook } from './checkout/address-book.client';
import { ProductCatalog } from './checkout/catalog.client';
import type { OrdersConfig } from './config';
import { createContextFactory } from './context';
import { createOrdersOrm } from './database';
import { OrderStatusFeed } from './live/order-status-feed';
import { followPaymentsConsumer } from './saga/follow-payments.consumer';
import { followStockConsumer } from './saga/follow-stock.consumer';
import { OrderExpirySweeper, orderExpiryWorker } from './saga/order-expiry.sweeper';
import { PendingOrderDeadline, pendingOrderDeadlineWorker } from './saga/pending-order.deadline';
import { buildOrdersSchema } from './schema';
import { seedDemoOrders } from './seed/seed';

/** The running orders subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface OrdersSubgraph extends SubgraphApp {
  readonly name: 'orders';
}

export interface OrdersSubgraphOptions extends SubgraphAppOptions, EventBusOption {
  /** The time, for tests that need status changes at known instants (history, payment deadlines). */
  readonly clock?: () => Date;
}

/**
 * The composition root (README.md, House style): the ORM, the event bus, the subscription pub/sub, the products and users
 * clients and the request context wired into the platform's subgraph assembly, with the saga's workers — the
 * outbox relay (which also feeds the order subscriptions from every committed status change), the
 * `orders.follow-stock` and `orders.follow-payments` consumers, the expiry sweeper and the pending-order deadline — started once it
 * listens. Opens the database pool, the pub/sub (and the bus, unless one is injected); does not migrate, seed
 * or listen.
 */
export async function createOrdersSubgraph(config: OrdersConfig, options: OrdersSubgraphOptions = {}): Promise<OrdersSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'orders', level: config.logLevel });
  const orm = await createOrdersOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const { bus, close: closeBus } = openEventBus(config.events, options.bus, { logger });
  const timeoutMs = config.serviceTimeoutMs;
  const catalog = new ProductCatalog(createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs, logger }));
  const addressBook = new AddressBook(createServiceClient({ name: 'users', url: config.usersUrl, timeoutMs, logger }));
  const clock = options.clock ?? (() => new Date());
  const saga = { orm, clock, logger };
  // Redis Pub/Sub with REDIS_URL (every orders process hears every change, whichever relay published it), in
  // memory without (the embedded start: this process's relay and subscribers only).
  const pubSub = createSubscriptionPubSub({
    redisUrl: config.events.redisUrl,
    keyPrefix: `${config.events.keyPrefix}:subscriptions`,
    logger,
  });
  const orderStatusFeed = new OrderStatusFeed(pubSub);
  return assembleSubgraph({
    name: 'orders',
    config,
    orm,
    logger,
    options,
    buildSchema: () => buildOrdersSchema({ pubSub }),
    createContext: (verifier) => createContextFactory({ orm, verifier, catalog, addressBook, clock, orderStatusFeed, unpaidOrderLimits: config.unpaidOrderLimits }),
    seed: (seedOptions) => seedDemoOrders(orm, logger, seedOptions),
    workers: [
      outboxRelayWorker({
        orm,
        bus,
        logger,
        config: config.events,
        onPublished: orderStatusFeed.onPublished,
      }),
      ...[followStockConsumer(saga), followPaymentsConsumer(saga)].map((consumer) => consumerWorker(bus, consumer, 'orders')),
      orderExpiryWorker(new OrderExpirySweeper(saga), config.orderExpirySweepIntervalMs, saga),
      pendingOrderDeadlineWorker(
        new PendingOrderDeadline({ ...saga, redriveIntervalMs: config.orderPendingRedriveIntervalMs, timeoutMs: config.orderPendingTimeoutMs }),
        config.orderExpirySweepIntervalMs,
        saga,
      ),
    ],
    // After the server drained (its subscriptions ended) and the relay stopped publishing.
    closeables: [closeBus, () => pubSub.close()],
  });
}
