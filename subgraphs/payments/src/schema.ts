import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { PaymentResolver } from './payment/payment.resolver';

/** The payments subgraph's federated schema. Needs no database and no configuration. */
export function buildPaymentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [PaymentResolver] });
}
