/**
 * @techally/search — the search subgraph: a read model of the catalogue fed by its events, searched by
 * `searchProducts` and `suggestProducts`. See README.md for what it owns, consumes and must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createSearchSubgraph, type SearchSubgraph, type SearchSubgraphOptions } from './app';
export { loadSearchConfig, type SearchConfig } from './config';
export { buildSearchSchema } from './schema';
export type { SearchContext } from './context';
export { INDEX_CATALOG } from './catalog/catalog-events.consumer';
// For bench/search, which fills the index through the backend's own writes.
export { createSearchOrm } from './database';
export { PostgresSearchBackend } from './backend/postgres/postgres-search-backend';
