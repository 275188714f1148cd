import { Migration } from '@mikro-orm/migrations';

export class Migration20261126054912_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "products";`);
    this.addSql(`create table "products"."category" ("id" uuid not null, "name" varchar(100) not null, "slug" varchar(120) not null, "parent_id" uuid null, "position" int not null default 0, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."category" add constraint "category_slug_unique" unique ("slug");`);
    this.addSql(`create index "category_parent_id_index" on "products"."category" ("parent_id");`);

    this.addSql(`create table "products"."product" ("id" uuid not null, "sku" varchar(32) not null, "name" varchar(200) not null, "slug" varchar(240) not null, "description" text not null, "price_amount" int not null, "currency" char(3) not null, "weight_grams" int not null, "category_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'ARCHIVED')) not null default 'ACTIVE', "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "product_pkey" primary key ("id"), constraint product_weight_grams_check check (weight_grams >= 0), constraint product_price_amount_check check (price_amount >= 0));`);
    this.addSql(`alter table "products"."product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`alter table "products"."product" add constraint "product_slug_unique" unique ("slug");`);
    this.addSql(`create index "product_category_id_index" on "products"."product" ("category_id");`);
    this.addSql(`create index "product_listing_name_index" on "products"."product" ("status", "name", "id");`);
    this.addSql(`create index "product_listing_price_index" on "products"."product" ("status", "price_amount", "id");`);
    this.addSql(`create index "product_listing_newest_index" on "products"."product" ("status", "created_at", "id");`);

    this.addSql(`alter table "products"."category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "products"."category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "products"."product" add constraint "product_category_id_foreign" foreign key ("category_id") references "products"."category" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."category" drop constraint "category_parent_id_foreign";`);

    this.addSql(`alter table "products"."product" drop constraint "product_category_id_foreign";`);

    this.addSql(`drop table if exists "products"."category" cascade;`);

    this.addSql(`drop table if exists "products"."product" cascade;`);

    this.addSql(`drop schema if exists "products";`);
  }

}
