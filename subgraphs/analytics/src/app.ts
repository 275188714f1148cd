import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { AnalyticsConfig } from './config';
import { createContextFactory } from './context';
import { createAnalyticsOrm } from './database';
import { recordSalesConsumer } from './sales/order-events.consumer';
import { buildAnalyticsSchema } from './schema';
import { ReadModelRebuild, type RebuildResult } from './rebuild/read-model-rebuild';

/** The running analytics subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface AnalyticsSubgraph extends SubgraphApp {
  readonly name: 'analytics';
  /** Rebuilds the read model by replaying the bus's streams, while serving (src/rebuild). */
  rebuild(): Promise<RebuildResult>;
}

export type AnalyticsSubgraphOptions = SubgraphAppOptions & EventBusOption;

/**
 * The composition root (README.md, House style): the ORM, the event bus, the sales consumer and the request
 * context wired into the platform's subgraph assembly. Opens the pool (and the bus unless one is injected);
 * does not migrate or listen.
 */
export async function createAnalyticsSubgraph(config: AnalyticsConfig, options: AnalyticsSubgraphOptions = {}): Promise<AnalyticsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'analytics', level: config.logLevel });
  const orm = await createAnalyticsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  const rebuilder = new ReadModelRebuild({ orm, bus, logger });
  const rebuild = () => rebuilder.run();
  const app = await assembleSubgraph({
    name: 'analytics',
    config,
    orm,
    logger,
    options,
    buildSchema: buildAnalyticsSchema,
    createContext: (verifier) => createContextFactory({ verifier, orm, rebuild }),
    // A read model has no demo data of its own: the orders' events fill it.
    seed: async () => undefined,
    workers: [consumerWorker(bus, recordSalesConsumer(orm), 'analytics')],
    closeables: [close],
  });
  return Object.assign(app, { name: 'analytics' as const, rebuild });
}
