import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import { createInMemoryEventBus, type EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import { createTestDatabase, createTestSigningKey, signTestToken } from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createNotificationsSubgraph, loadNotificationsConfig, type NotificationsSubgraph } from '..';

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

/** Someone with a token: a fresh user id and a bearer token for it. */
export interface Caller {
  readonly userId: string;
  readonly token: string;
}

/** A notifications subgraph on a database of the test file's own, migrated and listening, on an in-memory bus. */
export interface NotificationsHarness {
  readonly subgraph: NotificationsSubgraph;
  readonly url: string;
  /** The bus the subgraph consumes from. */
  readonly bus: EventBus;
  /** A new user with these roles (CUSTOMER by default). */
  caller(roles?: string[]): Promise<Caller>;
  stop(): Promise<void>;
}

export interface NotificationsHarnessOptions {
  /** Overrides of the subgraph's environment (VAPID_*, SMS_*, ...). */
  readonly env?: Record<string, string>;
  /** The TLS agent of push requests (trusting a local push service). */
  readonly pushAgent?: Agent;
}

export async function startNotificationsHarness(options: NotificationsHarnessOptions = {}): Promise<NotificationsHarness> {
  const [database, key] = await Promise.all([createTestDatabase(), createTestSigningKey('notifications-test')]);
  const bus = createInMemoryEventBus();
  let subgraph: NotificationsSubgraph | undefined;
  const stop = async (): Promise<void> => {
    await subgraph?.stop();
    await bus.close();
    await database.drop();
  };
  try {
    const config = loadNotificationsConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(database.poolMax),
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      ...options.env,
    });
    subgraph = await createNotificationsSubgraph(config, {
      // NOTIFICATIONS_TEST_LOG_LEVEL=error shows what was masked as INTERNAL_SERVER_ERROR when a test fails.
      logger: createLogger({ name: 'notifications', level: (process.env['NOTIFICATIONS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' }),
      accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
      processMetrics: false,
      bus,
      ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}),
    });
    await subgraph.migrate();
    const url = await subgraph.listen(0);
    return {
      subgraph,
      url,
      bus,
      async caller(roles = ['CUSTOMER']) {
        const userId = randomUUID();
        return { userId, token: await signTestToken(key, { sub: userId, roles, issuer: ISSUER, audience: AUDIENCE }) };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

