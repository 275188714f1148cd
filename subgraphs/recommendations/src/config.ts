import { loadEventBusConfig, type EventBusConfig } from '@techally/events';
import { collectConfigProblems, ConfigError, port, readEnv, type SubgraphBaseConfig, subgraphBaseConfig, subgraphEnv } from '@techally/platform';

/** The environment this subgraph reads; see README.md for the table. */
const recommendationsEnv = {
  ...subgraphEnv,
  RECOMMENDATIONS_PORT: port({ default: 4009, desc: 'Port the recommendations subgraph listens on.' }),
};

/** The recommendations subgraph's settings, read and validated once at start (README.md, House style). */
export interface RecommendationsConfig extends SubgraphBaseConfig {
  /** The bus the order and catalogue events are read from (REDIS_URL, EVENTS_KEY_PREFIX, ...). */
  readonly events: EventBusConfig;
}

/**
 * Reads the recommendations configuration from `source` (process.env by default). The only reader of the
 * environment in this package; throws a ConfigError naming every missing or malformed variable.
 */
export function loadRecommendationsConfig(source: Record<string, string | undefined> = process.env): RecommendationsConfig {
  const problems: Record<string, string> = {};
  const env = collectConfigProblems(problems, () => readEnv(recommendationsEnv, source));
  const events = collectConfigProblems(problems, () => loadEventBusConfig(source));
  if (!env || !events || Object.keys(problems).length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...subgraphBaseConfig(env, env.RECOMMENDATIONS_PORT), events });
}
