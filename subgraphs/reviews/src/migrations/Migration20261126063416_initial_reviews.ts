import { Migration } from '@mikro-orm/migrations';

export class Migration20261126063416_initial_reviews extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "reviews";`);
    this.addSql(`create table "reviews"."review" ("id" uuid not null, "product_id" uuid not null, "author_id" uuid not null, "rating" smallint not null, "title" varchar(120) not null, "body" text not null, "hidden" boolean not null default false, "hidden_reason" varchar(500) null, "moderated_by" uuid null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "review_pkey" primary key ("id"), constraint review_body_check check (char_length(body) >= 1 and char_length(body) <= 5000), constraint review_title_check check (char_length(title) >= 1 and char_length(title) <= 120), constraint review_rating_check check (rating >= 1 and rating <= 5));`);
    this.addSql(`create index "review_author_newest_index" on "reviews"."review" ("author_id", "created_at", "id");`);
    this.addSql(`create index "review_product_newest_index" on "reviews"."review" ("product_id", "hidden", "created_at", "id");`);
    this.addSql(`alter table "reviews"."review" add constraint "review_author_id_product_id_unique" unique ("author_id", "product_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reviews"."review" cascade;`);

    this.addSql(`drop schema if exists "reviews";`);
  }

}
