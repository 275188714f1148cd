import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #14, the read model completed: refunds, the warehouses each order's units were reserved in, each
 * product's category over time, stock on hand per warehouse, and the daily rollup `salesReport` reads (one row
 * per UTC day, dimension, key, currency and cancellation reason), kept by the consumer for every day an event
 * touches (README.md, *The daily rollup*).
 */
export class Migration20261207190000_sales_dimensions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "analytics"."sales_refund" (
      "event_id" uuid not null,
      "order_id" uuid not null,
      "refunded_at" timestamptz(3) not null,
      "amount" bigint null,
      "reason" varchar(64) null,
      constraint "sales_refund_pkey" primary key ("event_id"));`);
    this.addSql(`create index if not exists "sales_refund_order_index" on "analytics"."sales_refund" ("order_id");`);
    this.addSql(`create index if not exists "sales_refund_refunded_at_index" on "analytics"."sales_refund" ("refunded_at");`);
    this.addSql(`create table if not exists "analytics"."sales_allocation" (
      "order_id" uuid not null,
      "product_id" uuid not null,
      "warehouse_id" uuid not null,
      "quantity" integer not null,
      constraint "sales_allocation_pkey" primary key ("order_id", "product_id", "warehouse_id"));`);
    this.addSql(`create table if not exists "analytics"."product_category" (
      "product_id" uuid not null,
      "valid_from" timestamptz(3) not null,
      "category_id" uuid not null,
      constraint "product_category_pkey" primary key ("product_id", "valid_from"));`);
    // The line's name as the order event carried it (optional `name`): the CSV export labels products with it.
    this.addSql(`alter table "analytics"."sales_order_line" add column if not exists "name" varchar(255) null;`);
    this.addSql(`create index if not exists "sales_order_line_product_index" on "analytics"."sales_order_line" ("product_id");`);
    this.addSql(`create table if not exists "analytics"."stock_level" (
      "product_id" uuid not null,
      "warehouse_id" uuid not null,
      "warehouse_code" varchar(64) not null,
      "on_hand" integer not null,
      "reserved" integer not null,
      "available" integer not null,
      "as_of" timestamptz(3) not null,
      constraint "stock_level_pkey" primary key ("product_id", "warehouse_id"));`);
    this.addSql(`create table if not exists "analytics"."sales_daily" (
      "dimension" varchar(16) not null,
      "day" date not null,
      "key" varchar(64) not null,
      "currency" char(3) not null,
      "reason" varchar(64) not null,
      "placed" integer not null,
      "converted" integer not null,
      "paid" integer not null,
      "revenue" bigint not null,
      "units" integer not null,
      "fulfilled" integer not null,
      "cancelled" integer not null,
      "refunds" integer not null,
      "refunded" bigint not null,
      constraint "sales_daily_pkey" primary key ("dimension", "day", "key", "currency", "reason"));`);
    // Who is rebuilding the read model, until when (a lease: a rebuild that died lets the next one in once it lapsed).
    this.addSql(`create table if not exists "analytics"."rebuild_lease" (
      "name" varchar(64) not null,
      "holder" uuid not null,
      "expires_at" timestamptz(3) not null,
      constraint "rebuild_lease_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics"."rebuild_lease";`);
    for (const table of ['sales_daily', 'stock_level', 'product_category', 'sales_allocation', 'sales_refund']) {
      this.addSql(`drop table if exists "analytics"."${table}";`);
    }
    this.addSql(`drop index if exists "analytics"."sales_order_line_product_index";`);
    this.addSql(`alter table "analytics"."sales_order_line" drop column if exists "name";`);
  }
}
