/**
 * `pnpm --filter @techally/analytics rebuild` (after `pnpm build`): rebuilds the read model from the event
 * streams while the running analytics processes keep serving (README.md, *Rebuild by replay*). Reads the same
 * environment as the service (DATABASE_URL, REDIS_URL, EVENTS_KEY_PREFIX), migrates, rebuilds, prints what it did.
 */
import { ConfigError, createLogger } from '@techally/platform';
import { createAnalyticsSubgraph, loadAnalyticsConfig } from '../index';

async function main(): Promise<void> {
  const config = loadAnalyticsConfig();
  const logger = createLogger({ name: 'analytics-rebuild', level: config.logLevel });
  if (!config.events.redisUrl) {
    throw new ConfigError({ REDIS_URL: 'a rebuild replays the Redis streams: without REDIS_URL (the in-memory bus of the embedded start) there is no history to read; use the rebuildAnalytics mutation there' });
  }
  const subgraph = await createAnalyticsSubgraph(config, { logger });
  try {
    await subgraph.migrate();
    const result = await subgraph.rebuild();
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await subgraph.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
