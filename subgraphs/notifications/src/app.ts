import type { Agent as HttpsAgent } from 'node:https';
import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, createSubscriptionPubSub, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { NotificationsConfig } from './config';
import { createContextFactory } from './context';
import { createNotificationsOrm } from './database';
import { createSenders } from './delivery/create-senders';
import type { DeliveryTargetsFactory } from './delivery/default-delivery-targets';
import type { Senders } from './delivery/delivery-channel';
import { DeliverySignal } from './delivery/delivery-signal';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './delivery/delivery-worker';
import { createEmailSender } from './delivery/email/email-sender';
import { NotificationFeed } from './live/notification-feed';
import { watchStockConsumer } from './low-stock/watch-stock.consumer';
import { notifyCustomersConsumer } from './order-events/notify-customers.consumer';
import type { DeliveryTargetResolver } from './preferences/notification-category';
import { createDeliveryTargetResolver, preferenceDeliveryTargets } from './preferences/preference-target-resolver';
import { loadVapidKeys } from './push/vapid-keys';
import { learnRecipientsConsumer } from './recipients/learn-recipients.consumer';
import { buildNotificationsSchema } from './schema';

/** The running notifications subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface NotificationsSubgraph extends SubgraphApp {
  readonly name: 'notifications';
  /** The delivery worker (started and stopped with the other workers); `runOnce()` tries the due deliveries now. */
  readonly deliveries: DeliveryWorker;
  /** The PUSH and SMS senders of this configuration (README.md, *Channels*), for the delivery pipeline. */
  readonly senders: Senders;
  /** Where each recipient wants each category (README.md, *Preferences*), for the delivery pipeline. */
  readonly deliveryTargets: DeliveryTargetResolver;
}

export type NotificationsSubgraphOptions = SubgraphAppOptions &
  EventBusOption & {
    /** Where recipients want their notifications; default: their stored preferences (README.md, *Preferences*). */
    readonly deliveryTargets?: DeliveryTargetsFactory;
    /** Senders over the configured ones (EMAIL from SMTP_URL, PUSH and SMS from their settings): a test's. */
    readonly senders?: Senders;
    /** The delivery worker's clock and jitter, for tests that move time instead of sleeping. */
    readonly deliveryTiming?: Pick<DeliveryWorkerOptions, 'clock' | 'random' | 'settings'>;
    /** The TLS agent of push requests (tests trust their local push service with it). */
    readonly pushAgent?: HttpsAgent;
  };

/**
 * The composition root (README.md, House style): the ORM, the event bus, the subscription pub/sub and the request
 * context wired into the platform's subgraph assembly. Opens the pool, the pub/sub (and the bus unless one is
 * injected); does not migrate or listen. The consumers and the delivery worker start once the server listens and
 * stop before the pool closes; each consumer publishes what it committed to `notificationReceived`.
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
  // The PUSH and SMS senders of this configuration (README.md, *Channels*), and where each recipient wants what.
  const channelSenders = createSenders(config, { orm, vapidKeys, logger, ...(options.pushAgent ? { pushAgent: options.pushAgent } : {}) });
  const deliveryTargets = createDeliveryTargetResolver(orm);
  const { delivery } = config;
  if (!delivery.smtpUrl && config.nodeEnv === 'production') logger.warn({ mailDir: delivery.mailDir }, 'SMTP_URL is not set: emails are written to files, not sent');
  const signal = new DeliverySignal();
  const senders: Senders = {
    EMAIL: createEmailSender({ smtpUrl: delivery.smtpUrl, from: delivery.mailFrom, mailDir: delivery.mailDir, logger }),
    ...channelSenders,
    ...options.senders,
  };
  const deliveries = createDeliveryWorker({
    orm,
    logger,
    signal,
    senders,
    ...options.deliveryTiming,
    settings: {
      maxAttempts: delivery.maxAttempts,
      baseDelayMs: delivery.baseDelayMs,
      maxDelayMs: delivery.maxDelayMs,
      pollIntervalMs: delivery.pollIntervalMs,
      ...options.deliveryTiming?.settings,
    },
  });
  const notify = { deliveryTargets: options.deliveryTargets ?? preferenceDeliveryTargets };
  const app = await assembleSubgraph({
    name: 'notifications',
    config,
    orm,
    logger,
    options,
    buildSchema: () => buildNotificationsSchema({ pubSub }),
    createContext: (verifier) => createContextFactory({ orm, verifier, notificationFeed, push, lowStockDefaultThreshold: config.lowStockDefaultThreshold }),
    // Notifications come from events only: a seeded shop's orders notify as their events arrive.
    seed: async () => undefined,
    workers: [
      consumerWorker(bus, notifyCustomersConsumer(orm, notificationFeed, notify, signal), 'notifications'),
      consumerWorker(bus, learnRecipientsConsumer(orm, signal), 'notifications'),
      consumerWorker(bus, watchStockConsumer(orm, notificationFeed, { defaultThreshold: config.lowStockDefaultThreshold, ...notify }, signal), 'notifications'),
      deliveries,
    ],
    // After the server drained (its subscriptions ended) and the consumers stopped publishing.
    closeables: [close, () => pubSub.close()],
  });
  return Object.assign(app, { deliveries, senders, deliveryTargets });
}
