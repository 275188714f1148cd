import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #14, first step: in-app notifications of a customer's orders. `order_recipient` is what the events
 * taught us about whose order is whose (`order-cancelled` and `payment-failed` do not say); a notification of an
 * event that overtook its order's first such event waits with no recipient until one arrives. Each (event,
 * channel, recipient) exists at most once, a waiting one included (`nulls not distinct`).
 */
export class Migration20261207120000_in_app_notifications extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('notifications').forEach((sql) => this.addSql(sql));
    this.addSql(`create table "notifications"."order_recipient" (
      "order_id" uuid not null primary key,
      "customer_id" uuid not null,
      "learned_at" timestamptz(3) not null default now());`);
    this.addSql(`create table "notifications"."notification" (
      "id" uuid not null primary key,
      "event_id" uuid not null,
      "channel" varchar(16) not null,
      "recipient_id" uuid null,
      "order_id" uuid not null,
      "kind" varchar(32) not null,
      "title" text not null,
      "body" text not null,
      "occurred_at" timestamptz(3) not null,
      "created_at" timestamptz(3) not null default now(),
      "read_at" timestamptz(3) null,
      constraint "notification_delivery_unique" unique nulls not distinct ("event_id", "channel", "recipient_id"));`);
    this.addSql(`create index "notification_recipient_newest_index" on "notifications"."notification" ("recipient_id", "occurred_at" desc, "id" desc);`);
    this.addSql(`create index "notification_recipient_unread_index" on "notifications"."notification" ("recipient_id", "occurred_at" desc, "id" desc) where "read_at" is null;`);
    this.addSql(`create index "notification_awaiting_recipient_index" on "notifications"."notification" ("order_id") where "recipient_id" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."notification";`);
    this.addSql(`drop table if exists "notifications"."order_recipient";`);
    EVENT_TABLES_V1.down('notifications').forEach((sql) => this.addSql(sql));
  }
}
