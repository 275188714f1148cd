import { Migration } from '@mikro-orm/migrations';

export class Migration20261126054952_initial_users extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "users";`);
    this.addSql(`create table "users"."user_account" ("id" uuid not null, "email" text not null, "name" text not null, "password_hash" text not null, "roles" text[] not null, "failed_login_count" int not null default 0, "first_failed_login_at" timestamptz null, "locked_until" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "user_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "users"."user_account" add constraint "user_account_email_unique" unique ("email");`);

    this.addSql(`create table "users"."refresh_token" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_token_user_id_index" on "users"."refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "users"."refresh_token" ("family_id");`);
    this.addSql(`alter table "users"."refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "users"."address" ("id" uuid not null, "user_id" uuid not null, "label" text null, "full_name" text not null, "line1" text not null, "line2" text null, "city" text not null, "region" text null, "postal_code" text not null, "country" char(2) not null, "phone" text null, "is_default" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "address_pkey" primary key ("id"));`);
    this.addSql(`create index "address_user_id_index" on "users"."address" ("user_id");`);
    this.addSql(`create unique index "address_one_default_per_user" on "users"."address" ("user_id") where "is_default";`);

    this.addSql(`alter table "users"."refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "users"."user_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "users"."address" add constraint "address_user_id_foreign" foreign key ("user_id") references "users"."user_account" ("id") on update cascade on delete cascade;`);
  }

}
