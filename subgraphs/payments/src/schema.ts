import { buildFederatedSchema } from '@techally/platform';
import type { GraphQLSchema } from 'graphql';
import { OrderPaymentResolver } from './payment/order-payment.resolver';
import { PaymentFieldsResolver } from './payment/payment-fields.resolver';
import { resolveOrderReference, resolvePaymentReference } from './payment/payment.reference';
import { PaymentResolver } from './payment/payment.resolver';

/**
 * The payments subgraph's federated schema. Needs no database and no configuration (the compose script
 * prints the SDL from it): everything a resolver uses at run time arrives in the GraphQL context.
 */
export function buildPaymentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PaymentResolver, PaymentFieldsResolver, OrderPaymentResolver],
    referenceResolvers: {
      Payment: resolvePaymentReference,
      Order: resolveOrderReference,
    },
  });
}
