import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';
import type { NotificationKind, NotifyingEvent } from './notification-text';

/** The channel of the rows here; email, SMS and push are deliveries (`src/delivery/`). */
export const IN_APP = 'IN_APP';

/** A notification as stored. */
export interface NotificationRow {
  readonly id: string;
  readonly recipientId: string | null;
  readonly kind: NotificationKind;
  /** The order it is about; null for one about something else (a review, LOW_STOCK). */
  readonly orderId: string | null;
  readonly productId: string | null;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: Date;
  readonly readAt: Date | null;
}

/** A notification that has its recipient: what the live feed publishes once its transaction committed. */
export type DeliveredNotification = NotificationRow & { readonly recipientId: string };

export interface NewNotification {
  readonly eventId: string;
  readonly recipientId: string | null;
  readonly orderId?: string | null;
  readonly productId?: string | null;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: Date;
  /** The event itself: kept while the notification waits for its recipient, to plan its deliveries then. */
  readonly event?: NotifyingEvent;
}

/**
 * A notification that waited for its recipient and now has one: published live, and its deliveries planned from
 * the event it kept.
 */
export type AddressedNotification = DeliveredNotification & {
  /** Null for rows written before the delivery pipeline (they get no email). */
  readonly event: NotifyingEvent | null;
};

/** Where a page of a recipient's notifications resumes: after this (occurredAt, id), newest first. */
export interface NotificationPageQuery {
  readonly recipientId: string;
  readonly limit: number;
  readonly unreadOnly: boolean;
  readonly after: { readonly occurredAt: Date; readonly id: string } | null;
}

/** A row as the driver returns it: timestamps may come as strings (the pool's type parsers), so they are made Dates here. */
type RawRow = Omit<NotificationRow, 'occurredAt' | 'readAt'> & { occurredAt: Date | string; readAt: Date | string | null };

function rowOf(raw: RawRow): NotificationRow {
  return { ...raw, occurredAt: new Date(raw.occurredAt), readAt: raw.readAt === null ? null : new Date(raw.readAt) };
}

const COLUMNS = `"id", "recipient_id" as "recipientId", "kind", "order_id" as "orderId", "product_id" as "productId", "title", "body", "occurred_at" as "occurredAt", "read_at" as "readAt"`;

/** The same, without `id` (ambiguous where `waiting` is joined). */
const COLUMNS_BUT_ID = COLUMNS.replace('"id", ', '');

function delivered(rows: RawRow[]): DeliveredNotification[] {
  return rows.map(rowOf).filter((row): row is DeliveredNotification => row.recipientId !== null);
}

/** Plain SQL over the notifications schema (README.md, *Owns*); every write is idempotent on its own. */
export class NotificationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Remembers whose order this is (the first event that says so wins; they all say the same), and gives the
   * notifications of events that overtook this one their recipient: returned, so their deliveries are planned now.
   */
  async learnRecipient(orderId: string, customerId: string): Promise<AddressedNotification[]> {
    await this.em.execute(`insert into ${TABLES.orderRecipient} ("order_id", "customer_id") values (?, ?) on conflict do nothing`, [orderId, customerId], 'run');
    // RETURNING sees the new row: the event (cleared, it is needed no longer) is read from the rows as they were.
    const rows = await this.em.execute<Array<RawRow & { event: NotifyingEvent | null }>>(
      `with waiting as (select "id", "event" from ${TABLES.notification} where "order_id" = ? and "recipient_id" is null for update)
       update ${TABLES.notification} n set "recipient_id" = ?, "event" = null from waiting where n."id" = waiting."id"
       returning n."id", ${COLUMNS_BUT_ID}, waiting."event"`,
      [orderId, customerId],
    );
    return rows.map((row) => ({ ...rowOf(row), recipientId: customerId, event: row.event }));
  }

  async recipientOf(orderId: string): Promise<string | null> {
    const rows = await this.em.execute<Array<{ customer_id: string }>>(`select "customer_id" from ${TABLES.orderRecipient} where "order_id" = ?`, [orderId]);
    return rows[0]?.customer_id ?? null;
  }

  /**
   * Writes the in-app notification of an event; a second one for the same (event, channel, recipient) is nothing.
   * Returns it when it was written with a recipient (what the live feed publishes after commit), else nothing.
   */
  async writeInApp(notification: NewNotification): Promise<DeliveredNotification[]> {
    const rows = await this.em.execute<RawRow[]>(
      `insert into ${TABLES.notification} ("id", "event_id", "channel", "recipient_id", "order_id", "product_id", "kind", "title", "body", "occurred_at", "event")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict on constraint "notification_delivery_unique" do nothing returning ${COLUMNS}`,
      [
        randomUUID(),
        notification.eventId,
        IN_APP,
        notification.recipientId,
        notification.orderId ?? null,
        notification.productId ?? null,
        notification.kind,
        notification.title,
        notification.body,
        notification.occurredAt,
        notification.recipientId === null && notification.event ? JSON.stringify(notification.event) : null,
      ],
    );
    return delivered(rows);
  }

  /** Up to `limit` of a recipient's notifications, newest first (by when the event happened). */
  async page(query: NotificationPageQuery): Promise<NotificationRow[]> {
    const params: unknown[] = [query.recipientId];
    let where = `"recipient_id" = ?`;
    if (query.unreadOnly) where += ` and "read_at" is null`;
    if (query.after) {
      where += ` and ("occurred_at", "id") < (?, ?)`;
      params.push(query.after.occurredAt, query.after.id);
    }
    params.push(query.limit);
    const rows = await this.em.execute<RawRow[]>(
      `select ${COLUMNS} from ${TABLES.notification} where ${where} order by "occurred_at" desc, "id" desc limit ?`,
      params,
    );
    return rows.map(rowOf);
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ count: string }>>(
      `select count(*) as "count" from ${TABLES.notification} where "recipient_id" = ? and "read_at" is null`,
      [recipientId],
    );
    return Number(row?.count ?? 0);
  }

  /** Marks the recipient's own notifications among `ids` read (a read one keeps its time); returns them. */
  async markRead(recipientId: string, ids: ReadonlyArray<string>): Promise<NotificationRow[]> {
    const rows = await this.em.execute<RawRow[]>(
      `update ${TABLES.notification} set "read_at" = coalesce("read_at", now())
       where "recipient_id" = ? and "id" = any(?::uuid[]) returning ${COLUMNS}`,
      [recipientId, `{${ids.join(',')}}`],
    );
    return rows.map(rowOf);
  }
}
