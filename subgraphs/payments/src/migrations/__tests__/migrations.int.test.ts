import { itKeepsMigrationsAndEntitiesInStep, migratedTestOrm } from '@techally/testing';
import { createPaymentsOrm } from '../../database';

const orm = migratedTestOrm((database) => createPaymentsOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

describe('the committed migrations', () => {
  itKeepsMigrationsAndEntitiesInStep(orm);

  it('keep every table in the payments schema, the event backbone’s outbox and inbox included', async () => {
    const rows = await orm().em
      .fork()
      .getConnection()
      .execute<Array<{ table_schema: string; table_name: string }>>(
        `select table_schema, table_name from information_schema.tables
          where table_name in ('payment', 'payment_attempt', 'cancelled_order', 'stripe_webhook_event', 'outbox', 'inbox') and table_schema = 'payments'`,
      );
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`).sort()).toEqual([
      'payments.cancelled_order',
      'payments.inbox',
      'payments.outbox',
      'payments.payment',
      'payments.payment_attempt',
      'payments.stripe_webhook_event',
    ]);
  });

  it('find a payment by its provider intent through a unique index (the webhook’s lookup), one intent per payment', async () => {
    const rows = await orm().em
      .fork()
      .getConnection()
      .execute<Array<{ indexdef: string }>>(`select indexdef from pg_indexes where schemaname = 'payments' and indexname = 'payment_provider_reference_unique'`);
    expect(rows).toEqual([{ indexdef: expect.stringContaining('UNIQUE INDEX payment_provider_reference_unique ON payments.payment USING btree (provider_reference)') }]);
  });
});
