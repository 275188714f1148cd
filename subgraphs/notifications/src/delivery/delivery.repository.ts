import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';
import type { NotificationKind, NotifyingEvent } from '../notification/notification-text';
import type { NotificationCategory } from '../preferences/notification-category';
import type { DeliveryChannelName, PushTarget } from './delivery-channel';

export type DeliveryStatus = 'PENDING' | 'SENT' | 'DEAD';

/** One planned delivery: a (event, channel, recipient, target), with what to render it from. */
export interface PlannedDelivery {
  readonly eventId: string;
  readonly channel: DeliveryChannelName;
  readonly recipientId: string;
  /** '' for email (the directory's address when sent), the E.164 number for SMS, the endpoint for push. */
  readonly target: string;
  /** The push subscription's keys; null on the other channels. */
  readonly details: PushTarget | null;
  readonly kind: NotificationKind;
  readonly category: NotificationCategory;
  readonly event: NotifyingEvent;
}

/** A delivery the worker claimed: `attempts` counts this try. */
export interface ClaimedDelivery extends PlannedDelivery {
  readonly id: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface DeliveryRecord extends ClaimedDelivery {
  readonly status: DeliveryStatus;
  readonly providerMessageId: string | null;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date;
}

const DELIVERY_COLUMNS = `d."id", d."event_id" as "eventId", d."channel", d."recipient_id" as "recipientId", d."target", d."details",
  d."kind", d."category", d."event", d."attempts", d."last_error" as "lastError"`;

/**
 * Email waits for its address: a delivery to a recipient the directory does not know yet is not due, whatever its
 * time (README.md, *Delivery*, "A recipient not known yet").
 */
const ADDRESS_KNOWN = `(d."channel" <> 'EMAIL' or exists (select 1 from ${TABLES.recipient} r where r."user_id" = d."recipient_id"))`;

/** Plain SQL over `notifications.delivery`; each statement is safe when several workers run it at once. */
export class DeliveryRepository {
  constructor(private readonly em: EntityManager) {}

  /** Plans deliveries; one already planned for the same (event, channel, recipient, target) is left as it is. */
  async plan(deliveries: readonly PlannedDelivery[], dueAt: Date): Promise<number> {
    let planned = 0;
    for (const delivery of deliveries) {
      const result = await this.em.execute<{ affectedRows: number }>(
        `insert into ${TABLES.delivery} ("id", "event_id", "channel", "recipient_id", "target", "details", "kind", "category", "event", "next_attempt_at")
         values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?) on conflict on constraint "delivery_once_unique" do nothing`,
        [
          randomUUID(),
          delivery.eventId,
          delivery.channel,
          delivery.recipientId,
          delivery.target,
          delivery.details ? JSON.stringify(delivery.details) : null,
          delivery.kind,
          delivery.category,
          JSON.stringify(delivery.event),
          dueAt,
        ],
        'run',
      );
      planned += result.affectedRows;
    }
    return planned;
  }

  /**
   * Claims up to `limit` due deliveries for one try, in a statement of its own (no transaction stays open while
   * sending): `for update skip locked` keeps two workers off the same row, and the claim pushes the row's time
   * `leaseMs` ahead, so a worker that dies mid-send leaves it due again after the lease (at-least-once).
   */
  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    return this.em.execute<ClaimedDelivery[]>(
      `with due as (
         select d."id" from ${TABLES.delivery} d
         where d."status" = 'PENDING' and d."next_attempt_at" <= ? and ${ADDRESS_KNOWN}
         order by d."next_attempt_at" limit ? for update of d skip locked)
       update ${TABLES.delivery} d set "attempts" = d."attempts" + 1, "next_attempt_at" = ?
       from due where d."id" = due."id"
       returning ${DELIVERY_COLUMNS}`,
      [now, limit, leaseUntil],
    );
  }

  /** The provider took it. Conditional on the claim (same try, still pending): a stale worker changes nothing. */
  async markSent(claim: ClaimedDelivery, sentAt: Date, providerMessageId: string | null): Promise<void> {
    await this.em.execute(
      `update ${TABLES.delivery} set "status" = 'SENT', "sent_at" = ?, "provider_message_id" = ?
       where "id" = ? and "attempts" = ? and "status" = 'PENDING'`,
      [sentAt, providerMessageId, claim.id, claim.attempts],
      'run',
    );
  }

  async scheduleRetry(claim: ClaimedDelivery, at: Date, error: string): Promise<void> {
    await this.em.execute(
      `update ${TABLES.delivery} set "next_attempt_at" = ?, "last_error" = ? where "id" = ? and "attempts" = ? and "status" = 'PENDING'`,
      [at, error, claim.id, claim.attempts],
      'run',
    );
  }

  /** The dead letter: never tried again, with why. */
  async markDead(claim: ClaimedDelivery, reason: string): Promise<void> {
    await this.em.execute(
      `update ${TABLES.delivery} set "status" = 'DEAD', "last_error" = ? where "id" = ? and "attempts" = ? and "status" = 'PENDING'`,
      [reason, claim.id, claim.attempts],
      'run',
    );
  }

  /** Dead-letters the emails that waited longer than `before` for a recipient the directory never learned. */
  async expireUnaddressable(createdBefore: Date): Promise<number> {
    const result = await this.em.execute<{ affectedRows: number }>(
      `update ${TABLES.delivery} d set "status" = 'DEAD', "last_error" = 'the recipient never became known to the recipient directory'
       where d."status" = 'PENDING' and d."created_at" < ? and not ${ADDRESS_KNOWN}`,
      [createdBefore],
      'run',
    );
    return result.affectedRows;
  }

  /** When the next pending delivery whose address is known falls due; null when none is pending. */
  async nextDueAt(): Promise<Date | null> {
    const [row] = await this.em.execute<Array<{ at: Date | string | null }>>(
      `select min(d."next_attempt_at") as "at" from ${TABLES.delivery} d where d."status" = 'PENDING' and ${ADDRESS_KNOWN}`,
    );
    return row?.at ? new Date(row.at) : null;
  }

  /** Every delivery of an event, for operators and tests. */
  async ofEvent(eventId: string): Promise<DeliveryRecord[]> {
    const rows = await this.em.execute<Array<DeliveryRecord & { sentAt: Date | string | null; nextAttemptAt: Date | string }>>(
      `select ${DELIVERY_COLUMNS}, d."status", d."provider_message_id" as "providerMessageId", d."sent_at" as "sentAt",
         d."next_attempt_at" as "nextAttemptAt"
       from ${TABLES.delivery} d where d."event_id" = ? order by d."channel", d."target"`,
      [eventId],
    );
    return rows.map((row) => ({ ...row, sentAt: row.sentAt === null ? null : new Date(row.sentAt), nextAttemptAt: new Date(row.nextAttemptAt) }));
  }
}
