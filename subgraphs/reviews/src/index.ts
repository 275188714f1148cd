/**
 * @techally/reviews — the reviews subgraph: what customers say about products, and each product's rating.
 * See README.md for what it owns, what it emits and consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createReviewsSubgraph, type ReviewsSubgraph, type ReviewsSubgraphOptions } from './app';
export { loadReviewsConfig, type ReviewsConfig } from './config';
export { buildReviewsSchema } from './schema';
export type { ReviewsContext } from './context';
