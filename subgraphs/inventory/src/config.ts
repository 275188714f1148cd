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

/** A week: a hold on stock longer than that is a typo, not a payment window. */
export const MAX_RESERVATION_TTL_SECONDS = 7 * 24 * 3600;

/** The environment this subgraph reads; see README.md for the table. */
const inventoryEnv = {
  ...subgraphEnv,
  INVENTORY_PORT: port({ default: 4003, desc: 'Port the inventory subgraph listens on.' }),
  SUBGRAPH_PRODUCTS_URL: subgraphUrl(
    4002,
    'The products subgraph: whether a product an admin adjusts stock for exists.',
  ),
  // 10 minutes (issue #9): enough to enter a card and pass 3-D Secure; short, because until then an unpaid order
  // keeps its units off sale for everyone else.
  RESERVATION_TTL_SECONDS: num({
    default: 600,
    desc: 'How long the stock of a placed order is held for its payment (the order is cancelled after it).',
  }),
};

/** The inventory subgraph's settings, read and validated once at start (README.md, House style). */
export interface InventoryConfig extends SubgraphBaseConfig {
  readonly productsUrl: string;
  /** Seconds a reservation holds stock; its expiry is the order's `payBy` (orders cancels unpaid orders then). */
  readonly reservationTtlSeconds: number;
  /** The event bus and the outbox relay (REDIS_URL, EVENTS_KEY_PREFIX, OUTBOX_*). */
  readonly events: EventBusConfig;
}

/**
 * Reads the inventory configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable (those of the
 * event bus included, reported together).
 */
export function loadInventoryConfig(source: Record<string, string | undefined> = process.env): InventoryConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(inventoryEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (env) {
    const ttl = env.RESERVATION_TTL_SECONDS;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_RESERVATION_TTL_SECONDS) {
      problems['RESERVATION_TTL_SECONDS'] = `must be a whole number of seconds from 1 to ${MAX_RESERVATION_TTL_SECONDS}, got ${ttl}`;
    }
  }
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...subgraphBaseConfig(env, env.INVENTORY_PORT),
    productsUrl: env.SUBGRAPH_PRODUCTS_URL,
    reservationTtlSeconds: env.RESERVATION_TTL_SECONDS,
    events,
  });
}
