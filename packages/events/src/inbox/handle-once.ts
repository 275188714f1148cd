import type { EntityManager } from '@mikro-orm/postgresql';
import { INBOX_ENTITY } from '../outbox/inbox.entity';
import { qualifiedTableName } from '../outbox/event-tables';

/** What {@link handleOnce} did: ran the effect (and what it returned), or found the event already handled. */
export type HandleOnceResult<T> = { readonly applied: true; readonly result: T } | { readonly applied: false };

/**
 * Runs `effect` at most once per (event, consumer), however often the bus delivers the event: the inbox row
 * and the effect's writes commit in one transaction (README.md, Design decisions, at-least-once delivery + inbox = effectively
 * once).
 *
 * The row is inserted first with `ON CONFLICT DO NOTHING`. A duplicate finds the row and skips the effect. Two
 * deliveries racing on two connections serialise on the primary key: the second waits for the first to commit
 * (then skips) or roll back (then applies). If the effect throws, everything rolls back and the error reaches
 * the bus, which redelivers.
 *
 * `effect` gets the transactional EntityManager: do every write through it (events it emits included, via
 * `appendToOutbox`). Keep other services out of it (no HTTP inside a transaction, README.md, Design decisions).
 */
export async function handleOnce<T>(
  em: EntityManager,
  envelope: { readonly id: string },
  consumer: string,
  effect: (em: EntityManager) => Promise<T>,
): Promise<HandleOnceResult<T>> {
  return em.transactional(async (tx): Promise<HandleOnceResult<T>> => {
    const inbox = qualifiedTableName(tx, INBOX_ENTITY);
    const inserted = await tx.execute<{ affectedRows: number }>(
      `insert into ${inbox} ("event_id", "consumer", "processed_at") values (?, ?, now()) on conflict do nothing`,
      [envelope.id, consumer],
      'run',
    );
    if (inserted.affectedRows === 0) return { applied: false };
    return { applied: true, result: await effect(tx) };
  });
}
