import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #4: the event tables (reviews consumes `orders.order-paid.v1` through the inbox; the outbox is there for
 * the events it will emit) and the purchases read model behind `Review.verifiedPurchase`.
 */
export class Migration20261126082459_events_and_purchases extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('reviews').forEach((sql) => this.addSql(sql));
    this.addSql(`create table "reviews"."purchase" ("customer_id" uuid not null, "product_id" uuid not null, "first_order_id" uuid not null, "purchased_at" timestamptz(3) not null, constraint "purchase_pkey" primary key ("customer_id", "product_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reviews"."purchase";`);
    EVENT_TABLES_V1.down('reviews').forEach((sql) => this.addSql(sql));
  }
}
