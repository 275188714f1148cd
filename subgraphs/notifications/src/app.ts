import type { Agent as HttpsAgent } from 'node:https';
import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, createSubscriptionPubSub, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { NotificationsConfig } from './config';
import { createContextFactory } from './context';
import { createNotificationsOrm } from './database';
import { createSenders } from './delivery/create-senders';
import type { Senders } from './delivery/delivery-channel';
import { NotificationFeed } from './live/notification-feed';
import { watchStockConsumer } from './low-stock/watch-stock.consumer';
import { notifyCustomersConsumer } from './order-events/notify-customers.consumer';
import type { DeliveryTargetResolver } from './preferences/notification-category';
import { createDeliveryTargetResolver } from './preferences/preference-target-resolver';
import { loadVapidKeys } from './push/vapid-keys';
import { learnRecipientsConsumer } from './recipients/learn-recipients.consumer';
import { buildNotificationsSchema } from './schema';

/** The running notifications subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface NotificationsSubgraph extends SubgraphApp {
  readonly name: 'notifications';
  /** The PUSH and SMS senders of this configuration (README.md, *Channels*), for the delivery pipeline. */
  readonly senders: Senders;
  /** Where each recipient wants each category (README.md, *Preferences*), for the delivery pipeline. */
  readonly deliveryTargets: DeliveryTargetResolver;
}

export type NotificationsSubgraphOptions = SubgraphAppOptions &
  EventBusOption & {
    /** The TLS agent of push requests (tests trust their local push service with it). */
    readonly pushAgent?: HttpsAgent;
  };

/**
 * The composition root (README.md, House style): the ORM, the event bus, the subscription pub/sub and the request
 * context wired into the platform's subgraph assembly. Opens the pool, the pub/sub (and the bus unless one is
 * injected); does not migrate or listen. The consumers start once the server listens and stop before the pool
 * closes; each publishes what it committed to `notificationReceived`.
 */
export async function createNotificationsSubgraph(
  config: NotificationsConfig,
  options: NotificationsSubgraphOptions = {},
): Promise<NotificationsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'notifications', level: config.logLevel });
  // Before the pool opens: a bad key file stops the start with nothing to close.
  const vapidKeys = await loadVapidKeys(config.push.vapid, logger);
  const orm = await createNotificationsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  // Redis Pub/Sub with REDIS_URL (every notifications process hears what any consumer committed), in memory without.
  const pubSub = createSubscriptionPubSub({ redisUrl: config.events.redisUrl, keyPrefix: `${config.events.keyPrefix}:subscriptions`, logger });
  const notificationFeed = new NotificationFeed(pubSub, logger);
  const push = { publicKey: vapidKeys?.publicKey ?? null, requireHttps: config.push.requireHttps };
  // What the delivery pipeline sends through, and where to: made before the assembly so a worker can be given them.
  const senders = createSenders(config, { orm, vapidKeys, logger, ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}) });
  const deliveryTargets = createDeliveryTargetResolver(orm);
  const app = await assembleSubgraph({
    name: 'notifications',
    config,
    orm,
    logger,
    options,
    buildSchema: () => buildNotificationsSchema({ pubSub }),
    createContext: (verifier) => createContextFactory({ orm, verifier, notificationFeed, push }),
    // Notifications come from events only: a seeded shop's orders notify as their events arrive.
    seed: async () => undefined,
    workers: [
      consumerWorker(bus, notifyCustomersConsumer(orm, notificationFeed), 'notifications'),
      consumerWorker(bus, learnRecipientsConsumer(orm), 'notifications'),
      consumerWorker(bus, watchStockConsumer(orm, notificationFeed, { defaultThreshold: config.lowStockDefaultThreshold }), 'notifications'),
    ],
    // After the server drained (its subscriptions ended) and the consumers stopped publishing.
    closeables: [close, () => pubSub.close()],
  });
  return Object.assign(app, { senders, deliveryTargets });
}
