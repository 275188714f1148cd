import { createEventEntities } from '@techally/events';
import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { CancelledOrder } from './order-events/cancelled-order.entity';
import { PaymentAttempt } from './payment/payment-attempt.entity';
import { Payment } from './payment/payment.entity';
import { StripeWebhookEvent } from './stripe-webhook/stripe-webhook-event.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (README.md, Design decisions). */
export const PAYMENTS_SCHEMA = 'payments';

/** This subgraph's own entities, without the event tables (each ORM needs fresh copies of those). */
export const PAYMENTS_ENTITIES = [Payment, PaymentAttempt, CancelledOrder, StripeWebhookEvent];

/** Everything the payments ORM maps: its entities and the outbox/inbox of the event backbone. */
export function paymentsEntities() {
  return [...PAYMENTS_ENTITIES, ...createEventEntities()];
}

export interface PaymentsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The payments subgraph's ORM: its entities, the event tables, its committed migrations, its schema. */
export function createPaymentsOrm(options: PaymentsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: PAYMENTS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: paymentsEntities(),
    migrations: () => import('./migrations/index.js').then((module) => module.PAYMENTS_MIGRATIONS),
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
