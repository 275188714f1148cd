import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'node:https';
import { createEvent, createInMemoryEventBus, type EventBus } from '@techally/events';
import { createLogger, createSubscriptionPubSub } from '@techally/platform';
import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  deleteKeys,
  eventually,
  metricValue,
  postGraphQL,
  signTestToken,
  uniqueKeyPrefix,
  type TestDatabase,
  type TestSigningKey,
} from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createNotificationsSubgraph, loadNotificationsConfig, type NotificationsSubgraph } from '..';
import { NotificationFeed } from '../live/notification-feed';
import { LEARN_RECIPIENTS, learnRecipientsConsumer } from '../recipients/learn-recipients.consumer';

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

/** A signed-in user of a spec: their id and a token the subgraph accepts. */
export interface Caller {
  readonly userId: string;
  readonly token: string;
}

/** One notifications subgraph on a database of the spec's own, its events handed over on an in-memory bus. */
export interface NotificationsHarness {
  readonly subgraph: NotificationsSubgraph;
  readonly bus: EventBus;
  readonly url: string;
  caller(roles?: string[]): Promise<Caller>;
  /** A member of staff the recipient directory has learned (from a users event, as in production). */
  staff(): Promise<Caller>;
  query<Data>(as: Caller | null, operation: string, variables?: Record<string, unknown>): ReturnType<typeof postGraphQL<Data>>;
  sql<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  /** Waits until the subgraph holds `count` live subscriptions (its pub/sub stream in place). */
  liveSubscriptions(count: number): Promise<void>;
  stop(): Promise<void>;
}

/** A feed nobody listens to, for specs that hand events to a consumer themselves (what is live is not theirs). */
export function silentFeed(): NotificationFeed {
  const logger = createLogger({ name: 'test', level: 'silent' });
  return new NotificationFeed(createSubscriptionPubSub({ keyPrefix: 'test', logger }), logger);
}

/** How the bus hands a spec's event to a consumer. */
export const delivery = (group: string) => ({ deliveries: 1, group, consumer: 'test' });

export interface NotificationsHarnessOptions {
  /** REDIS_URL for the subscription pub/sub, under a key prefix of the spec's own; in memory when absent. */
  readonly redisUrl?: string;
  readonly env?: Record<string, string>;
  /** The TLS agent of push requests (trusting a local push service). */
  readonly pushAgent?: Agent;
}

export async function startNotificationsHarness(options: NotificationsHarnessOptions = {}): Promise<NotificationsHarness> {
  const database: TestDatabase = await createTestDatabase();
  const key: TestSigningKey = await createTestSigningKey('notifications-test');
  const bus = createInMemoryEventBus();
  const keyPrefix = uniqueKeyPrefix('notifications');
  const config = loadNotificationsConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    // No SMTP_URL: any email goes to a file under the temp directory, never into the working tree.
    MAIL_DIR: join(tmpdir(), 'techally-notifications-test-mail'),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl, EVENTS_KEY_PREFIX: keyPrefix } : {}),
    ...options.env,
  });
  const subgraph = await createNotificationsSubgraph(config, {
    // NOTIFICATIONS_TEST_LOG_LEVEL=error shows what was masked as INTERNAL_SERVER_ERROR when a test fails.
    logger: createLogger({ name: 'notifications', level: (process.env['NOTIFICATIONS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' }),
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    processMetrics: false,
    bus,
    ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}),
  });
  await subgraph.migrate();
  const url = await subgraph.listen(0);

  const caller = async (roles: string[] = ['CUSTOMER']): Promise<Caller> => {
    const userId = randomUUID();
    return { userId, token: await signTestToken(key, { sub: userId, roles, issuer: ISSUER, audience: AUDIENCE }) };
  };
  return {
    subgraph,
    bus,
    url,
    caller,
    async staff() {
      const member = await caller(['CUSTOMER', 'ADMIN']);
      const payload = { userId: member.userId, email: `${member.userId}@techally.test`, name: 'Staff', roles: ['CUSTOMER', 'ADMIN'] };
      const event = createEvent('users.user-registered.v1', member.userId, payload);
      await learnRecipientsConsumer(subgraph.orm).handle(event, { deliveries: 1, group: LEARN_RECIPIENTS, consumer: 'test' });
      return member;
    },
    query: (as, operation, variables = {}) => postGraphQL(url, operation, variables, as ? bearer(as.token) : {}),
    sql: (statement, params = []) => subgraph.orm.em.fork().getConnection().execute(statement, params),
    liveSubscriptions: (count) =>
      eventually(async () => (await metricValue(subgraph.metricsUrl!, 'graphql_subscriptions_active')) === count, `${count} live subscription(s)`),
    async stop() {
      await subgraph.stop();
      await bus.close();
      await database.drop();
      if (options.redisUrl) await deleteKeys(options.redisUrl, keyPrefix);
    },
  };
}
