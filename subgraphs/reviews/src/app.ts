import type { EventBusOption } from '@techally/events';
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
import { createProductCatalog } from './product/product-catalog';
import { buildReviewsSchema } from './schema';
import { seedReviews } from './seed/seed';

/** The running reviews subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ReviewsSubgraph extends SubgraphApp {
  readonly name: 'reviews';
}

export type ReviewsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (STYLE.md §2): the ORM, the products client and the request context wired into the
 * platform's subgraph assembly. Opens the database pool; does not migrate, seed or listen.
 */
export async function createReviewsSubgraph(config: ReviewsConfig, options: ReviewsSubgraphOptions = {}): Promise<ReviewsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'reviews', level: config.logLevel });
  const orm = await createReviewsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  const catalog = createProductCatalog(
    createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
  );
  return assembleSubgraph({
    name: 'reviews',
    config,
    orm,
    logger,
    options,
    buildSchema: buildReviewsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier, catalog }),
    seed: () => seedReviews(orm, logger),
  });
}
