import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #11: partner API keys, stored as the SHA-256 of the secret with a visible prefix, an owner, a rate tier
 * and an expiry (api-key/api-key.entity.ts).
 */
export class Migration20261207031934_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "users"."api_key" ("id" uuid not null, "name" text not null, "owner_id" uuid not null, "tier" text check ("tier" in ('basic', 'standard', 'premium')) not null, "key_hash" text not null, "prefix" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`create index "api_key_owner_id_index" on "users"."api_key" ("owner_id");`);
    this.addSql(`alter table "users"."api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`alter table "users"."api_key" add constraint "api_key_owner_id_foreign" foreign key ("owner_id") references "users"."user_account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "users"."api_key" cascade;`);
  }

}
