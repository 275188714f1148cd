import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #9: the 15-minute account lock goes (anyone knowing an email could lock its owner out); log-ins are
 * throttled per account and client instead, on counters of their own (user/login-throttle.policy.ts).
 */
export class Migration20261206120657_login_throttling extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "users"."login_attempt_counter" ("key" text not null, "failures" int not null, "last_attempt_at" timestamptz not null, constraint "login_attempt_counter_pkey" primary key ("key"));`);
    this.addSql(`create index "login_attempt_counter_last_attempt_at_index" on "users"."login_attempt_counter" ("last_attempt_at");`);

    this.addSql(`alter table "users"."user_account" drop column "failed_login_count", drop column "first_failed_login_at", drop column "locked_until";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users"."login_attempt_counter" cascade;`);

    this.addSql(`alter table "users"."user_account" add column "failed_login_count" int4 not null default 0, add column "first_failed_login_at" timestamptz(6) null, add column "locked_until" timestamptz(6) null;`);
  }

}
