import type { GraphQLSchema } from 'graphql';
import type { EventBus } from '@techally/events';
import type { ApiKeyRevocations, Logger, SubgraphApp } from '@techally/platform';
import { buildAnalyticsSchema, createAnalyticsSubgraph, loadAnalyticsConfig } from '@techally/analytics';
import { buildNotificationsSchema, createNotificationsSubgraph, loadNotificationsConfig } from '@techally/notifications';
import { buildInventorySchema, createInventorySubgraph, loadInventoryConfig } from '@techally/inventory';
import { buildOrdersSchema, createOrdersSubgraph, loadOrdersConfig } from '@techally/orders';
import { buildPaymentsSchema, createPaymentsSubgraph, loadPaymentsConfig } from '@techally/payments';
import { buildRecommendationsSchema, createRecommendationsSubgraph, loadRecommendationsConfig } from '@techally/recommendations';
import { buildProductsSchema, createProductsSubgraph, loadProductsConfig } from '@techally/products';
import { buildReviewsSchema, createReviewsSubgraph, loadReviewsConfig } from '@techally/reviews';
import { buildSearchSchema, createSearchSubgraph, loadSearchConfig } from '@techally/search';
import { buildUsersSchema, createUsersSubgraph, loadUsersConfig } from '@techally/users';

/** How the tooling knows one subgraph: its name in the supergraph, its local port, its schema and its app. */
export interface SubgraphDefinition {
  readonly name: string;
  /** The port it listens on locally (the embedded start and the committed supergraph's URLs). */
  readonly defaultPort: number;
  /** The variable that sets that port when the subgraph runs alone. */
  readonly portVariable: string;
  /** The federated schema, built without a database (for SDL printing and composition). */
  buildSchema(): Promise<GraphQLSchema>;
  /**
   * The subgraph's composition root, configured from an environment, for a process it shares with others (so
   * it leaves process-wide metrics to the gateway and uses the process's one event bus).
   */
  create(env: Record<string, string | undefined>, logger: Logger, shared?: SharedInfrastructure): Promise<SubgraphApp>;
}

/** What the subgraphs of one process share. */
export interface SharedInfrastructure {
  /** The process's event bus (one in-memory bus must be shared for events to reach the other subgraphs). */
  readonly bus?: EventBus;
  /** Where the users subgraph announces API-key revocations to the gateway of the process (in memory without Redis). */
  readonly apiKeyRevocations?: ApiKeyRevocations;
}

/**
 * Every subgraph of the graph, in the order they start: each after the ones it calls (users first, the others
 * verify tokens against its JWKS; orders after products and users; search last, as it builds its index from
 * products, inventory and reviews when it first starts; analytics, notifications and recommendations ask no one). Adding a domain
 * means adding it here; see README.md, "Adding a subgraph".
 */
export const SUBGRAPHS: ReadonlyArray<SubgraphDefinition> = [
  {
    name: 'users',
    defaultPort: 4001,
    portVariable: 'USERS_PORT',
    buildSchema: buildUsersSchema,
    create: (env, logger, shared) =>
      createUsersSubgraph(loadUsersConfig(env), {
        logger,
        processMetrics: false,
        ...(shared?.bus ? { bus: shared.bus } : {}),
        ...(shared?.apiKeyRevocations ? { apiKeyRevocations: shared.apiKeyRevocations } : {}),
      }),
  },
  {
    name: 'products',
    defaultPort: 4002,
    portVariable: 'PRODUCTS_PORT',
    buildSchema: buildProductsSchema,
    create: (env, logger, shared) =>
      createProductsSubgraph(loadProductsConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'inventory',
    defaultPort: 4003,
    portVariable: 'INVENTORY_PORT',
    buildSchema: buildInventorySchema,
    create: (env, logger, shared) =>
      createInventorySubgraph(loadInventoryConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'orders',
    defaultPort: 4004,
    portVariable: 'ORDERS_PORT',
    buildSchema: buildOrdersSchema,
    create: (env, logger, shared) =>
      createOrdersSubgraph(loadOrdersConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'payments',
    defaultPort: 4005,
    portVariable: 'PAYMENTS_PORT',
    buildSchema: buildPaymentsSchema,
    create: (env, logger, shared) =>
      createPaymentsSubgraph(loadPaymentsConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'reviews',
    defaultPort: 4006,
    portVariable: 'REVIEWS_PORT',
    buildSchema: buildReviewsSchema,
    create: (env, logger, shared) =>
      createReviewsSubgraph(loadReviewsConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'search',
    defaultPort: 4007,
    portVariable: 'SEARCH_PORT',
    buildSchema: buildSearchSchema,
    create: (env, logger, shared) =>
      createSearchSubgraph(loadSearchConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'analytics',
    defaultPort: 4010,
    portVariable: 'ANALYTICS_PORT',
    buildSchema: buildAnalyticsSchema,
    create: (env, logger, shared) =>
      createAnalyticsSubgraph(loadAnalyticsConfig(env), { logger, processMetrics: false, ...(shared?.bus ? { bus: shared.bus } : {}) }),
  },
  {
    name: 'notifications',
    defaultPort: 4008,
    portVariable: 'NOTIFICATIONS_PORT',
    buildSchema: buildNotificationsSchema,
    create: (env, logger, shared) =>
      createNotificationsSubgraph(loadNotificationsConfig(env), {
        logger,
        processMetrics: false,
        ...(shared?.bus ? { bus: shared.bus } : {}),
      }),
  },
  {
    name: 'recommendations',
    defaultPort: 4009,
    portVariable: 'RECOMMENDATIONS_PORT',
    buildSchema: buildRecommendationsSchema,
    create: (env, logger, shared) =>
      createRecommendationsSubgraph(loadRecommendationsConfig(env), {
        logger,
        processMetrics: false,
        ...(shared?.bus ? { bus: shared.bus } : {}),
      }),
  },
];

export function localSubgraphUrl(definition: SubgraphDefinition, port = definition.defaultPort): string {
  return `http://127.0.0.1:${port}/graphql`;
}

/** The variable that tells the gateway and the other subgraphs where a subgraph is (`SUBGRAPH_USERS_URL`). */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${name.toUpperCase()}_URL`;
}
