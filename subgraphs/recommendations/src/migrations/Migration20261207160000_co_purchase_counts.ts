import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #14: what recommendations learn from the events, as counts kept up to date per event. `counted_order`
 * makes each paid order count once even past the inbox (a replay under new event ids); `co_purchase` holds both
 * directions of a pair, so a product's partners are one index range; `product` is the catalogue's facts
 * (category, archived) as the product events tell them, newest `occurredAt` wins and archiving is final.
 */
export class Migration20261207160000_co_purchase_counts extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('recommendations').forEach((sql) => this.addSql(sql));
    this.addSql(`create table "recommendations"."product" (
      "product_id" uuid not null primary key,
      "category_id" uuid null,
      "category_as_of" timestamptz(3) null,
      "archived" boolean not null default false);`);
    this.addSql(`create index "product_category_index" on "recommendations"."product" ("category_id") where not "archived";`);
    this.addSql(`create table "recommendations"."counted_order" (
      "order_id" uuid not null primary key,
      "customer_id" uuid not null,
      "paid_at" timestamptz(3) not null);`);
    this.addSql(`create table "recommendations"."product_orders" (
      "product_id" uuid not null primary key,
      "orders" integer not null);`);
    this.addSql(`create index "product_orders_popular_index" on "recommendations"."product_orders" ("orders" desc, "product_id");`);
    this.addSql(`create table "recommendations"."co_purchase" (
      "product_id" uuid not null,
      "other_id" uuid not null,
      "orders" integer not null,
      primary key ("product_id", "other_id"),
      constraint "co_purchase_not_itself" check ("product_id" <> "other_id"));`);
    this.addSql(`create table "recommendations"."customer_purchase" (
      "customer_id" uuid not null,
      "product_id" uuid not null,
      "orders" integer not null,
      "last_paid_at" timestamptz(3) not null,
      primary key ("customer_id", "product_id"));`);
    this.addSql(`create table "recommendations"."product_view" (
      "viewer_id" uuid not null,
      "product_id" uuid not null,
      "viewed_at" timestamptz(3) not null default now(),
      primary key ("viewer_id", "product_id"));`);
    this.addSql(`create index "product_view_newest_index" on "recommendations"."product_view" ("viewer_id", "viewed_at" desc);`);
  }

  override async down(): Promise<void> {
    for (const table of ['product_view', 'customer_purchase', 'co_purchase', 'product_orders', 'counted_order', 'product']) {
      this.addSql(`drop table if exists "recommendations"."${table}";`);
    }
    EVENT_TABLES_V1.down('recommendations').forEach((sql) => this.addSql(sql));
  }
}
