import { createOrm, type Logger, type SubgraphOrm } from '@techally/platform';
import { PAYMENTS_MIGRATIONS } from './migrations';

export const PAYMENTS_SCHEMA = 'payments';

export const PAYMENTS_ENTITIES = [];

export interface PaymentsOrmOptions {
  readonly databaseUrl: string;
  readonly poolMax?: number;
  readonly logger?: Logger;
}

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
