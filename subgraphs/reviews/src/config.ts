import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  port,
  readEnv,
  type SubgraphBaseConfig,
  subgraphBaseConfig,
  subgraphEnv,
  subgraphUrl,
} from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const reviewsEnv = {
  ...subgraphEnv,
  REVIEWS_PORT: port({ default: 4006, desc: 'Port the reviews subgraph listens on.' }),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(
    4002,
    'The products subgraph: whether a product exists and is on sale before a review of it is written.',
  ),
};

/** The reviews subgraph's settings, read and validated once at start (README.md, House style). */
export interface ReviewsConfig extends SubgraphBaseConfig {
  readonly productsUrl: string;
  /** The event bus the purchases consumer reads (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
}

/**
 * Reads the reviews configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadReviewsConfig(source: Record<string, string | undefined> = process.env): ReviewsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(reviewsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.REVIEWS_PORT),
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    events,
  });
}
