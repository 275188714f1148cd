import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * The checkout saga (issue #4): the outbox and inbox of the event backbone, the orders payments knows to be
 * cancelled, the Stripe events already handled, and the lookup of a payment by its provider intent (webhooks).
 */
export class Migration20261126120000_saga extends Migration {

  override async up(): Promise<void> {
    for (const sql of EVENT_TABLES_V1.up('payments')) this.addSql(sql);

    this.addSql(`create table "payments"."cancelled_order" ("order_id" uuid not null, "reason" varchar(64) not null, "cancelled_at" timestamptz(3) not null, constraint "cancelled_order_pkey" primary key ("order_id"));`);
    this.addSql(`create index "cancelled_order_cancelled_at_index" on "payments"."cancelled_order" ("cancelled_at");`);

    this.addSql(`create table "payments"."stripe_webhook_event" ("id" varchar(255) not null, "type" varchar(100) not null, "received_at" timestamptz(3) not null, constraint "stripe_webhook_event_pkey" primary key ("id"));`);

    this.addSql(`alter table "payments"."payment" add constraint "payment_provider_reference_unique" unique ("provider_reference");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payments"."payment" drop constraint "payment_provider_reference_unique";`);
    this.addSql(`drop table if exists "payments"."stripe_webhook_event";`);
    this.addSql(`drop table if exists "payments"."cancelled_order";`);
    for (const sql of EVENT_TABLES_V1.down('payments')) this.addSql(sql);
  }

}
