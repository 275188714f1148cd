import { Migration } from '@mikro-orm/migrations';

export class Migration20261126063311_initial_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    // Order numbers (TA-100001, TA-100002, ...): the column default of "order"."number" draws from it.
    this.addSql(`create sequence "orders"."order_number_seq" start with 100001;`);
    this.addSql(`create table "orders"."order" ("id" uuid not null, "number" varchar(20) not null default ('TA-'::text || nextval('orders.order_number_seq'::regclass)), "customer_id" uuid not null, "status" text check ("status" in ('PENDING', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')) not null default 'PENDING', "currency" char(3) not null, "subtotal" int not null, "shipping" int not null, "tax" int not null, "total" int not null, "shipping_full_name" text not null, "shipping_line1" text not null, "shipping_line2" text null, "shipping_city" text not null, "shipping_region" text null, "shipping_postal_code" text not null, "shipping_country" char(2) not null, "shipping_phone" text null, "idempotency_key" varchar(100) not null, "request_hash" char(64) not null, "placed_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "order_pkey" primary key ("id"), constraint order_total_check check (total = subtotal + shipping + tax), constraint order_amounts_check check (subtotal >= 0 and shipping >= 0 and tax >= 0));`);
    this.addSql(`alter table "orders"."order" add constraint "order_number_unique" unique ("number");`);
    this.addSql(`alter sequence "orders"."order_number_seq" owned by "orders"."order"."number";`);
    this.addSql(`create index "order_status_placed_at_index" on "orders"."order" ("status", "placed_at", "id");`);
    this.addSql(`create index "order_customer_placed_at_index" on "orders"."order" ("customer_id", "placed_at", "id");`);
    this.addSql(`create index "order_placed_at_index" on "orders"."order" ("placed_at", "id");`);
    this.addSql(`alter table "orders"."order" add constraint "order_customer_idempotency_key_unique" unique ("customer_id", "idempotency_key");`);

    this.addSql(`create table "orders"."order_item" ("id" uuid not null, "order_id" uuid not null, "position" smallint not null, "product_id" uuid not null, "sku" varchar(32) not null, "name" varchar(200) not null, "unit_price" int not null, "quantity" smallint not null, "line_total" int not null, constraint "order_item_pkey" primary key ("id"), constraint order_item_line_total_check check (unit_price >= 0 and line_total = unit_price * quantity), constraint order_item_quantity_check check (quantity >= 1 and quantity <= 99));`);
    this.addSql(`alter table "orders"."order_item" add constraint "order_item_order_position_unique" unique ("order_id", "position");`);

    this.addSql(`create table "orders"."order_status_change" ("id" uuid not null, "order_id" uuid not null, "from_status" text check ("from_status" in ('PENDING', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')) null, "to_status" text check ("to_status" in ('PENDING', 'AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED')) not null, "reason" text not null, "actor" text not null, "at" timestamptz(3) not null, constraint "order_status_change_pkey" primary key ("id"));`);
    this.addSql(`create index "order_status_change_order_at_index" on "orders"."order_status_change" ("order_id", "at");`);

    this.addSql(`alter table "orders"."order_item" add constraint "order_item_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "orders"."order_status_change" add constraint "order_status_change_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete restrict;`);
  }

}
