import { EntitySchema } from '@mikro-orm/core';

/** A row of the `inbox` table: this consumer already applied this event. */
export interface InboxEntry {
  eventId: string;
  /** The handler's stable name (`inventory.reserve-stock`): one event may be handled by several consumers. */
  consumer: string;
  processedAt: Date;
}

export const INBOX_ENTITY = 'InboxEntry';
export const INBOX_TABLE = 'inbox';

/** The inbox table as MikroORM sees it; a factory for the same reason as `createOutboxEntity`. */
export function createInboxEntity(): EntitySchema<InboxEntry> {
  return new EntitySchema<InboxEntry>({
    name: INBOX_ENTITY,
    tableName: INBOX_TABLE,
    properties: {
      eventId: { type: 'uuid', primary: true },
      consumer: { type: 'string', length: 200, primary: true },
      processedAt: { type: 'datetime', length: 3 },
    },
  });
}
