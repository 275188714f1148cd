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
} from '@techally/platform';
import { MAX_LOW_STOCK_THRESHOLD } from './low-stock/low-stock-threshold';

/** The environment this subgraph reads; see README.md for the table. */
const notificationsEnv = {
  ...subgraphEnv,
  NOTIFICATIONS_PORT: port({ default: 4008, desc: 'Port the notifications subgraph listens on.' }),
  LOW_STOCK_DEFAULT_THRESHOLD: num({
    default: 5,
    desc: 'Staff are alerted when a product’s available stock falls below this, unless an administrator set its own threshold (0: never).',
  }),
};

/** The notifications subgraph's settings, read and validated once at start (README.md, House style). */
export interface NotificationsConfig extends SubgraphBaseConfig {
  /** The bus the order and payment events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
  /** The low-stock threshold of a product (and warehouse) no administrator set one for. */
  readonly lowStockDefaultThreshold: number;
}

/**
 * Reads the notifications configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadNotificationsConfig(source: Record<string, string | undefined> = process.env): NotificationsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(notificationsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  const threshold = env?.LOW_STOCK_DEFAULT_THRESHOLD;
  if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD)) {
    problems['LOW_STOCK_DEFAULT_THRESHOLD'] = `must be a whole number from 0 to ${MAX_LOW_STOCK_THRESHOLD}, got ${threshold}`;
  }
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...subgraphBaseConfig(env, env.NOTIFICATIONS_PORT), events, lowStockDefaultThreshold: env.LOW_STOCK_DEFAULT_THRESHOLD });
}
