import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import {
  collectConfigProblems,
  ConfigError,
  port,
  readEnv,
  type SubgraphBaseConfig,
  subgraphBaseConfig,
  subgraphEnv,
} from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const productsEnv = {
  ...subgraphEnv,
  PRODUCTS_PORT: port({ default: 4002, desc: 'Port the products subgraph listens on.' }),
};

/** The products subgraph's settings, read and validated once at start (README.md, House style). */
export interface ProductsConfig extends SubgraphBaseConfig {
  /** The event bus the catalogue's events are published to, and the outbox relay (REDIS_URL, EVENTS_KEY_PREFIX, OUTBOX_*). */
  readonly events: EventBusConfig;
}

/**
 * Reads the products configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable (those of the
 * event bus included, reported together).
 */
export function loadProductsConfig(source: Record<string, string | undefined> = process.env): ProductsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(productsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.PRODUCTS_PORT),
    events,
  });
}
