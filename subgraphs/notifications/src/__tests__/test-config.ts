import type { TestDatabase } from '@techally/testing';
import { loadNotificationsConfig, type NotificationsConfig } from '../config';

/** The subgraph's configuration on a test database, quiet, with `env` over it. */
export function testConfig(database: TestDatabase, env: Record<string, string> = {}): NotificationsConfig {
  return loadNotificationsConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    ...env,
  });
}
