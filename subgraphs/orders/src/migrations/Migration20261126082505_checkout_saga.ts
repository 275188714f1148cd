import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * The checkout saga (issue #4): the event tables (outbox, inbox) from the events package, and on the order its
 * payment deadline (the expiry sweeper's partial index) and the code of why it was cancelled.
 */
export class Migration20261126082505_checkout_saga extends Migration {

  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('orders').forEach((sql) => this.addSql(sql));

    this.addSql(`alter table "orders"."order" add column "payment_due_at" timestamptz(3) null, add column "cancellation_reason" varchar(40) null;`);
    this.addSql(`create index "order_awaiting_payment_due_index" on "orders"."order" ("status", "payment_due_at") where "status" = 'AWAITING_PAYMENT';`);
    this.addSql(`alter table "orders"."order" add constraint order_cancellation_reason_check check(cancellation_reason is null or status = 'CANCELLED');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop constraint order_cancellation_reason_check;`);
    this.addSql(`drop index "orders"."order_awaiting_payment_due_index";`);
    this.addSql(`alter table "orders"."order" drop column "payment_due_at", drop column "cancellation_reason";`);

    EVENT_TABLES_V1.down('orders').forEach((sql) => this.addSql(sql));
  }

}
