import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { NotificationsConfig } from './config';
import { createContextFactory } from './context';
import { createNotificationsOrm } from './database';
import { notifyCustomersConsumer } from './order-events/notify-customers.consumer';
import { learnRecipientsConsumer } from './recipients/learn-recipients.consumer';
import { buildNotificationsSchema } from './schema';

/** The running notifications subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface NotificationsSubgraph extends SubgraphApp {
  readonly name: 'notifications';
}

export type NotificationsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the event bus and the request context wired into the
 * platform's subgraph assembly. Opens the pool (and the bus unless one is injected); does not migrate or listen.
 * The order consumer starts once the server listens and stops before the pool closes.
 */
export async function createNotificationsSubgraph(
  config: NotificationsConfig,
  options: NotificationsSubgraphOptions = {},
): Promise<NotificationsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'notifications', level: config.logLevel });
  const orm = await createNotificationsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  return assembleSubgraph({
    name: 'notifications',
    config,
    orm,
    logger,
    options,
    buildSchema: buildNotificationsSchema,
    createContext: (verifier) => createContextFactory({ orm, verifier }),
    // Notifications come from events only: a seeded shop's orders notify as their events arrive.
    seed: async () => undefined,
    workers: [
      consumerWorker(bus, notifyCustomersConsumer(orm), 'notifications'),
      consumerWorker(bus, learnRecipientsConsumer(orm), 'notifications'),
    ],
    closeables: [close],
  });
}
