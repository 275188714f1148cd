import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  num,
  port,
  readEnv,
  type SubgraphBaseConfig,
  subgraphBaseConfig,
  subgraphEnv,
  subgraphUrl,
} from '@techally/platform';


/** The environment this subgraph reads; see README.md for the table. */
const searchEnv = {
  ...subgraphEnv,
  SEARCH_PORT: port({ default: 4007, desc: 'Port the search subgraph listens on.' }),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(4002, 'The products subgraph: the text, price and category of a product an event named.'),
  SUBGRAPH_INVENTORY_URL: subgraphUrl(4003, 'The inventory subgraph: stock of the catalogue when the index is first built.'),
  SUBGRAPH_REVIEWS_URL: subgraphUrl(4006, 'The reviews subgraph: ratings of the catalogue when the index is first built.'),
  SEARCH_BOOTSTRAP_RETRY_MS: num({
    default: 5_000,
    desc: 'How long to wait before trying again to build the index from the catalogue when a subgraph did not answer.',
  }),
};

/** The search subgraph's settings, read and validated once at start (README.md, House style). */
export interface SearchConfig extends SubgraphBaseConfig {
  readonly productsUrl: string;
  readonly inventoryUrl: string;
  readonly reviewsUrl: string;
  readonly bootstrapRetryMs: number;
  /** The bus the catalogue's events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
}

/**
 * Reads the search configuration from `source` (process.env by default). The only reader of the environment in
 * this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadSearchConfig(source: Record<string, string | undefined> = process.env): SearchConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(searchEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.SEARCH_PORT),
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    inventoryUrl: env.SUBGRAPH_INVENTORY_URL,
    reviewsUrl: env.SUBGRAPH_REVIEWS_URL,
    bootstrapRetryMs: env.SEARCH_BOOTSTRAP_RETRY_MS,
    events,
  });
}
