import {
  createAccessTokenVerifier,
  createLogger,
  createServiceClient,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
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

export interface ReviewsSubgraphOptions {
  /** Defaults to a JSON logger at the configured level. */
  readonly logger?: Logger;
  /**
   * Where access-token signing keys come from. Defaults to the users subgraph's JWKS at `config.jwksUrl`;
   * tests pass a local key set.
   */
  readonly accessTokenKeys?: JWTVerifyGetKey;
  /** Whether this server reports process-wide metrics (false when several services share one process). */
  readonly processMetrics?: boolean;
}

/**
 * The composition root (STYLE.md §2): the ORM, the token verifier, the products client, the schema and the
 * HTTP server, wired once. Opens the database pool; does not migrate, seed or listen (the caller decides).
 */
export async function createReviewsSubgraph(config: ReviewsConfig, options: ReviewsSubgraphOptions = {}): Promise<ReviewsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'reviews', level: config.logLevel });
  const orm = await createReviewsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const catalog = createProductCatalog(
      createServiceClient({ name: 'products', url: config.productsUrl, timeoutMs: config.serviceTimeoutMs, logger }),
    );
    const server = await createSubgraphServer({
      name: 'reviews',
      schema: await buildReviewsSchema(),
      logger,
      createContext: createContextFactory({ orm, verifier, catalog }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'reviews',
      orm,
      migrate: () => migrate(orm),
      seed: () => seedReviews(orm, logger),
      listen: (port, host) => server.listen(port, host ?? config.host),
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    // Nothing else owns the pool yet: close it, or a failed start keeps the process alive.
    await orm.close();
    throw error;
  }
}
