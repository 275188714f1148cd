/**
 * Every Postgres schema a subgraph of this graph owns. Each ORM's schema generator ignores the others
 * (DESIGN.md §8): without that, a migration generated for one subgraph on a shared database would drop every
 * other subgraph's tables. A new subgraph adds its schema here.
 */
export const SUBGRAPH_SCHEMAS = [
  'users',
  'products',
  'inventory',
  'orders',
  'payments',
  'reviews',
  'search',
  'notifications',
  'recommendations',
  'analytics',
] as const;

export type SubgraphSchemaName = (typeof SUBGRAPH_SCHEMAS)[number];
