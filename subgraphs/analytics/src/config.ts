import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import { collectConfigProblems, ConfigError, port, readEnv, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const analyticsEnv = {
  ...subgraphEnv,
  ANALYTICS_PORT: port({ default: 4010, desc: 'Port the analytics subgraph listens on.' }),
};

/** The analytics subgraph's settings, read and validated once at start (README.md, House style). */
export interface AnalyticsConfig extends SubgraphBaseConfig {
  /** The bus the orders' events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
}

/**
 * Reads the analytics configuration from `source` (process.env by default). The only reader of the environment
 * in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadAnalyticsConfig(source: Record<string, string | undefined> = process.env): AnalyticsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(analyticsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...subgraphBaseConfig(env, env.ANALYTICS_PORT), events });
}
