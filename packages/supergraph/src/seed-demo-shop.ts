import type { Logger } from '@techally/platform';
import { SUBGRAPHS } from './subgraph-registry';

/**
 * Loads the demo shop (packages/demo-data) into every subgraph's schema on `env`'s DATABASE_URL, as `pnpm start`
 * does: each subgraph migrated, then seeded where its tables are empty (a seeded database is left as it is; the
 * seeds take advisory locks, so a service starting meanwhile is harmless). Services never seed themselves in
 * production; this is for a local start of the production shape (`SEED_DEMO_DATA=true pnpm start:services`). The
 * demo shop's history (catalogue, opening stock, past sales) is written to the outboxes too, for the read models.
 */
export async function seedDemoShop(env: Record<string, string | undefined>, logger: Logger): Promise<void> {
  for (const definition of SUBGRAPHS) {
    // No metrics port, no listening: the app exists only to migrate and seed.
    const app = await definition.create({ ...env, METRICS_PORT: undefined }, logger.child({ service: definition.name }));
    try {
      await app.migrate();
      // The history goes out when each service's relay starts (publishHistory, @techally/platform's DemoSeedOptions).
      await app.seed({ publishHistory: true });
    } finally {
      await app.stop();
    }
  }
}
