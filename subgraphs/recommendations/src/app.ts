import { consumerWorker, openEventBus, type EventBusOption } from '@techally/events';
import { assembleSubgraph, createLogger, type SubgraphApp, type SubgraphAppOptions } from '@techally/platform';
import type { RecommendationsConfig } from './config';
import { createContextFactory } from './context';
import { createRecommendationsOrm } from './database';
import { learnPurchasesConsumer, type LearnedListener } from './learning/learn-purchases.consumer';
import { buildRecommendationsSchema } from './schema';

/** The running recommendations subgraph, as main.ts, the embedded launcher and the tests drive it. */
export interface RecommendationsSubgraph extends SubgraphApp {
  readonly name: 'recommendations';
}

export type RecommendationsSubgraphOptions = SubgraphAppOptions &
  EventBusOption & {
    /** Told of each event that changed the counts (tests wait on it instead of sleeping). */
    readonly onLearned?: LearnedListener;
  };

/**
 * The composition root (README.md, House style): the ORM, the event bus, the learning consumer and the request
 * context wired into the platform's subgraph assembly. Opens the pool (and the bus unless one is injected);
 * does not migrate or listen.
 */
export async function createRecommendationsSubgraph(
  config: RecommendationsConfig,
  options: RecommendationsSubgraphOptions = {},
): Promise<RecommendationsSubgraph> {
  const logger = options.logger ?? createLogger({ name: 'recommendations', level: config.logLevel });
  const orm = await createRecommendationsOrm({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax, logger });
  // Opened after the ORM: from here on assembleSubgraph closes both if anything fails.
  const { bus, close } = openEventBus(config.events, options.bus, { logger });
  const app = await assembleSubgraph({
    name: 'recommendations',
    config,
    orm,
    logger,
    options,
    buildSchema: buildRecommendationsSchema,
    createContext: (verifier) => createContextFactory({ verifier, orm }),
    // A read model has no demo data of its own: the orders' and the catalogue's events fill it.
    seed: async () => undefined,
    workers: [consumerWorker(bus, learnPurchasesConsumer(orm, options.onLearned), 'recommendations')],
    closeables: [close],
  });
  return app as RecommendationsSubgraph;
}
