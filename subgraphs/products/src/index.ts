/**
 * @techally/products — the catalog subgraph: products and their category tree. See README.md for what it
 * owns, what it emits and consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createProductsSubgraph, type ProductsSubgraph, type ProductsSubgraphOptions } from './app';
export { loadProductsConfig, type ProductsConfig } from './config';
export { buildProductsSchema } from './schema';
export type { ProductsContext } from './context';
