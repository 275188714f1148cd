/**
 * @techally/recommendations — the recommendations subgraph: what else to show a shopper, learned from paid orders.
 * See README.md for what it owns, what it consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createRecommendationsSubgraph, type RecommendationsSubgraph, type RecommendationsSubgraphOptions } from './app';
export { loadRecommendationsConfig, type RecommendationsConfig } from './config';
export { buildRecommendationsSchema } from './schema';
export type { RecommendationsContext } from './context';
// The scoring and the learning writes, for the offline benchmark (bench/recommendations) to run the same code.
export { createRecommendationsOrm } from './database';
export { PurchaseFacts } from './learning/purchase-facts';
export { RecommendationQueries } from './scoring/recommendation.queries';
