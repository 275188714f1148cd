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
const notificationsEnv = {
  ...subgraphEnv,
  NOTIFICATIONS_PORT: port({ default: 4008, desc: 'Port the notifications subgraph listens on.' }),
};

/** The notifications subgraph's settings, read and validated once at start (README.md, House style). */
export interface NotificationsConfig extends SubgraphBaseConfig {
  /** The bus the order and payment events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
}

/**
 * Reads the notifications configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadNotificationsConfig(source: Record<string, string | undefined> = process.env): NotificationsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(notificationsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events) throw new ConfigError(problems);
  return Object.freeze({ ...subgraphBaseConfig(env, env.NOTIFICATIONS_PORT), events });
}
