import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #14: the sales read model. One row per order the orders' events told us of, holding each fact with the
 * time it happened (placed, paid, cancelled and why, fulfilled), and one row per (order, product) with its units
 * and its share of the paid total. Every column is set by one kind of event whatever the order of arrival, so
 * the figures aggregated from these rows converge (README.md, *Consumes*). The report aggregates by the UTC day,
 * week or month of each fact: one index per fact time.
 */
export class Migration20261207120000_sales_read_model extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('analytics').forEach((sql) => this.addSql(sql));
    this.addSql(`create table "analytics"."sales_order" (
      "order_id" uuid not null,
      "currency" char(3) null,
      "total_amount" bigint null,
      "units" integer null,
      "placed_at" timestamptz(3) null,
      "paid_at" timestamptz(3) null,
      "cancelled_at" timestamptz(3) null,
      "cancel_reason" varchar(64) null,
      "fulfilled_at" timestamptz(3) null,
      constraint "sales_order_pkey" primary key ("order_id"));`);
    this.addSql(`create table "analytics"."sales_order_line" (
      "order_id" uuid not null,
      "product_id" uuid not null,
      "quantity" integer not null,
      "revenue_amount" bigint not null,
      constraint "sales_order_line_pkey" primary key ("order_id", "product_id"));`);
    for (const fact of ['placed', 'paid', 'cancelled', 'fulfilled']) {
      this.addSql(`create index "sales_order_${fact}_at_index" on "analytics"."sales_order" ("${fact}_at") where "${fact}_at" is not null;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics"."sales_order_line";`);
    this.addSql(`drop table if exists "analytics"."sales_order";`);
    EVENT_TABLES_V1.down('analytics').forEach((sql) => this.addSql(sql));
  }
}
