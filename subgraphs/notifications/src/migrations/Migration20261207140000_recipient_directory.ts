import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #14: who the platform's users are, as the users events tell it — where their mail goes, what to call
 * them, and who is staff (low-stock alerts). One row per user, the newest snapshot wins (`as_of`, the event's
 * `occurredAt`), so duplicates, replays and events out of order converge on the latest facts.
 */
export class Migration20261207140000_recipient_directory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."recipient" (
      "user_id" uuid not null primary key,
      "email" text not null,
      "name" text not null,
      "roles" text[] not null,
      "as_of" timestamptz(3) not null);`);
    this.addSql(`create index "recipient_staff_index" on "notifications"."recipient" ("user_id") where 'ADMIN' = any("roles");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."recipient";`);
  }
}
