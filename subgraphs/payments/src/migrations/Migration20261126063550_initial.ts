import { Migration } from '@mikro-orm/migrations';

export class Migration20261126063550_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "payments";`);
    this.addSql(`create table "payments"."payment" ("id" uuid not null, "order_id" uuid not null, "customer_id" uuid not null, "amount" int not null, "currency" char(3) not null, "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED')) not null default 'PENDING', "provider" varchar(32) not null, "provider_reference" varchar(255) null, "attempts" int not null default 0, "failure_code" varchar(64) null, "idempotency_key" varchar(100) not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "payment_pkey" primary key ("id"), constraint payment_attempts_check check (attempts >= 0), constraint payment_amount_check check (amount > 0));`);
    this.addSql(`alter table "payments"."payment" add constraint "payment_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "payment_customer_id_index" on "payments"."payment" ("customer_id");`);
    this.addSql(`alter table "payments"."payment" add constraint "payment_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "payments"."payment_attempt" ("id" uuid not null, "payment_id" uuid not null, "number" int not null, "outcome" text check ("outcome" in ('PROCESSING', 'SUCCEEDED', 'DECLINED', 'ERROR')) not null default 'PROCESSING', "failure_code" varchar(64) null, "card_last4" char(4) not null, "card_brand" varchar(16) not null, "at" timestamptz(3) not null, constraint "payment_attempt_pkey" primary key ("id"));`);
    this.addSql(`alter table "payments"."payment_attempt" add constraint "payment_attempt_payment_number_unique" unique ("payment_id", "number");`);

    this.addSql(`alter table "payments"."payment_attempt" add constraint "payment_attempt_payment_id_foreign" foreign key ("payment_id") references "payments"."payment" ("id") on update cascade on delete cascade;`);
  }

}
