import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * Issue #13: the search read model. One row per product the catalogue's events (or the first build) told us of;
 * a row known only from a stock or rating event has no `status` yet and is never found. `document` is the
 * weighted text the full-text search matches (name and SKU A, category path B, description C), `name_words`
 * the name's words unstemmed for type-ahead prefixes. `vocabulary` holds the words of the names and categories,
 * the dictionary a misspelt query is corrected against.
 *
 * pg_trgm (similarity, the `%` operator, GIN trigram indexes) is created when the server offers it — PostgreSQL's
 * contrib and the embedded PGlite both do — and skipped otherwise (or without the privilege): search then works
 * without typo correction (README.md, *Typo tolerance*). Its schema is looked up at run time.
 */
export class Migration20261207060000_search_read_model extends Migration {
  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('search').forEach((sql) => this.addSql(sql));
    this.addSql(`create table "search"."product" (
      "id" uuid not null,
      "sku" varchar(32) null,
      "name" text null,
      "slug" text null,
      "description" text not null default '',
      "status" varchar(16) null,
      "price_amount" integer null,
      "currency" char(3) null,
      "category_id" uuid null,
      "category_path" uuid[] not null default '{}',
      "category_names" text not null default '',
      "created_at" timestamptz(3) null,
      "source_updated_at" timestamptz(3) null,
      "in_stock" boolean not null default false,
      "available" integer not null default 0,
      "stock_at" timestamptz(3) null,
      "rating_average" numeric(2,1) null,
      "rating_count" integer not null default 0,
      "rating_at" timestamptz(3) null,
      "document" tsvector generated always as (
        setweight(to_tsvector('english', coalesce("name", '')), 'A') ||
        setweight(to_tsvector('simple', coalesce("sku", '')), 'A') ||
        setweight(to_tsvector('english', "category_names"), 'B') ||
        setweight(to_tsvector('english', "description"), 'C')) stored,
      "name_words" tsvector generated always as (to_tsvector('simple', coalesce("name", ''))) stored,
      constraint "product_pkey" primary key ("id"));`);
    this.addSql(`create index "product_document_index" on "search"."product" using gin ("document");`);
    this.addSql(`create index "product_name_words_index" on "search"."product" using gin ("name_words");`);
    this.addSql(`create index "product_category_path_index" on "search"."product" using gin ("category_path");`);
    this.addSql(`create index "product_newest_index" on "search"."product" ("created_at" desc, "id" desc) where "status" = 'ACTIVE';`);
    this.addSql(`create index "product_price_index" on "search"."product" ("price_amount", "id") where "status" = 'ACTIVE';`);
    this.addSql(`create table "search"."vocabulary" ("word" text not null, constraint "vocabulary_pkey" primary key ("word"));`);
    this.addSql(`create table "search"."sync_state" ("name" varchar(100) not null, "completed_at" timestamptz(3) not null, constraint "sync_state_pkey" primary key ("name"));`);
    this.addSql(`do $$
      declare trgm_schema text;
      begin
        if not exists (select 1 from pg_extension where extname = 'pg_trgm')
           and exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
          begin
            create extension pg_trgm with schema public;
          exception when insufficient_privilege then
            raise notice 'pg_trgm not created (%): search runs without typo correction', sqlerrm;
          end;
        end if;
        select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
        if trgm_schema is not null then
          execute format('create index "vocabulary_word_trigram_index" on "search"."vocabulary" using gin ("word" %I.gin_trgm_ops)', trgm_schema);
        end if;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search"."sync_state";`);
    this.addSql(`drop table if exists "search"."vocabulary";`);
    this.addSql(`drop table if exists "search"."product";`);
    EVENT_TABLES_V1.down('search').forEach((sql) => this.addSql(sql));
  }
}
