import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #14, the delivery pipeline: besides the in-app row, each notifying event plans one delivery per (event,
 * channel, recipient, target) — email, SMS, push — sent by the delivery worker with retries and a dead letter.
 *
 * - `delivery`: the unique key makes planning idempotent (a redelivered event plans nothing new), and `status`
 *   PENDING → SENT | DEAD is the once-only rule of the worker. `target` is what the channel sends to beyond the
 *   recipient: '' for email (the recipient directory's address, read when it is sent), the number for SMS, the
 *   endpoint for push (its keys in `details`). `event` is the envelope the templates render from when it is sent.
 * - `notification.event`: the envelope of a notification still waiting for its recipient, so its deliveries can be
 *   planned once an event names the customer.
 * - A notification need not be about an order (a review's moderation): `order_id` becomes nullable and
 *   `product_id` is added. Idempotent DDL: the live-notifications migration makes the same change.
 */
export class Migration20261207160000_delivery_pipeline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."notification" alter column "order_id" drop not null;`);
    this.addSql(`alter table "notifications"."notification" add column if not exists "product_id" uuid null;`);
    this.addSql(`alter table "notifications"."notification" add column if not exists "event" jsonb null;`);
    this.addSql(`create table "notifications"."delivery" (
      "id" uuid not null primary key,
      "event_id" uuid not null,
      "channel" varchar(16) not null,
      "recipient_id" uuid not null,
      "target" text not null,
      "details" jsonb null,
      "kind" varchar(32) not null,
      "category" varchar(32) not null,
      "event" jsonb not null,
      "status" varchar(16) not null default 'PENDING',
      "attempts" int not null default 0,
      "next_attempt_at" timestamptz(3) not null,
      "last_error" text null,
      "provider_message_id" text null,
      "created_at" timestamptz(3) not null default now(),
      "sent_at" timestamptz(3) null,
      constraint "delivery_once_unique" unique ("event_id", "channel", "recipient_id", "target"),
      constraint "delivery_status_check" check ("status" in ('PENDING', 'SENT', 'DEAD')));`);
    this.addSql(`create index "delivery_due_index" on "notifications"."delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "delivery_recipient_pending_index" on "notifications"."delivery" ("recipient_id") where "status" = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."delivery";`);
    this.addSql(`alter table "notifications"."notification" drop column if exists "event";`);
  }
}
