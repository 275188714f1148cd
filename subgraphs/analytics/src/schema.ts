import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { SalesReportResolver } from './sales/sales-report.resolver';
import { LowStockResolver } from './stock/low-stock.resolver';
import { RebuildResolver } from './rebuild/rebuild.resolver';

/**
 * The analytics subgraph's federated schema. Needs no database and no configuration (the compose script prints
 * the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [SalesReportResolver, LowStockResolver, RebuildResolver] });
}
