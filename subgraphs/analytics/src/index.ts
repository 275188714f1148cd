/**
 * @techally/analytics — the analytics subgraph: a read model of sales fed by the orders' events, answering
 * `salesReport` for administrators. See README.md for what it owns, consumes and must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createAnalyticsSubgraph, type AnalyticsSubgraph, type AnalyticsSubgraphOptions } from './app';
export { loadAnalyticsConfig, type AnalyticsConfig } from './config';
export { buildAnalyticsSchema } from './schema';
export type { AnalyticsContext } from './context';
export { RECORD_SALES } from './sales/order-events.consumer';
