import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #14: what each user wants to hear and where (README.md, *Preferences*, *Channels*). A preference row per
 * (user, category) that was ever changed — a user who changed nothing has none and gets the defaults; the SMS
 * number apart (one per user); and the browsers' push subscriptions, one row per endpoint (an endpoint belongs
 * to the browser, so whoever registered it last owns it).
 */
export class Migration20261207170000_preferences_and_push extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "notifications"."notification_preference" (
      "user_id" uuid not null,
      "category" text not null check ("category" in ('ORDER_UPDATES', 'REVIEWS', 'STOCK_ALERTS', 'MARKETING')),
      "email" boolean not null,
      "sms" boolean not null,
      "push" boolean not null,
      "updated_at" timestamptz(3) not null default now(),
      primary key ("user_id", "category"),
      -- Receipts always go (transactional): the service refuses it, the table makes sure.
      constraint "notification_preference_transactional_email" check ("category" <> 'ORDER_UPDATES' or "email"));`);
    this.addSql(`create table if not exists "notifications"."notification_contact" (
      "user_id" uuid not null primary key,
      "sms_number" text null check ("sms_number" ~ '^\\+[1-9][0-9]{6,14}$'),
      "updated_at" timestamptz(3) not null default now());`);
    this.addSql(`create table if not exists "notifications"."push_subscription" (
      "id" uuid not null primary key,
      "user_id" uuid not null,
      "endpoint" text not null,
      "p256dh" text not null,
      "auth" text not null,
      "created_at" timestamptz(3) not null default now(),
      constraint "push_subscription_endpoint_unique" unique ("endpoint"));`);
    this.addSql(`create index if not exists "push_subscription_user_index" on "notifications"."push_subscription" ("user_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."push_subscription";`);
    this.addSql(`drop table if exists "notifications"."notification_contact";`);
    this.addSql(`drop table if exists "notifications"."notification_preference";`);
  }
}
