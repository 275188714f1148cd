import { Migration } from '@mikro-orm/migrations';

export class Migration20261126063410_initial_inventory extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "inventory";`);
    this.addSql(`create table "inventory"."warehouse" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(100) not null, "city" varchar(100) not null, "country" char(2) not null, "active" boolean not null default true, constraint "warehouse_pkey" primary key ("id"));`);
    this.addSql(`alter table "inventory"."warehouse" add constraint "warehouse_code_unique" unique ("code");`);

    this.addSql(`create table "inventory"."stock_level" ("product_id" uuid not null, "warehouse_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "updated_at" timestamptz(3) not null, constraint "stock_level_pkey" primary key ("product_id", "warehouse_id"), constraint stock_level_reserved_within_on_hand_check check (reserved <= on_hand), constraint stock_level_reserved_check check (reserved >= 0), constraint stock_level_on_hand_check check (on_hand >= 0));`);
    this.addSql(`create index "stock_level_warehouse_id_index" on "inventory"."stock_level" ("warehouse_id");`);

    this.addSql(`create table "inventory"."stock_adjustment" ("id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "delta" int not null, "reason" text check ("reason" in ('RECEIVED', 'DAMAGED', 'LOST', 'RETURNED', 'CORRECTION')) not null, "note" text null, "actor_id" uuid null, "on_hand_after" int not null, "created_at" timestamptz(3) not null, constraint "stock_adjustment_pkey" primary key ("id"), constraint stock_adjustment_delta_check check (delta <> 0));`);
    this.addSql(`create index "stock_adjustment_warehouse_id_index" on "inventory"."stock_adjustment" ("warehouse_id");`);
    this.addSql(`create index "stock_adjustment_product_index" on "inventory"."stock_adjustment" ("product_id", "created_at");`);

    this.addSql(`alter table "inventory"."stock_level" add constraint "stock_level_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "inventory"."stock_adjustment" add constraint "stock_adjustment_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);
  }

}
