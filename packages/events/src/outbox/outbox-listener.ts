import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventsLogger } from '../shared/events-logger';
import { errorMessage, sleep } from '../shared/timing';
import { OUTBOX_NOTIFY_CHANNEL } from './event-tables.sql';

interface NotificationConnection {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
}

interface RawConnectionFactory {
  acquireRawConnection(): Promise<NotificationConnection>;
  destroyRawConnection(connection: NotificationConnection): Promise<void>;
}

export interface OutboxListener {
  close(): Promise<void>;
}

/**
 * LISTENs for the outbox trigger's NOTIFY (see `EVENT_TABLES_V1`) and calls `onRows` when the schema's outbox
 * got rows, so the relay publishes at once instead of at its next poll. Polling stays the guarantee: a
 * notification lost while this connection was down only delays publication.
 *
 * It opens one connection of its own, outside the ORM's pool (a LISTEN holds its connection for good). Not for
 * the embedded PGlite, whose single session the pool already owns.
 */
export function listenForOutboxRows(orm: MikroORM, schema: string, onRows: () => void, logger: EventsLogger): OutboxListener {
  const factory = orm.em.getConnection().getKnex().client as unknown as RawConnectionFactory;
  const abort = new AbortController();
  let connection: NotificationConnection | null = null;

  async function connect(): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const opened = await factory.acquireRawConnection();
        if (abort.signal.aborted) {
          await factory.destroyRawConnection(opened);
          return;
        }
        connection = opened;
        const lost = new Promise<void>((resolve) => {
          opened.on('error', () => resolve());
          opened.on('end', () => resolve());
        });
        opened.on('notification', (message) => {
          if (message.channel === OUTBOX_NOTIFY_CHANNEL && message.payload === schema) onRows();
        });
        await opened.query(`listen ${OUTBOX_NOTIFY_CHANNEL}`);
        failures = 0;
        // Rows written while nobody listened are found by the next poll; one more look now costs little.
        onRows();
        await Promise.race([lost, new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }))]);
        connection = null;
        await factory.destroyRawConnection(opened).catch(() => undefined);
        if (!abort.signal.aborted) logger.warn({ schema }, 'outbox LISTEN connection lost; reconnecting');
      } catch (error) {
        failures += 1;
        logger.warn({ schema, err: errorMessage(error) }, 'outbox LISTEN failed; the relay polls meanwhile');
      }
      await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)), abort.signal);
    }
  }

  const running = connect();
  return {
    async close() {
      abort.abort();
      const open = connection;
      connection = null;
      if (open) await factory.destroyRawConnection(open).catch(() => undefined);
      await running;
    },
  };
}
