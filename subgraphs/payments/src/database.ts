import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { PAYMENTS_MIGRATIONS } from './migrations';
import { PaymentAttempt } from './payment/payment-attempt.entity';
import { Payment } from './payment/payment.entity';

/** The Postgres schema this subgraph owns; nothing else reads or writes it (DESIGN.md §3). */
export const PAYMENTS_SCHEMA = 'payments';

export const PAYMENTS_ENTITIES = [Payment, PaymentAttempt];

export interface PaymentsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

/** The payments subgraph's ORM: its entities, its committed migrations, its schema. */
export function createPaymentsOrm(options: PaymentsOrmOptions): Promise<SubgraphOrm> {
  return createOrm({
    schema: PAYMENTS_SCHEMA,
    databaseUrl: options.databaseUrl,
    entities: PAYMENTS_ENTITIES,
    migrations: PAYMENTS_MIGRATIONS,
    ...(options.poolMax !== undefined ? { poolMax: options.poolMax } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
