import { consumerWorker, openEventBus, outboxRelayWorker, type EventBusOption } from '@techally/events';
import {
  assembleSubgraph,
  createLogger,
  createServiceClient,
  type SubgraphApp,
  type SubgraphAppOptions,
} from '@techally/platform';
import type { ReviewsConfig } from './config';
import { createContextFactory } from './context';
import { createReviewsOrm } from './database';
import { trackPurchasesConsumer } from './order-events/track-purchases.consumer';
import { createProductCatalog } from './product/product-catalog';
import { buildReviewsSchema } from './schema';
import { seedReviews } from './seed/seed';

/** The running reviews subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ReviewsSubgraph extends SubgraphApp {
  readonly name: 'reviews';
}

export type ReviewsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the products client, the event bus and the request context
 * wired into the platform's subgraph assembly. Opens the database pool (and the bus unless one is injected);
 * does not migrate, seed or listen. The outbox relay (ratings) and the purchases consumer start once the server
 * listens and stop before the pool closes.
 */
export async function createReviewsSubgraph(config: ReviewsConfig, options: ReviewsSubgraphOptions = {}): Promise<ReviewsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'reviews', level: config.logLevel });
  const orm = await createReviewsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const catalog = createProductCatalog(
    createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
  );
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  const consumers = [trackPurchasesConsumer(orm)];
  return assembleSubgraph({
    name: 'reviews',
    config,
    orm,
    logger,
    options,
    buildSchema: buildReviewsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier, catalog }),
    seed: () => seedReviews(orm, logger),
    workers: [
      // Publishes reviews.rating-changed.v1 after each commit that changed a product's rating.
      outboxRelayWorker({ orm, bus, logger, config: config.events }),
      ...consumers.map((consumer) => consumerWorker(bus, consumer, 'reviews')),
    ],
    closeables: [close],
  });
}
