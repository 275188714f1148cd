import {
  createAccessTokenVerifier,
  createLogger,
  createOrm,
  createSubgraphServer,
  isDatabaseReachable,
  migrate,
  type Logger,
  type RequestInfo,
  type SubgraphApp,
} from '@techally/platform';
import type { JWTVerifyGetKey } from 'jose';
import type { ReviewsConfig } from './config';
import { buildReviewsSchema } from './schema';

/** The running reviews subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface ReviewsSubgraph extends SubgraphApp {
  readonly name: 'reviews';
}

export interface ReviewsSubgraphOptions {
  readonly logger?: Logger;
  readonly accessTokenKeys?: JWTVerifyGetKey;
  readonly processMetrics?: boolean;
}

/** Skeleton composition root; the real one follows. */
export async function createReviewsSubgraph(config: ReviewsConfig, options: ReviewsSubgraphOptions = {}): Promise<ReviewsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'reviews', level: config.logLevel });
  const orm = await createOrm({ schema: 'reviews', databaseUrl: config.databaseUrl, entities: [], migrations: [], poolMax: config.databasePoolMax, logger });
  try {
    const verifier = createAccessTokenVerifier({
      keys: options.accessTokenKeys ?? new URL(config.jwksUrl),
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
    const server = await createSubgraphServer({
      name: 'reviews',
      schema: await buildReviewsSchema(),
      logger,
      createContext: async (request: RequestInfo) => ({ ...request, viewer: await verifier.viewerFromAuthorization(request.headers.authorization) }),
      isReady: () => isDatabaseReachable(orm),
      processMetrics: options.processMetrics ?? true,
    });
    return {
      name: 'reviews',
      orm,
      migrate: () => migrate(orm),
      seed: async () => undefined,
      listen: (port, host) => server.listen(port, host ?? config.host),
      async stop() {
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
