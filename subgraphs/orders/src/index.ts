/**
 * @techally/orders — the orders subgraph: orders, their lines and their status history. See README.md for what
 * it owns, what it emits and consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createOrdersSubgraph, type OrdersSubgraph, type OrdersSubgraphOptions } from './app';
export { loadOrdersConfig, type OrdersConfig } from './config';
export { buildOrdersSchema } from './schema';
