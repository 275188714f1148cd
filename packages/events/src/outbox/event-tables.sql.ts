import { INBOX_TABLE } from './inbox.entity';
import { OUTBOX_TABLE, OUTBOX_UNPUBLISHED_INDEX } from './outbox.entity';

/** The NOTIFY channel the outbox trigger signals on; the payload is the schema whose outbox got rows. */
export const OUTBOX_NOTIFY_CHANNEL = 'techally_outbox';

/**
 * The DDL of the outbox and inbox tables, for a subgraph's own migration (each subgraph owns its schema and
 * its migrations, README.md, Design decisions):
 *
 * ```ts
 * export class Migration20261201000000_events extends Migration {
 *   override async up() { EVENT_TABLES_V1.up('orders').forEach((sql) => this.addSql(sql)); }
 *   override async down() { EVENT_TABLES_V1.down('orders').forEach((sql) => this.addSql(sql)); }
 * }
 * ```
 *
 * Versioned and frozen: a committed migration must mean the same thing forever, so a later change to these
 * tables comes as `EVENT_TABLES_V2` holding only the `alter` statements, never as an edit of V1. The tables
 * match `createOutboxEntity()`/`createInboxEntity()` exactly (a test diffs them), so MikroORM's schema diff of
 * a subgraph stays empty. The statement-level trigger is what lets a relay wake up on LISTEN instead of waiting
 * for its next poll; MikroORM does not look at triggers, so it is invisible to the diff.
 */
export const EVENT_TABLES_V1 = Object.freeze({
  up(schema: string): string[] {
    const s = quoteSchema(schema);
    return [
      `create schema if not exists ${s};`,
      `create table ${s}."${OUTBOX_TABLE}" ("id" uuid not null, "position" bigserial, "type" varchar(200) not null, "aggregate_id" varchar(200) not null, "payload" jsonb not null, "metadata" jsonb not null default '{}', "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, "attempts" int not null default 0, "last_error" text null, constraint "${OUTBOX_TABLE}_pkey" primary key ("id"));`,
      `create index "${OUTBOX_UNPUBLISHED_INDEX}" on ${s}."${OUTBOX_TABLE}" ("position") where "published_at" is null;`,
      `create table ${s}."${INBOX_TABLE}" ("event_id" uuid not null, "consumer" varchar(200) not null, "processed_at" timestamptz(3) not null, constraint "${INBOX_TABLE}_pkey" primary key ("event_id", "consumer"));`,
      `create or replace function ${s}."outbox_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('${OUTBOX_NOTIFY_CHANNEL}', tg_table_schema); return null; end $$;`,
      `create trigger "outbox_notify" after insert on ${s}."${OUTBOX_TABLE}" for each statement execute function ${s}."outbox_notify"();`,
    ];
  },
  down(schema: string): string[] {
    const s = quoteSchema(schema);
    return [
      `drop trigger if exists "outbox_notify" on ${s}."${OUTBOX_TABLE}";`,
      `drop function if exists ${s}."outbox_notify"();`,
      `drop table if exists ${s}."${INBOX_TABLE}";`,
      `drop table if exists ${s}."${OUTBOX_TABLE}";`,
    ];
  },
});

/** A schema name as SQL, refusing anything that is not a plain lower-case identifier (no quoting games). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`"${schema}" is not a plain lower-case schema name`);
  return `"${schema}"`;
}
