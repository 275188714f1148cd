/**
 * @techally/inventory — the inventory subgraph: warehouses, stock levels per product and warehouse, and the
 * audit trail of every stock adjustment. See README.md for what it owns, what it emits and consumes, and what it
 * must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createInventorySubgraph, type InventorySubgraph, type InventorySubgraphOptions } from './app';
export { loadInventoryConfig, type InventoryConfig } from './config';
export { buildInventorySchema } from './schema';
