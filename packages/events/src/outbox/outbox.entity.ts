import { EntitySchema } from '@mikro-orm/core';

/** A row of the `outbox` table: one event waiting for the relay, or already published. */
export interface OutboxMessage {
  /** The event id (UUID v4). */
  id: string;
  /**
   * Insertion order, drawn from a sequence. The relay publishes by it: event ids are random and `occurred_at`
   * ties within a millisecond, but two events of one transaction must leave in the order they were written.
   */
  position?: string;
  type: string;
  aggregateId: string;
  payload: unknown;
  metadata: unknown;
  occurredAt: Date;
  /** When the relay handed it to the bus; null while it waits. */
  publishedAt: Date | null;
  /** Failed publication attempts (the bus was down). */
  attempts: number;
  lastError: string | null;
}

/** The entity name `appendToOutbox` and the relay look the table up by. */
export const OUTBOX_ENTITY = 'OutboxMessage';
export const OUTBOX_TABLE = 'outbox';
/** Partial index of the rows still to publish, in publication order: what the relay's claim scans. */
export const OUTBOX_UNPUBLISHED_INDEX = 'outbox_unpublished_index';

/**
 * The outbox table as MikroORM sees it. A factory, not a shared constant: every subgraph's ORM registers its
 * own copy, since MikroORM decorates an entity's class per ORM and several ORMs share one process in the
 * embedded start (README.md, Design decisions). The table lives in the ORM's own schema.
 */
export function createOutboxEntity(): EntitySchema<OutboxMessage> {
  return new EntitySchema<OutboxMessage>({
    name: OUTBOX_ENTITY,
    tableName: OUTBOX_TABLE,
    properties: {
      id: { type: 'uuid', primary: true },
      position: { type: 'bigint', autoincrement: true },
      type: { type: 'string', length: 200 },
      aggregateId: { type: 'string', length: 200 },
      payload: { type: 'json' },
      metadata: { type: 'json', default: '{}' },
      occurredAt: { type: 'datetime', length: 3 },
      publishedAt: { type: 'datetime', length: 3, nullable: true },
      attempts: { type: 'integer', default: 0 },
      lastError: { type: 'text', nullable: true },
    },
    indexes: [
      {
        name: OUTBOX_UNPUBLISHED_INDEX,
        expression: (table) => `create index "${OUTBOX_UNPUBLISHED_INDEX}" on ${quoteTable(table)} ("position") where "published_at" is null`,
      },
    ],
  });
}

function quoteTable(table: { name: string; schema?: string }): string {
  return table.schema ? `"${table.schema}"."${table.name}"` : `"${table.name}"`;
}
