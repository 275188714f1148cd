import { Migration } from '@mikro-orm/migrations';
import { EVENT_TABLES_V1 } from '@techally/events';

/**
 * The checkout saga (issue #4): the outbox and inbox of the event backbone, and the stock reservations — one
 * row per order, its lines per product and warehouse.
 */
export class Migration20261126082527_checkout_saga extends Migration {

  override async up(): Promise<void> {
    EVENT_TABLES_V1.up('inventory').forEach((sql) => this.addSql(sql));

    this.addSql(`create table "inventory"."stock_reservation" ("order_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'COMMITTED', 'RELEASED')) not null, "expires_at" timestamptz(3) null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "stock_reservation_pkey" primary key ("order_id"), constraint stock_reservation_expiry_check check (status <> 'ACTIVE' or expires_at is not null));`);

    this.addSql(`create table "inventory"."stock_reservation_line" ("order_id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, constraint "stock_reservation_line_pkey" primary key ("order_id", "product_id", "warehouse_id"), constraint stock_reservation_line_quantity_check check (quantity > 0));`);
    this.addSql(`create index "stock_reservation_line_warehouse_id_index" on "inventory"."stock_reservation_line" ("warehouse_id");`);

    this.addSql(`alter table "inventory"."stock_reservation_line" add constraint "stock_reservation_line_order_id_foreign" foreign key ("order_id") references "inventory"."stock_reservation" ("order_id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory"."stock_reservation_line" add constraint "stock_reservation_line_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory"."stock_reservation_line" cascade;`);
    this.addSql(`drop table if exists "inventory"."stock_reservation" cascade;`);
    EVENT_TABLES_V1.down('inventory').forEach((sql) => this.addSql(sql));
  }

}
