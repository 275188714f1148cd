import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #14: low-stock alerts for staff. A notification may be about a product rather than an order: `order_id`
 * becomes nullable and `product_id` is added — idempotently, since the delivery pipeline's migration makes the
 * same change. `stock_watch` is the last stock figure learned per product and warehouse (warehouse null: the
 * product-wide figure) and whether its current dip below the threshold was already told (`alerted`);
 * `low_stock_threshold` the administrators' thresholds (warehouse null: the product's); `product_label` the SKU
 * the products events named, for the alert's text.
 */
export class Migration20261207180000_low_stock_alerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."notification" alter column "order_id" drop not null;`);
    this.addSql(`alter table "notifications"."notification" add column if not exists "product_id" uuid null;`);
    this.addSql(`create table "notifications"."stock_watch" (
      "product_id" uuid not null,
      "warehouse_id" uuid null,
      "warehouse_code" text null,
      "available" integer not null,
      "as_of" timestamptz(3) not null,
      "alerted" boolean not null,
      constraint "stock_watch_scope_unique" unique nulls not distinct ("product_id", "warehouse_id"));`);
    this.addSql(`create table "notifications"."low_stock_threshold" (
      "product_id" uuid not null,
      "warehouse_id" uuid null,
      "threshold" integer not null check ("threshold" >= 0),
      "updated_by" uuid not null,
      "updated_at" timestamptz(3) not null default now(),
      constraint "low_stock_threshold_scope_unique" unique nulls not distinct ("product_id", "warehouse_id"));`);
    this.addSql(`create table "notifications"."product_label" (
      "product_id" uuid not null primary key,
      "sku" text not null,
      "as_of" timestamptz(3) not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."product_label";`);
    this.addSql(`drop table if exists "notifications"."low_stock_threshold";`);
    this.addSql(`drop table if exists "notifications"."stock_watch";`);
    // order_id stays nullable and product_id stays: another migration may rely on them (they are shared).
  }
}
