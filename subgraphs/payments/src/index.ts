/**
 * @techally/payments — the payments subgraph: one payment per order, opened from the orders subgraph's events
 * and collected through a PaymentProvider (Stripe with STRIPE_SECRET_KEY, else simulated). See README.md for
 * what it owns, what it emits and consumes, and what it must not import.
 */
// First: the platform loads reflect-metadata, which the decorated classes below need when they are defined.
import '@techally/platform';

export { createPaymentsSubgraph, type PaymentsSubgraph, type PaymentsSubgraphOptions } from './app';
export { loadPaymentsConfig, type PaymentsConfig } from './config';
export { buildPaymentsSchema } from './schema';
export type { PaymentsContext } from './context';
export type { PaymentProvider, CardDetails, ConfirmOutcome, PaymentIntent } from './provider/payment-provider';
export { SimulatedPaymentProvider, TEST_CARDS } from './provider/simulated.provider';
export { STRIPE_WEBHOOK_PATH } from './stripe-webhook/stripe-webhook.route';
export { FOLLOW_ORDERS_GROUP } from './order-events/follow-orders';
