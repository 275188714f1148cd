import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  num,
  port,
  readEnv,
  str,
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
  ELASTICSEARCH_URL: str({
    default: '',
    desc: 'Elasticsearch (http://host:9200): search on it instead of PostgreSQL full-text search. Unset: PostgreSQL.',
  }),
  ELASTICSEARCH_INDEX: str({ default: 'techally-products', desc: 'The alias the Elasticsearch backend searches and writes (indexes behind it: <alias>-<timestamp>).' }),
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
  /** Null: the PostgreSQL backend. */
  readonly elasticsearch: { readonly url: string; readonly index: string } | null;
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
  if (env?.ELASTICSEARCH_URL && !/^https?:\/\/[^/\s]+/.test(env.ELASTICSEARCH_URL)) {
    problems['ELASTICSEARCH_URL'] = 'must be an http(s) URL such as http://localhost:9200';
  }
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.SEARCH_PORT),
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    inventoryUrl: env.SUBGRAPH_INVENTORY_URL,
    reviewsUrl: env.SUBGRAPH_REVIEWS_URL,
    bootstrapRetryMs: env.SEARCH_BOOTSTRAP_RETRY_MS,
    elasticsearch: env.ELASTICSEARCH_URL ? { url: env.ELASTICSEARCH_URL, index: env.ELASTICSEARCH_INDEX } : null,
    events,
  });
}
