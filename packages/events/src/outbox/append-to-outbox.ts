import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '../contracts/event-envelope';
import { OUTBOX_ENTITY, type OutboxMessage } from './outbox.entity';

/**
 * Writes events to the outbox in the caller's unit of work, so the domain change and its events commit
 * together or not at all (README.md, Design decisions). Nothing is published here: the relay does that after the commit.
 *
 * The rows are persisted, not flushed: inside `em.transactional(...)` they go out with the transaction's final
 * flush; otherwise with the caller's next `em.flush()`, which wraps every pending change in one transaction.
 * Call it in the same fork (and transaction) that makes the change, never in another.
 *
 * Events are written in the order given; the relay publishes them in that order.
 */
export function appendToOutbox(
  em: EntityManager,
  events: EventEnvelope<string, unknown> | ReadonlyArray<EventEnvelope<string, unknown>>,
): void {
  if (!em.getMetadata().find(OUTBOX_ENTITY)) {
    throw new Error(`${OUTBOX_ENTITY} is not registered with this ORM: add ...createEventEntities() to its entities`);
  }
  for (const event of Array.isArray(events) ? events : [events]) {
    const row: OutboxMessage = {
      id: event.id,
      type: event.type,
      aggregateId: event.aggregateId,
      payload: event.payload,
      metadata: event.metadata,
      occurredAt: new Date(event.occurredAt),
      publishedAt: null,
      attempts: 0,
      lastError: null,
    };
    em.persist(em.create<OutboxMessage>(OUTBOX_ENTITY, row));
  }
}
